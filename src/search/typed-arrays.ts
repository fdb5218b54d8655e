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
