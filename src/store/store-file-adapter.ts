import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import type { Adapter } from 'lowdb';
import { FaultError } from '../core/errors.js';
import { readFileHashed } from '../fs/read-file-hashed.js';
import { writeAtomically } from '../fs/write-atomically.js';
import { logger } from '../log/logger.js';
import type { StoreData } from '../model/store-data.js';
import { parseStoreJson, serializeStoreData, validateStoreData } from './store-data-codec.js';
import { storeMessages } from './store-messages.js';
import { withEntriesOf, withUpsertedEntries } from './entry-bytes.js';
import { entriesDigest, findStoreFileLayout, textWithoutEntries, type StoreFileLayout } from './store-file-layout.js';
import { UnparsedEntries } from './unparsed-entries.js';
import type { UpsertResult } from './store.js';
import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import { ValidatedMarker } from './validated-marker.js';

/** A store file as read: its data, and its entries still as bytes when they may be parsed later. */
export interface StoreFileContents {
  /** With empty `claims` and `articles` when `unparsed` holds them. */
  data: StoreData;
  unparsed?: UnparsedEntries;
}

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

  /** lowdb's read: the whole data, every entry parsed. */
  async read(): Promise<StoreData> {
    const { data, unparsed } = await this.open();
    if (!unparsed) return data;
    const entries = await unparsed.parseAll();
    return { ...data, ...entries };
  }

  /**
   * Reads the file. Bytes in the layout factdesk writes that it validated before (noted beside the
   * file) come back with their claims and articles unparsed (`unparsed`; the arrays in `data` are
   * empty), for a start that need not wait for a 100 MB parse. Any other bytes are parsed and
   * validated in full; their entries too are then served as bytes when they are exactly what
   * validation returned.
   */
  async open(): Promise<StoreFileContents> {
    const { file, seed } = this.names;
    let bytes: Buffer;
    let sha1: string | undefined;
    try {
      // With a note of validated bytes to match, the file's hash comes with it, worked out off this thread.
      ({ bytes, sha1 } = this.#marker ? await readFileHashed(this.filePath) : { bytes: await readFile(this.filePath) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FaultError(storeMessages.fileMissing(file), { cause: error });
      throw new FaultError(storeMessages.fileUnreadable(file, (error as Error).message), { cause: error });
    }
    const problems = {
      empty: () => storeMessages.fileEmpty(file, seed),
      notJson: (problem: string, line: number, column: number) => storeMessages.fileNotJson(file, problem, line, column),
    };
    const marked = this.#marker !== undefined && bytes.byteLength >= this.#minBytes;
    const validated = marked ? await this.#marker!.matching(bytes, sha1) : undefined;
    const layout = findStoreFileLayout(bytes);
    if (validated && layout) {
      const digest = validated.entriesDigest ?? (await entriesDigest(bytes, layout));
      return { data: parseStoreJson(textWithoutEntries(bytes, layout), problems) as StoreData, unparsed: new UnparsedEntries(bytes, layout, digest) };
    }
    const raw = parseStoreJson(bytes.toString('utf8'), problems);
    if (validated) return { data: raw as StoreData };
    const data = validateStoreData(raw, (problem) => storeMessages.fileInvalid(file, problem));
    // Only bytes that read back exactly as validated (defaults present, nothing trimmed) may skip
    // validation later, or serve their entries as they are.
    if (!isDeepStrictEqual(raw, data)) return { data };
    const unparsed = layout && new UnparsedEntries(bytes, layout, await entriesDigest(bytes, layout));
    if (marked && this.marker?.record) await this.recordValidated(bytes, unparsed?.digest);
    return unparsed ? { data: { ...data, claims: [], articles: [] }, unparsed } : { data };
  }

  /** lowdb's write: see `writeData`. */
  async write(data: StoreData): Promise<void> {
    await this.writeData(data);
  }

  /**
   * Validates the whole data, then replaces the file atomically. Resolves to the entries as the
   * bytes just written, for a store that keeps them so until it needs them parsed.
   */
  async writeData(data: StoreData): Promise<UnparsedEntries | undefined> {
    const valid = validateStoreData(data, (problem) => storeMessages.writeRefused(this.names.description, problem));
    // Encoded once, for the file and for the note of its bytes: at 100,000 claims encoding 120 MB
    // of text takes over half a second.
    const bytes = Buffer.from(serializeStoreData(valid));
    const layout = findStoreFileLayout(bytes);
    return this.writeBytes(bytes, layout);
  }

  /**
   * Writes `rest` (data whose claims and articles are empty) with the entries of `entries` put
   * back byte for byte: the same file `writeData` would write, at a fraction of the cost, since
   * only the rest is validated and encoded (feedback, requests: a click, not a reload).
   */
  async writeAround(rest: StoreData, entries: UnparsedEntries): Promise<UnparsedEntries | undefined> {
    if (rest.claims.length > 0 || rest.articles.length > 0) throw new Error('writeAround takes data without claims and articles');
    const valid = validateStoreData(rest, (problem) => storeMessages.writeRefused(this.names.description, problem));
    const restBytes = Buffer.from(serializeStoreData(valid));
    const restLayout = findStoreFileLayout(restBytes);
    if (!restLayout) throw new Error('serialized store data is not in the store-file layout');
    const { bytes, layout } = await withEntriesOf({ bytes: restBytes, layout: restLayout }, entries);
    // The entries' bytes are copied unchanged, so their digest is too: no second pass over 100 MB.
    return this.writeBytes(bytes, layout, entries.digest);
  }

  /**
   * Writes validated entries upserted into those kept as bytes (see `withUpsertedEntries`):
   * the file `writeData` would write with them, encoding only the incoming entries.
   */
  async writeUpserted(
    entries: UnparsedEntries,
    incoming: { claims: readonly ClaimReview[]; articles: readonly Article[] },
  ): Promise<{ entries: UnparsedEntries | undefined; result: UpsertResult }> {
    const { bytes, layout, result } = await withUpsertedEntries(entries, incoming);
    return { entries: await this.writeBytes(bytes, layout), result };
  }

  /**
   * Writes bytes whose layout is known (undefined: not the layout factdesk writes), and whose
   * entries' digest may be known already.
   */
  private async writeBytes(bytes: Buffer, layout: StoreFileLayout | undefined, knownDigest?: string): Promise<UnparsedEntries | undefined> {
    const digest = layout && (knownDigest ?? (await entriesDigest(bytes, layout)));
    await writeAtomically(this.filePath, bytes);
    if (this.marker?.record && bytes.byteLength >= this.#minBytes) await this.recordValidated(bytes, digest);
    return layout && new UnparsedEntries(bytes, layout, digest!);
  }

  /** The note only saves time: failing to write it must not fail the read or write that succeeded. */
  private async recordValidated(bytes: Uint8Array, digest: string | undefined): Promise<void> {
    try {
      await this.#marker!.record(bytes, { entriesDigest: digest });
    } catch (error) {
      logger.warn({ err: error, file: this.names.file }, 'could not record the validated store bytes');
    }
  }
}
