import { stemmer } from 'stemmer';
import { normalizeText } from './normalize.js';
import { ENGLISH_STOPWORDS } from './stopwords.js';

/** One searchable word: `surface` is the folded word as written, `term` what the index matches on. */
export interface Token {
  surface: string;
  term: string;
}

/** Letters and digits, keeping word-internal apostrophes and dots ("don't", "u.s", "1.5"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['.][\p{L}\p{M}\p{N}]+)*/gu;

/** Scripts written without spaces between words: only a dictionary segmenter finds their words. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const LATIN_WORD = /^[\p{Script=Latin}\p{N}]+$/u;
const THOUSANDS_SEPARATOR = /(\d),(?=\d{3}(?!\d))/gu;

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Splits text into index terms. Space-separated scripts are split by a pattern (ten times faster
 * than the segmenter, same boundaries); runs of CJK, Thai and similar scripts go through
 * `Intl.Segmenter`. English stopwords are dropped and Porter stemming applied to Latin-script
 * words only; numbers stay, since they tell claims apart ("122 detainees").
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const normalized = normalizeText(text).replace(THOUSANDS_SEPARATOR, '$1');
  for (const match of normalized.matchAll(WORD)) {
    const word = match[0];
    if (UNSPACED_SCRIPT.test(word)) {
      for (const segment of segmenter.segment(word)) {
        if (segment.isWordLike) tokens.push({ surface: segment.segment, term: segment.segment });
      }
    } else {
      const token = toToken(word);
      if (token) tokens.push(token);
    }
  }
  return tokens;
}

function toToken(word: string): Token | undefined {
  if (ENGLISH_STOPWORDS.has(word)) return undefined;
  // "trump's" → "trump", "don't" → "dont", "u.s" → "us"; but "1.5" keeps its point.
  const surface = word.replace(/'s$/u, '').replace(/'|(?<!\p{N})\.|\.(?!\p{N})/gu, '');
  if (!surface || ENGLISH_STOPWORDS.has(surface)) return undefined;
  if (!LATIN_WORD.test(surface)) return { surface, term: surface };
  return { surface, term: stemmer(surface) };
}
