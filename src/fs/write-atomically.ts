import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Writes a file by writing a temporary file beside it and renaming it over the old one: a reader,
 * or the next start after a crash, sees the old file or the new one, never half of either. On
 * failure the temporary file is removed and the old file is left as it was. `data` may come in
 * chunks, written one after the other, so a large file need not be assembled in memory first.
 */
export async function writeAtomically(file: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) {
      await writeFile(temporary, data);
    } else {
      await pipeline(Readable.from(data), createWriteStream(temporary));
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
