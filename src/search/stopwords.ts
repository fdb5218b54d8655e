import { eng } from 'stopword';

/** Chat filler the stock English list lacks ("rt", "amp" from `&amp;`), and contraction leftovers. */
const EXTRA = ['rt', 'amp', 'via', 'just', 'like', 'get', 'got', 's', 't', 'll', 're', 've', 'd'];

/** English function words: too common to tell two claims apart. Compared against folded, unstemmed tokens. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([...eng, ...EXTRA]);
