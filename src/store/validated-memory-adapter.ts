import { Memory, type Adapter } from 'lowdb';
import type { StoreData } from '../model/store-data.js';
import { validateStoreData } from './store-data-codec.js';
import { storeMessages } from './store-messages.js';

/** lowdb's Memory adapter with the same rule as the file: nothing invalid is ever stored. */
export class ValidatedMemoryAdapter implements Adapter<StoreData> {
  readonly #memory = new Memory<StoreData>();

  constructor(private readonly description: string) {}

  read(): Promise<StoreData | null> {
    return this.#memory.read();
  }

  async write(data: StoreData): Promise<void> {
    const valid = validateStoreData(data, (problem) => storeMessages.writeRefused(this.description, problem));
    await this.#memory.write(valid);
  }
}
