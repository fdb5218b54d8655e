import { SEARCH_CONFIG } from './config.js';
import type { InvertedIndex } from './inverted-index.js';
import { cleanQueryText } from './query-cleanup.js';
import { tokenize } from './tokenize.js';
import type { TypoIndex } from './typo-index.js';

/** One word of the query and the index terms that stand for it (itself and/or typo corrections). */
export interface QueryWord {
  surface: string;
  /** How often the word occurs in the query. */
  count: number;
  /** Index term ids with their weight: 1 for the word itself, less for a correction. */
  variants: { termId: number; weight: number }[];
}

/**
 * Turns query text into the words to look for: tweet and chat clutter removed, tokenised like the
 * documents, and each unknown or very rare word paired with close vocabulary words.
 */
export function queryWords(text: string, index: InvertedIndex, typos: TypoIndex): QueryWord[] {
  const bySurface = new Map<string, QueryWord & { term: string }>();
  for (const token of tokenize(cleanQueryText(text))) {
    const known = bySurface.get(token.surface);
    if (known) known.count++;
    else bySurface.set(token.surface, { surface: token.surface, term: token.term, count: 1, variants: [] });
  }
  const words: QueryWord[] = [];
  for (const word of bySurface.values()) {
    const termId = index.termId(word.term);
    const df = termId === undefined ? 0 : index.documentFrequency(termId);
    if (termId !== undefined && df > 0) word.variants.push({ termId, weight: 1 });
    if (df <= SEARCH_CONFIG.typo.rareDocumentFrequency) word.variants.push(...corrections(word.surface, df, index, typos));
    if (word.variants.length > 0) words.push({ surface: word.surface, count: word.count, variants: word.variants });
  }
  return words;
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
