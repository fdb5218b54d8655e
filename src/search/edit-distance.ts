// Three reusable rows: distance checks run by the hundred per query, so no allocation per call.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps) between `a` and `b`, or
 * `max + 1` as soon as it is certain to exceed `max`. Compares UTF-16 units: fine for the
 * letters typos happen in.
 *
 * Only the diagonal band of `2 × max + 1` cells a row is computed: no other cell can stay within
 * `max`. (TypoIndex turns most far words down by their letters before calling this.)
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
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

