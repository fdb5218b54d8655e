import Fuse, { type IFuseOptions } from 'fuse.js';

interface FuzzyTarget {
  slot: number;
  text: string;
}

const OPTIONS: IFuseOptions<FuzzyTarget> = {
  keys: ['text'],
  // Each query word is matched on its own (Bitap, typo-tolerant) and weighted by IDF.
  useTokenSearch: true,
  ignoreLocation: true,
  includeScore: true,
  // Query words arrive folded (normalizeText); fuse.js folds the claim's case and accents alike.
  ignoreDiacritics: true,
  threshold: 0.35,
};

/**
 * Typo-tolerant similarity (0..1) of the query words to each candidate's claim, by fuse.js. Runs
 * over the few candidates the index already chose, never over the whole store: fuse.js compares
 * text by text, which over all documents would cost seconds per query.
 */
export function fuzzySimilarity(queryWords: readonly string[], targets: readonly FuzzyTarget[]): Map<number, number> {
  const similarity = new Map<number, number>();
  if (queryWords.length === 0 || targets.length === 0) return similarity;
  const fuse = new Fuse(targets, OPTIONS);
  for (const result of fuse.search(queryWords.join(' '))) {
    similarity.set(result.item.slot, 1 - (result.score ?? 1));
  }
  return similarity;
}
