import { stemmer } from 'stemmer';
import { normalizeText } from './normalize.js';
import { ENGLISH_STOPWORDS } from './stopwords.js';

/** One searchable word: `surface` is the folded word as written, `term` what the index matches on. */
export interface Token {
  surface: string;
  term: string;
}

/**
 * A word: a dotted acronym ("u.s."), a number with its decimal point ("1.5"), or letters with
 * inner apostrophes ("don't"). Letters and digits part ("covid19" as "covid-19": covid, 19), and
 * a dot between longer words is a missing space ("soleimani.ps" in a tweet), so it splits.
 */
const WORD = /\p{L}(?:\.\p{L})+(?!\p{L})|\p{N}+(?:\.\p{N}+)*|[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*/gu;

/** Scripts written without spaces between words: only a dictionary segmenter finds their words. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const LATIN_WORD = /^[\p{Script=Latin}\p{N}]+$/u;
const THOUSANDS_SEPARATOR = /(\d),(?=\d{3}(?!\d))/gu;

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Words repeat (Zipf): stemming each distinct word once halves indexing time. Cleared when full. */
const tokenCache = new Map<string, Token | null>();
const TOKEN_CACHE_LIMIT = 200_000;

/**
 * Splits text into index terms. Space-separated scripts are split by a pattern (ten times faster
 * than the segmenter, same boundaries); runs of CJK, Thai and similar scripts go through
 * `Intl.Segmenter`. English stopwords are dropped and Porter stemming applied to Latin-script
 * words only; numbers stay, since they tell claims apart ("122 detainees").
 */
export function tokenize(text: string): Token[] {
  return tokenizeNormalized(normalizeText(text));
}

/** `tokenize` for text already folded by `normalizeText`: a lookup folds its query once, for its words and its measures. */
export function tokenizeNormalized(normalized: string): Token[] {
  const tokens: Token[] = [];
  const text = normalized.replace(THOUSANDS_SEPARATOR, '$1');
  // `match` with a global pattern gives the words as strings, where `matchAll` made a match object
  // per word: indexing spent half its time here. A text with no unspaced script is checked once.
  const words = text.match(WORD) ?? [];
  const unspaced = UNSPACED_SCRIPT.test(text);
  for (const word of words) {
    if (unspaced && UNSPACED_SCRIPT.test(word)) {
      for (const segment of segmenter.segment(word)) {
        if (segment.isWordLike) tokens.push({ surface: segment.segment, term: segment.segment });
      }
    } else {
      let token = tokenCache.get(word);
      if (token === undefined) {
        if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
        token = toToken(word) ?? null;
        tokenCache.set(word, token);
      }
      if (token) tokens.push(token);
    }
  }
  return tokens;
}

function toToken(word: string): Token | undefined {
  if (ENGLISH_STOPWORDS.has(word)) return undefined;
  // "trump's" → "trump", "don't" → "dont", "u.s" → "us"; but "1.5" keeps its point.
  const surface = /^\p{N}/u.test(word) ? word : word.replace(/'s$/u, '').replace(/['.]/gu, '');
  if (!surface || ENGLISH_STOPWORDS.has(surface)) return undefined;
  if (!LATIN_WORD.test(surface)) return { surface, term: surface };
  return { surface, term: stemmer(surface) };
}
