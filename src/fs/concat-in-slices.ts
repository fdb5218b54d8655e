import { setImmediate } from 'node:timers/promises';
/** Copying 8 MiB takes a few milliseconds: short enough for lookups to be answered in between. */
const SLICE_BYTES = 8 << 20;

/**
 * The chunks as one buffer, copied a slice at a time with other work let in between: copying a
 * 125 MB store file into fresh memory at once holds the event loop for over 100 ms.
 */
export async function concatInSlices(chunks: readonly Uint8Array[]): Promise<Buffer> {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const joined = Buffer.allocUnsafe(total);
  let position = 0;
  let sinceYield = 0;
  for (const chunk of chunks) {
    for (let start = 0; start < chunk.byteLength; start += SLICE_BYTES) {
      const piece = chunk.subarray(start, start + SLICE_BYTES);
      joined.set(piece, position);
      position += piece.byteLength;
      sinceYield += piece.byteLength;
      if (sinceYield >= SLICE_BYTES) {
        sinceYield = 0;
        await setImmediate();
      }
    }
  }
  return joined;
}
