import { TextFile } from 'lowdb/node';
import type { Adapter } from 'lowdb';
import { FaultError } from '../core/errors.js';
import type { StoreData } from '../model/store-data.js';
import { parseStoreDataText, serializeStoreData, validateStoreData } from './store-data-codec.js';
import { storeMessages } from './store-messages.js';

/**
 * The store file as a lowdb adapter. Reading fails loudly (missing, empty, not JSON, invalid)
 * instead of returning null, because lowdb would then silently use its defaults. Writing
 * validates the whole data first, then replaces the file atomically (steno: temp file + rename).
 */
export class StoreFileAdapter implements Adapter<StoreData> {
  readonly #file: TextFile;

  constructor(
    filePath: string,
    /** How the file and its seed are named in messages. */
    private readonly names: { file: string; seed: string; description: string },
  ) {
    this.#file = new TextFile(filePath);
  }

  async read(): Promise<StoreData> {
    const { file, seed } = this.names;
    let text: string | null;
    try {
      text = await this.#file.read();
    } catch (error) {
      throw new FaultError(storeMessages.fileUnreadable(file, (error as Error).message), { cause: error });
    }
    if (text === null) throw new FaultError(storeMessages.fileMissing(file));
    return parseStoreDataText(text, {
      empty: () => storeMessages.fileEmpty(file, seed),
      notJson: (problem, line, column) => storeMessages.fileNotJson(file, problem, line, column),
      invalid: (problem) => storeMessages.fileInvalid(file, problem),
    });
  }

  async write(data: StoreData): Promise<void> {
    const valid = validateStoreData(data, (problem) => storeMessages.writeRefused(this.names.description, problem));
    await this.#file.write(serializeStoreData(valid));
  }
}
