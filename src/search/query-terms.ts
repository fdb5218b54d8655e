import { splitCompound } from './compound-split.js';
import { SEARCH_CONFIG } from './config.js';
import type { InvertedIndex } from './inverted-index.js';
import { cleanQuery } from './query-cleanup.js';
import { ENGLISH_STOPWORDS } from './stopwords.js';
import { tokenize, type Token } from './tokenize.js';
import type { TypoIndex } from './typo-index.js';

/** One word of the query and the index terms that stand for it (itself and/or typo corrections). */
export interface QueryWord {
  surface: string;
  /** Weight of the word's occurrences in the query: 1 each in the text, less for a mention. */
  count: number;
  /** Index term ids with their weight: 1 for the word itself, less for a correction. */
  variants: { termId: number; weight: number }[];
}

/**
 * No part of a run-together word is tried longer than this, whatever the index holds: a store with
 * one endless "word" in it (a pasted blob) must not make an unknown query word costly to split.
 * English words that long are chemistry; hashtags are made of everyday ones.
 */
const MAX_COMPOUND_PART = 40;

interface Vocabulary {
  index: InvertedIndex;
  typos: TypoIndex;
}

/**
 * Turns query text into the words to look for: tweet and chat clutter removed, tokenised like the
 * documents; an unknown word is split into known words when it is several run together, or else
 * paired with close vocabulary words (typos); poster and mention names count a little. A long
 * text keeps its `maxQueryWords` most distinctive words (see `mostDistinctive`).
 */
export function queryWords(raw: string, index: InvertedIndex, typos: TypoIndex): QueryWord[] {
  const { text, mentions } = cleanQuery(raw);
  return queryWordsOf(tokenize(text), mentions, index, typos);
}

/** `queryWords` of a cleaned query's text already tokenised, and of its mentions (the poster's and mentioned names). */
export function queryWordsOf(tokens: readonly Token[], mentions: string, index: InvertedIndex, typos: TypoIndex): QueryWord[] {
  const vocabulary = { index, typos };
  const bySurface = new Map<string, QueryWord>();
  const unmatchable = new Set<string>();
  const addToken = (token: Token, weight: number): void => {
    const known = bySurface.get(token.surface);
    if (known) {
      known.count += weight;
      return;
    }
    if (unmatchable.has(token.surface)) return;
    const word: QueryWord = { surface: token.surface, count: weight, variants: variantsOf(token, vocabulary) };
    if (word.variants.length > 0) bySurface.set(token.surface, word);
    else unmatchable.add(token.surface);
  };
  for (const token of tokens) {
    const parts = documentFrequency(token, index) === 0 ? compoundParts(token, vocabulary) : undefined;
    for (const part of parts ?? [token]) addToken(part, 1);
  }
  for (const token of tokenize(mentions)) {
    if (!bySurface.has(token.surface) && !unmatchable.has(token.surface)) addToken(token, SEARCH_CONFIG.mentionWeight);
  }
  return mostDistinctive([...bySurface.values()], index, SEARCH_CONFIG.maxQueryWords);
}

/**
 * At most `max` of the words, in their order: those that weigh most in the score (√count times
 * the largest weight · idf of their variants, as the scorer weighs them), the first on a tie.
 */
function mostDistinctive(words: QueryWord[], index: InvertedIndex, max: number): QueryWord[] {
  if (words.length <= max) return words;
  const weightOf = (word: QueryWord) => Math.sqrt(word.count) * Math.max(...word.variants.map((variant) => variant.weight * index.idf(variant.termId)));
  const kept = new Set(
    words
      .map((word, at) => ({ word, at, weight: weightOf(word) }))
      .sort((a, b) => b.weight - a.weight || a.at - b.at)
      .slice(0, max)
      .map(({ word }) => word),
  );
  return words.filter((word) => kept.has(word));
}

function variantsOf(token: Token, { index, typos }: Vocabulary): QueryWord['variants'] {
  const variants: QueryWord['variants'] = [];
  const termId = index.termId(token.term);
  const df = documentFrequency(token, index);
  if (termId !== undefined && df > 0) variants.push({ termId, weight: 1 });
  if (df <= SEARCH_CONFIG.typo.rareDocumentFrequency) variants.push(...corrections(token.surface, df, index, typos));
  return variants;
}

function documentFrequency(token: Token, index: InvertedIndex): number {
  const termId = index.termId(token.term);
  return termId === undefined ? 0 : index.documentFrequency(termId);
}

/** "singlepayer" → single, payer: run-together words (hashtags, stripped hyphens) are common in posts. */
function compoundParts(token: Token, vocabulary: Vocabulary): Token[] | undefined {
  if (token.surface.length < SEARCH_CONFIG.compound.minWordLength || /\p{N}/u.test(token.surface)) return undefined;
  const isPart = (part: string): boolean =>
    ENGLISH_STOPWORDS.has(part) || (part.length >= SEARCH_CONFIG.compound.minPartLength && vocabulary.typos.has(part));
  const parts = splitCompound(token.surface, isPart, {
    maxParts: SEARCH_CONFIG.compound.maxParts,
    maxPartLength: MAX_COMPOUND_PART,
  });
  return parts?.flatMap((part) => tokenize(part));
}

function corrections(surface: string, df: number, index: InvertedIndex, typos: TypoIndex): QueryWord['variants'] {
  const config = SEARCH_CONFIG.typo;
  if (surface.length < config.minWordLength || /\p{N}/u.test(surface)) return [];
  const maxDistance = surface.length >= config.twoEditsFromLength ? 2 : 1;
  const minNeighbourDf = df === 0 ? 1 : df * config.rareNeighbourRatio;
  const found = new Map<number, { termId: number; weight: number; df: number }>();
  for (const correction of typos.corrections(surface, maxDistance)) {
    const termId = index.termId(correction.term);
    if (termId === undefined) continue;
    const neighbourDf = index.documentFrequency(termId);
    if (neighbourDf < minNeighbourDf) continue;
    const weight = config.weightByDistance[correction.distance] ?? 0;
    const previous = found.get(termId);
    if (!previous || previous.weight < weight) found.set(termId, { termId, weight, df: neighbourDf });
  }
  // Only the nearest neighbours: "chna" → "china", not also everything two edits away.
  const nearest = Math.max(0, ...[...found.values()].map((variant) => variant.weight));
  return [...found.values()]
    .filter((variant) => variant.weight === nearest)
    .sort((a, b) => b.df - a.df)
    .slice(0, config.maxCorrections)
    .map(({ termId, weight }) => ({ termId, weight }));
}
