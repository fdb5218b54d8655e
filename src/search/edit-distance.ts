// Three reusable rows: distance checks run by the hundred per query, so no allocation per call.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];
/** Letter counts of `a` minus those of `b`, by UTF-16 unit folded into 128 buckets; all zero between calls. */
const letterBalance = new Int32Array(128);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps) between `a` and `b`, or
 * `max + 1` as soon as it is certain to exceed `max`. Compares UTF-16 units: fine for the
 * letters typos happen in.
 *
 * A typo lookup for an eight-letter word within two edits compares it with a few thousand words
 * (its trigram lists rule out little at that distance), so two cheap steps come first: words
 * whose letters differ by more than `max` are turned down from their letter counts, and the rest
 * are compared along the diagonal band of `2 × max + 1` cells a row, the only cells that can stay
 * within `max`.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (letterDifference(a, b) > max) return max + 1;
  const width = b.length + 1;
  if (rows[0]!.length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let [previous2, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  const beyond = max + 1;
  for (let j = 0; j < width; j++) previous[j] = j <= max ? j : beyond;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    // Cells just outside the band read as beyond reach (they are: |i − j| > max).
    current[from - 1] = from === 1 && i <= max ? i : beyond;
    if (to < b.length) current[to + 1] = beyond;
    let rowMin = current[from - 1]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, previous2[j - 2]! + 1);
      }
      current[j] = Math.min(value, beyond);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return beyond;
    const rotated = previous2;
    previous2 = previous;
    previous = current;
    current = rotated;
  }
  return Math.min(previous[b.length]!, beyond);
}

/**
 * A lower bound of the distance from letter counts alone: an insertion or deletion changes one
 * count, a substitution one count each way, a swap none. Folding letters into buckets can only
 * cancel differences, so the bound stays a bound.
 */
function letterDifference(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) letterBalance[a.charCodeAt(i) & 127]!++;
  for (let i = 0; i < b.length; i++) letterBalance[b.charCodeAt(i) & 127]!--;
  let surplus = 0;
  let shortfall = 0;
  for (let i = 0; i < a.length; i++) {
    const bucket = a.charCodeAt(i) & 127;
    const balance = letterBalance[bucket]!;
    if (balance > 0) surplus += balance;
    letterBalance[bucket] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const bucket = b.charCodeAt(i) & 127;
    const balance = letterBalance[bucket]!;
    if (balance < 0) shortfall -= balance;
    letterBalance[bucket] = 0;
  }
  return Math.max(surplus, shortfall);
}
