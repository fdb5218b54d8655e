/**
 * Character-trigram sets of folded text, for the rerank's similarity of a query to a claim or a
 * title: words (letters and digits) joined by single spaces, padded by one, every run of three
 * UTF-16 units a member. A trigram is kept as one number (`trigramKey`), not a string: the rerank
 * measures forty texts per lookup, and string slices were most of it.
 */
export function trigramSet(text: string): Set<number> {
  const grams = new Set<number>();
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
      if (a !== -1) grams.add(trigramKey(a, b, 32));
      a = b;
      b = 32;
      pendingSpace = false;
    }
    if (a !== -1) grams.add(trigramKey(a, b, unit));
    a = b;
    b = unit;
  }
  // The closing space, unless the text held no word at all (then it is two spaces: no trigram).
  if (a !== -1) grams.add(trigramKey(a, b, 32));
  return grams;
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
