import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes a file by writing a temporary file beside it and renaming it over the old one: a reader,
 * or the next start after a crash, sees the old file or the new one, never half of either. On
 * failure the temporary file is removed and the old file is left as it was.
 */
export async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
