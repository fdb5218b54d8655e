/**
 * Character-trigram sets of folded text, for the rerank's similarity of a query to a claim or a
 * title: words (letters and digits) joined by single spaces, padded by one, every run of three
 * UTF-16 units a member. A trigram is kept as one number (`trigramKey`), not a string: the rerank
 * measures forty texts per lookup, and string slices were most of it.
 */
export function trigramSet(text: string): Set<number> {
  const grams = new Set<number>();
  forEachTrigram(text, (gram) => grams.add(gram));
  return grams;
}

/**
 * Dice coefficients of one text's trigram set (the query's) against many others, the candidates',
 * without building a set per candidate: their trigrams are counted in a table reused from one
 * text to the next (open addressing, cleared by a generation stamp). The rerank measures forty
 * texts per lookup; building a `Set` for each was a fifth of a lookup's time.
 */
export class TrigramDice {
  private bits = 9;
  private keys = new Float64Array(1 << this.bits);
  private stamps = new Uint32Array(1 << this.bits);
  private generation = 0;

  constructor(private readonly query: ReadonlySet<number>) {}

  /** `dice(query, trigramSet(text))`, exactly. */
  of(text: string): number {
    if (this.query.size === 0) return 0;
    this.prepare(text.length);
    const { query, keys, stamps, generation } = this;
    const mask = keys.length - 1;
    const shift = 32 - this.bits;
    let distinct = 0;
    let shared = 0;
    forEachTrigram(text, (gram) => {
      let at = Math.imul((gram | 0) ^ ((gram / 1073741824) | 0), 0x9e3779b1) >>> shift;
      for (;;) {
        if (stamps[at] !== generation) {
          stamps[at] = generation;
          keys[at] = gram;
          distinct += 1;
          if (query.has(gram)) shared += 1;
          return;
        }
        if (keys[at] === gram) return;
        at = (at + 1) & mask;
      }
    });
    return distinct === 0 ? 0 : (2 * shared) / (this.query.size + distinct);
  }

  /** A fresh generation, and a table at most half full: a text of n units has at most n + 1 trigrams. */
  private prepare(length: number): void {
    if (2 * (length + 1) > this.keys.length) {
      this.bits = Math.ceil(Math.log2(2 * (length + 1)));
      this.keys = new Float64Array(1 << this.bits);
      this.stamps = new Uint32Array(1 << this.bits);
      this.generation = 0;
    }
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 0;
    }
    this.generation += 1;
  }
}

/** Calls `visit` with each trigram of the text's words (see `trigramSet`), repeats included. */
function forEachTrigram(text: string, visit: (gram: number) => void): void {
  let a = -1;
  let b = 32; // the leading space
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (!isWordUnit(text, i, unit)) {
      pendingSpace = a !== -1 || b !== 32;
      continue;
    }
    if (pendingSpace) {
      if (a !== -1) visit(trigramKey(a, b, 32));
      a = b;
      b = 32;
      pendingSpace = false;
    }
    if (a !== -1) visit(trigramKey(a, b, unit));
    a = b;
    b = unit;
  }
  // The closing space, unless the text held no word at all (then it is two spaces: no trigram).
  if (a !== -1) visit(trigramKey(a, b, 32));
}

/**
 * One number per trigram, distinct for distinct trigrams. Units below 1024 (Latin, Greek,
 * Cyrillic...) pack into 30 bits, a small integer that V8 keeps unboxed, so a set of them allocates
 * nothing per member; any other trigram is a*2^32 + b*2^16 + c, exact in a double and above 2^30
 * (a word unit or a space is at least 32), so the two forms never meet.
 */
export function trigramKey(a: number, b: number, c: number): number {
  return (a | b | c) < 1024 ? (a << 20) | (b << 10) | c : a * 4294967296 + b * 65536 + c;
}

/** Dice coefficient of two trigram sets: 2 · shared / (|a| + |b|). */
export function dice(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of b) if (a.has(gram)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the UTF-16 unit at `i` belongs to a letter or digit (surrogate pairs judged as one character). */
function isWordUnit(text: string, i: number, unit: number): boolean {
  if (unit < 128) return (unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || (unit >= 48 && unit <= 57);
  if (unit >= 0xd800 && unit <= 0xdbff) return isLow(text.charCodeAt(i + 1)) && LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  if (isLow(unit)) return isHigh(text.charCodeAt(i - 1)) && LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1));
  return LETTER_OR_DIGIT.test(text[i]!);
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
