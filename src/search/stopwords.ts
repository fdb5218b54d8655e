import { eng } from 'stopword';

/** Chat filler that the stock English list lacks ("rt", "amp" from `&amp;`). */
const CHAT_FILLER = ['rt', 'amp', 'via', 'just', 'like', 'get', 'got'];

/** English function words: too common to tell two claims apart. Compared against folded, unstemmed tokens. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([...eng, ...CHAT_FILLER]);
