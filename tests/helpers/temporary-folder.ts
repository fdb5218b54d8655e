import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh folder under the system's temporary directory for each test of the calling file, removed
 * after it: call at the top level (or in a `describe`), then read the path inside a test.
 */
export function useTemporaryFolder(prefix: string): () => string {
  let folder: string | undefined;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = undefined;
  });
  return () => {
    if (!folder) throw new Error('useTemporaryFolder: the folder exists only while a test runs');
    return folder;
  };
}
