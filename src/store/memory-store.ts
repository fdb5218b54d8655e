import { Low } from 'lowdb';
import type { z } from 'zod';
import type { StoreData, storeDataSchema } from '../model/store-data.js';
import { LowStore } from './low-store.js';
import { validateStoreData } from './store-data-codec.js';
import { storeMessages } from './store-messages.js';
import { ValidatedMemoryAdapter } from './validated-memory-adapter.js';

/** The JSON file store's behaviour without the file, for tests and benchmarks. Still validates. */
export class MemoryStore extends LowStore {
  /** Starts from `initial` (validated; schema defaults filled in) or from an empty store. */
  constructor(initial: z.input<typeof storeDataSchema> = {}) {
    const description = 'in-memory store';
    const data: StoreData = validateStoreData(initial, storeMessages.dataInvalid);
    super(new Low<StoreData>(new ValidatedMemoryAdapter(description), data), description);
  }
}
