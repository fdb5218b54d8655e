import { readFile } from 'node:fs/promises';
import { FaultError } from '../core/errors.js';
import type { StoreData } from '../model/store-data.js';
import { displayPath, parseStoreDataText } from './store-data-codec.js';
import { storeMessages } from './store-messages.js';

/**
 * Reads and validates the seed a new store starts from. The seed is only ever read.
 * `storePath` is the store being created, named when the seed is missing.
 */
export async function loadSeedFile(seedPath: string, storePath: string): Promise<StoreData> {
  const seed = displayPath(seedPath);
  let text: string;
  try {
    text = await readFile(seedPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new FaultError(storeMessages.seedMissing(storePath, seed), { cause: error });
    }
    throw new FaultError(storeMessages.seedUnreadable(seed, (error as Error).message), { cause: error });
  }
  return parseStoreDataText(text, {
    empty: () => storeMessages.seedEmpty(seed),
    notJson: (problem, line, column) => storeMessages.seedNotJson(seed, problem, line, column),
    invalid: (problem) => storeMessages.seedInvalid(seed, problem),
  });
}
