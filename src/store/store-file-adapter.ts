import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import type { Adapter } from 'lowdb';
import { FaultError } from '../core/errors.js';
import { writeAtomically } from '../fs/write-atomically.js';
import { logger } from '../log/logger.js';
import type { StoreData } from '../model/store-data.js';
import { parseStoreJson, serializeStoreData, validateStoreData } from './store-data-codec.js';
import { storeMessages } from './store-messages.js';
import { ValidatedMarker } from './validated-marker.js';

/** Below this size validating is cheap (a few ms), and no `.validated` note is kept beside the file. */
export const VALIDATED_MARKER_MIN_BYTES = 1 << 20;

export interface ValidatedMarkerOptions {
  /** Whether this adapter may write the note (a read-only opener only reads it). */
  record: boolean;
  /** Files smaller than this are always validated in full (default `VALIDATED_MARKER_MIN_BYTES`). */
  minBytes?: number;
}

/**
 * The store file as a lowdb adapter. Reading fails loudly (missing, empty, not JSON, invalid)
 * instead of returning null, because lowdb would then silently use its defaults. Writing
 * validates the whole data first, then replaces the file atomically (temp file + rename).
 * With `marker`, bytes that factdesk itself validated or wrote (see `ValidatedMarker`) are
 * parsed without being validated again; any other bytes are validated in full.
 */
export class StoreFileAdapter implements Adapter<StoreData> {
  readonly #marker: ValidatedMarker | undefined;
  readonly #minBytes: number;

  constructor(
    private readonly filePath: string,
    /** How the file and its seed are named in messages. */
    private readonly names: { file: string; seed: string; description: string },
    private readonly marker?: ValidatedMarkerOptions,
  ) {
    this.#marker = marker ? new ValidatedMarker(filePath) : undefined;
    this.#minBytes = marker?.minBytes ?? VALIDATED_MARKER_MIN_BYTES;
  }

  async read(): Promise<StoreData> {
    const { file, seed } = this.names;
    let bytes: Buffer;
    try {
      bytes = await readFile(this.filePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FaultError(storeMessages.fileMissing(file), { cause: error });
      throw new FaultError(storeMessages.fileUnreadable(file, (error as Error).message), { cause: error });
    }
    const marked = this.#marker !== undefined && bytes.byteLength >= this.#minBytes;
    const trusted = marked && (await this.#marker!.matches(bytes));
    const raw = parseStoreJson(bytes.toString('utf8'), {
      empty: () => storeMessages.fileEmpty(file, seed),
      notJson: (problem, line, column) => storeMessages.fileNotJson(file, problem, line, column),
    });
    if (trusted) return raw as StoreData;
    const data = validateStoreData(raw, (problem) => storeMessages.fileInvalid(file, problem));
    // Only bytes that read back exactly as validated (defaults present, nothing trimmed) may skip validation later.
    if (marked && this.marker?.record && isDeepStrictEqual(raw, data)) await this.recordValidated(bytes);
    return data;
  }

  async write(data: StoreData): Promise<void> {
    const valid = validateStoreData(data, (problem) => storeMessages.writeRefused(this.names.description, problem));
    // Encoded once, for the file and for the note of its bytes: at 100,000 claims encoding 120 MB
    // of text takes over half a second.
    const bytes = Buffer.from(serializeStoreData(valid));
    await writeAtomically(this.filePath, bytes);
    if (this.marker?.record && bytes.byteLength >= this.#minBytes) await this.recordValidated(bytes);
  }

  /** The note only saves time: failing to write it must not fail the read or write that succeeded. */
  private async recordValidated(bytes: Uint8Array): Promise<void> {
    try {
      await this.#marker!.record(bytes);
    } catch (error) {
      logger.warn({ err: error, file: this.names.file }, 'could not record the validated store bytes');
    }
  }
}
