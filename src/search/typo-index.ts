import { boundedEditDistance } from './edit-distance.js';

export interface Correction {
  surface: string;
  term: string;
  distance: number;
}

const MIN_INDEXED_LENGTH = 3;

/**
 * Finds vocabulary words within a small edit distance of a misspelt one through a trigram index
 * over the words ever indexed (not over documents): only words sharing trigrams with the query
 * word are compared, so a lookup touches a few hundred words, not the whole vocabulary.
 */
export class TypoIndex {
  private readonly idsBySurface = new Map<string, number>();
  private readonly surfaces: string[] = [];
  private readonly terms: string[] = [];
  private readonly wordsByGram = new Map<string, number[]>();
  private sharedGrams = new Uint16Array(1024);

  has(surface: string): boolean {
    return this.idsBySurface.has(surface);
  }

  /** Remembers a word as written and the term it is indexed under. Words are never forgotten. */
  add(surface: string, term: string): void {
    if (surface.length < MIN_INDEXED_LENGTH || this.idsBySurface.has(surface) || /^\p{N}+$/u.test(surface)) return;
    const id = this.surfaces.length;
    this.idsBySurface.set(surface, id);
    this.surfaces.push(surface);
    this.terms.push(term);
    for (const gram of trigrams(surface)) {
      const words = this.wordsByGram.get(gram);
      if (words) words.push(id);
      else this.wordsByGram.set(gram, [id]);
    }
  }

  /** Known words at most `maxDistance` edits from `surface` (itself excluded), nearest first. */
  corrections(surface: string, maxDistance: number): Correction[] {
    if (this.sharedGrams.length < this.surfaces.length) this.sharedGrams = new Uint16Array(this.surfaces.length * 2);
    const shared = this.sharedGrams;
    const touched: number[] = [];
    const grams = trigrams(surface);
    for (const gram of grams) {
      const words = this.wordsByGram.get(gram);
      if (!words) continue;
      for (const id of words) {
        const seen = shared[id]!;
        shared[id] = seen + 1;
        if (seen === 0) touched.push(id);
      }
    }
    // Each edit spoils at most three of the word's trigrams.
    const minShared = Math.max(1, grams.size - 3 * maxDistance);
    const found: Correction[] = [];
    for (const id of touched) {
      const candidate = this.surfaces[id]!;
      if (shared[id]! >= minShared && candidate !== surface) {
        const distance = boundedEditDistance(surface, candidate, maxDistance);
        if (distance <= maxDistance) found.push({ surface: candidate, term: this.terms[id]!, distance });
      }
      shared[id] = 0;
    }
    return found.sort((a, b) => a.distance - b.distance);
  }
}

function trigrams(word: string): Set<string> {
  const padded = `^${word}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}
