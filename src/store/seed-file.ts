import { readFile } from 'node:fs/promises';
import { FaultError } from '../core/errors.js';
import type { StoreData } from '../model/store-data.js';
import { displayPath, parseStoreDataText } from './store-data-codec.js';
import { storeMessages } from './store-messages.js';

/**
 * Reads and validates the seed a new store starts from; the seed is only ever read. `purpose`
 * says what it is for when it is missing ("create store file data/store.json").
 */
export async function loadSeedFile(seedPath: string, purpose: string): Promise<StoreData> {
  const seed = displayPath(seedPath);
  let text: string;
  try {
    text = await readFile(seedPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new FaultError(storeMessages.seedMissing(seed, purpose), { cause: error });
    }
    throw new FaultError(storeMessages.seedUnreadable(seed, (error as Error).message), { cause: error });
  }
  return parseStoreDataText(text, {
    empty: () => storeMessages.seedEmpty(seed),
    notJson: (problem, line, column) => storeMessages.seedNotJson(seed, problem, line, column),
    invalid: (problem) => storeMessages.seedInvalid(seed, problem),
  });
}
