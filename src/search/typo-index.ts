import { boundedEditDistance } from './edit-distance.js';

/** The trigram lists of a `TypoIndex` in three arrays: list i holds ids[start[i]..start[i + 1]). */
export interface PackedGrams {
  keys: readonly string[];
  start: Int32Array;
  ids: Int32Array;
}

export interface Correction {
  surface: string;
  term: string;
  distance: number;
}

const MIN_INDEXED_LENGTH = 3;
/** An edit changes at most this many of a word's trigrams (a swap of two letters: four). */
const GRAMS_PER_EDIT = 4;
/** Rare trigrams looked up beyond the pigeonhole minimum, to demand two shared ones. */
const EXTRA_GRAMS = 1;

/**
 * Finds vocabulary words within a small edit distance of a misspelt one, through trigram lists
 * kept per word length over the words ever indexed (not over documents). By the pigeonhole
 * principle a word within `d` edits shares at least one of any `4d + 1` of the query word's
 * trigrams, so only the rarest few lists are read: a lookup touches a few hundred words.
 */
export class TypoIndex {
  private readonly idsBySurface = new Map<string, number>();
  private readonly surfaces: string[] = [];
  private readonly terms: string[] = [];
  /** `${length}${gram}` → ids of the words of that length holding that trigram. */
  private readonly wordsByGram = new Map<string, number[]>();
  private sharedGrams = new Uint8Array(1024);
  /** Per word id, the letters it holds (`letterSignature`): most candidates are turned down from these alone. */
  private signatures = new Int32Array(1024);
  /** The longest word remembered: how far `completions` looks. */
  private longest = 0;

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
    this.signWord(id, surface);
    this.longest = Math.max(this.longest, surface.length);
    // No set of distinct trigrams: a repeated one finds this word's id already last in its list.
    const padded = `^${surface}$`;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const key = surface.length + padded.slice(i, i + 3);
      const words = this.wordsByGram.get(key);
      if (!words) this.wordsByGram.set(key, [id]);
      else if (words[words.length - 1] !== id) words.push(id);
    }
  }

  /** Every remembered word and its term, in the order they were added: what a snapshot stores. */
  words(): { surfaces: readonly string[]; terms: readonly string[] } {
    return { surfaces: this.surfaces, terms: this.terms };
  }

  /** The trigram lists, packed: a snapshot stores them so that a restart need not recompute them. */
  packedGrams(): PackedGrams {
    const keys = [...this.wordsByGram.keys()];
    const start = new Int32Array(keys.length + 1);
    let total = 0;
    keys.forEach((key, i) => (start[i + 1] = total += this.wordsByGram.get(key)!.length));
    const ids = new Int32Array(total);
    keys.forEach((key, i) => ids.set(this.wordsByGram.get(key)!, start[i]));
    return { keys, start, ids };
  }

  /**
   * A typo index over the words of `words()`: with their `packedGrams()` restored as stored,
   * else rebuilt. Throws when the packed lists do not fit the words.
   */
  static fromWords(surfaces: readonly string[], terms: readonly string[], grams?: PackedGrams): TypoIndex {
    const typos = new TypoIndex();
    if (!grams) {
      for (let i = 0; i < surfaces.length; i++) typos.add(surfaces[i]!, terms[i] ?? surfaces[i]!);
      return typos;
    }
    const { keys, start, ids } = grams;
    if (terms.length !== surfaces.length || start.length !== keys.length + 1 || start[keys.length] !== ids.length) {
      throw new Error('typo index lists do not fit its words');
    }
    for (let i = 0; i < surfaces.length; i++) {
      typos.idsBySurface.set(surfaces[i]!, i);
      typos.surfaces.push(surfaces[i]!);
      typos.terms.push(terms[i]!);
      typos.signWord(i, surfaces[i]!);
      typos.longest = Math.max(typos.longest, surfaces[i]!.length);
    }
    for (let i = 0; i < keys.length; i++) {
      const from = start[i]!;
      const to = start[i + 1]!;
      if (!(from <= to)) throw new Error('typo index lists do not fit its words');
      const list = new Array<number>(to - from);
      for (let at = from; at < to; at++) {
        const id = ids[at]!;
        if (!(id >= 0 && id < surfaces.length)) throw new Error('typo index lists do not fit its words');
        list[at - from] = id;
      }
      typos.wordsByGram.set(keys[i]!, list);
    }
    return typos;
  }

  /** Known words at most `maxDistance` edits from `surface` (itself excluded), nearest first. */
  corrections(surface: string, maxDistance: number): Correction[] {
    if (this.sharedGrams.length < this.surfaces.length) this.sharedGrams = new Uint8Array(this.surfaces.length * 2);
    const shared = this.sharedGrams;
    const grams = [...trigrams(surface)].map((gram) => ({ gram, lists: this.listsFor(gram, surface.length, maxDistance) }));
    grams.sort((a, b) => totalLength(a.lists) - totalLength(b.lists));
    const read = Math.min(grams.length, GRAMS_PER_EDIT * maxDistance + 1 + EXTRA_GRAMS);
    const minShared = Math.max(1, read - GRAMS_PER_EDIT * maxDistance);
    const touched: number[] = [];
    for (const { lists } of grams.slice(0, read)) {
      for (const words of lists) {
        for (const id of words) {
          const seen = shared[id]!;
          shared[id] = seen + 1;
          if (seen === 0) touched.push(id);
        }
      }
    }
    const found: Correction[] = [];
    const letters = letterSignature(surface);
    for (const id of touched) {
      // Each edit brings in at most one letter the word lacks and takes away at most one it has.
      const signature = this.signatures[id]!;
      if (shared[id]! >= minShared && bitCount(signature & ~letters) <= maxDistance && bitCount(letters & ~signature) <= maxDistance) {
        const candidate = this.surfaces[id]!;
        const distance = candidate === surface ? maxDistance + 1 : boundedEditDistance(surface, candidate, maxDistance);
        if (distance <= maxDistance) found.push({ surface: candidate, term: this.terms[id]!, distance });
      }
      shared[id] = 0;
    }
    return found.sort((a, b) => a.distance - b.distance);
  }

  /**
   * Known words that start with `prefix` (at least two characters; the word itself included when
   * known), for completing a word still being typed: the lists of words opening with its first two
   * letters, one list per word length, filtered. In the order the words were first indexed.
   */
  completions(prefix: string): Pick<Correction, 'surface' | 'term'>[] {
    if (prefix.length < 2) return [];
    const opening = `^${prefix.slice(0, 2)}`;
    const found: Pick<Correction, 'surface' | 'term'>[] = [];
    for (let length = Math.max(MIN_INDEXED_LENGTH, prefix.length); length <= this.longest; length++) {
      for (const id of this.wordsByGram.get(length + opening) ?? []) {
        const surface = this.surfaces[id]!;
        if (surface.startsWith(prefix)) found.push({ surface, term: this.terms[id]! });
      }
    }
    return found;
  }

  private signWord(id: number, surface: string): void {
    if (id >= this.signatures.length) {
      const grown = new Int32Array(Math.max(id + 1, this.signatures.length * 2));
      grown.set(this.signatures);
      this.signatures = grown;
    }
    this.signatures[id] = letterSignature(surface);
  }

  private listsFor(gram: string, length: number, maxDistance: number): number[][] {
    const lists: number[][] = [];
    for (let candidateLength = length - maxDistance; candidateLength <= length + maxDistance; candidateLength++) {
      const words = this.wordsByGram.get(candidateLength + gram);
      if (words) lists.push(words);
    }
    return lists;
  }
}

function totalLength(lists: readonly number[][]): number {
  let total = 0;
  for (const list of lists) total += list.length;
  return total;
}

function trigrams(word: string): Set<string> {
  const padded = `^${word}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/**
 * The set of a word's letters as 32 bits (UTF-16 unit modulo 32: a–z each their own bit). Letters
 * that share a bit can only hide a difference, so a count of differing bits never overstates the
 * letters that differ.
 */
function letterSignature(word: string): number {
  let signature = 0;
  for (let i = 0; i < word.length; i++) signature |= 1 << (word.charCodeAt(i) & 31);
  return signature;
}

function bitCount(bits: number): number {
  let value = bits - ((bits >>> 1) & 0x55555555);
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (Math.imul((value + (value >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
