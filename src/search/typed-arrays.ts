/** A copy of `array` with room for `length` items (zeros after the old ones; cut when shorter). */
export function grown<T extends Uint8Array | Uint16Array | Int32Array | Float32Array | Float64Array>(
  array: T,
  length: number,
  Type: new (length: number) => T,
): T {
  const copy = new Type(length);
  copy.set(array.subarray(0, Math.min(array.length, length)));
  return copy;
}

/**
 * An array as consecutive pieces: how an index exports its chunked lists for a snapshot, as views
 * on the chunks, so that writing a million documents' lists copies none of them. A snapshot read
 * back gives one piece.
 */
export type Pieces<T extends ArrayBufferView> = T | readonly T[];

/** The pieces as one array: the piece itself when there is one, else a copy of them end to end. */
export function joinedPieces<T extends Int8Array | Uint8Array | Int32Array>(pieces: Pieces<T>, Type: new (length: number) => T): T {
  if (!Array.isArray(pieces)) return pieces as T;
  const list = pieces as readonly T[];
  if (list.length === 1) return list[0]!;
  const joined = new Type(list.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of list) {
    joined.set(piece, at);
    at += piece.length;
  }
  return joined;
}

/**
 * Views on `chunks` for runs that follow one another in the same chunk, merged: `runs` gives each
 * run's chunk, start and length in order. Consecutive slots usually lie end to end in one chunk,
 * so a million slots make a handful of pieces.
 */
export function mergedViews<T extends Uint8Array | Int32Array>(chunks: readonly T[], runs: Iterable<{ chunk: number; start: number; length: number }>): T[] {
  const pieces: T[] = [];
  let current: { chunk: number; start: number; end: number } | undefined;
  const flush = () => {
    if (current && current.end > current.start) pieces.push(chunks[current.chunk]!.subarray(current.start, current.end) as T);
  };
  for (const { chunk, start, length } of runs) {
    if (length <= 0) continue;
    if (current && current.chunk === chunk && current.end === start) {
      current.end += length;
      continue;
    }
    flush();
    current = { chunk, start, end: start + length };
  }
  flush();
  return pieces;
}
