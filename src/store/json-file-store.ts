import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { FaultError } from '../core/errors.js';
import { logger } from '../log/logger.js';
import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import { storeDataSchema, type LookupRecord, type StoreData } from '../model/store-data.js';
import { LowStore } from './low-store.js';
import { LookupJournal } from './lookup-journal.js';
import { lookupsSince, validateLookups } from './request-data-ops.js';
import { validateEntries, withUpserted, type Entries } from './store-data-ops.js';
import { loadSeedFile } from './seed-file.js';
import { displayPath } from './store-data-codec.js';
import { StoreFileAdapter, type StoreFileContents } from './store-file-adapter.js';
import type { StoredEntries, StoredEntriesDigest, UpsertResult } from './store.js';
import type { UnparsedEntries } from './unparsed-entries.js';
import { lockStoreFile, type StoreFileLock } from './store-file-lock.js';
import { storeMessages } from './store-messages.js';

export interface JsonFileStoreOptions {
  /** The store file; created from the seed when missing. */
  path: string;
  /** Read (never written) when the store file does not exist yet. */
  seedPath: string;
  /**
   * For one-shot readers such as `lookup`: takes no lock, so it works while a bot holds the file,
   * refuses every write, and a missing store file is served from the seed without creating it.
   */
  readOnly?: boolean;
  /** How old a lock must be to count as a crashed process's (default 10 s). */
  lockStaleMs?: number;
  /**
   * Store files at least this large keep a `<file>.validated` note of the bytes last validated or
   * written, so an unchanged file is not validated again at the next open (default 1 MiB).
   */
  validatedMarkerMinBytes?: number;
}

/**
 * The embedded default store: one JSON file (lowdb) that is validated when read (unless its bytes
 * are exactly those factdesk last validated or wrote) and before every write, replaced
 * atomically, and locked against a second writing process. Lookups recorded for stats, the one
 * thing written all day long, go to a journal beside it (`LookupJournal`) instead.
 */
export class JsonFileStore extends LowStore {
  /**
   * The claims and articles as the bytes of the file (once factdesk wrote or validated them there):
   * `db.data` then holds none of them, only the rest (feedback, requests, settings).
   */
  #entries: UnparsedEntries | undefined;
  /** These bytes parsed, once something needed them all. */
  #parsed: { of: UnparsedEntries; entries: Promise<{ claims: ClaimReview[]; articles: Article[] }> } | undefined;

  private constructor(
    db: Low<StoreData>,
    description: string,
    private readonly file: string,
    private readonly lock: StoreFileLock | undefined,
    /**
     * Read in the background once the store is open: a month of lookups is a few tenths of a
     * second to read and check, which a start need not wait for (only stats and recording do).
     */
    private readonly journal: Promise<LookupJournal>,
    private readonly adapter: StoreFileAdapter,
  ) {
    super(db, description);
  }

  static async open(options: JsonFileStoreOptions): Promise<JsonFileStore> {
    const file = displayPath(options.path);
    const description = `JSON file ${file}`;
    const adapter = new StoreFileAdapter(
      options.path,
      { file, seed: displayPath(options.seedPath), description },
      { record: !options.readOnly, minBytes: options.validatedMarkerMinBytes },
    );
    const db = new Low<StoreData>(adapter, storeDataSchema.parse({}));

    if (options.readOnly) {
      if (!(await fileExists(options.path, file))) {
        db.data = await loadSeedFile(options.seedPath, `create store file ${file}`);
        return new JsonFileStore(db, description, file, undefined, openJournal(options.path), adapter);
      }
      const contents = await adapter.open();
      db.data = contents.data;
      return JsonFileStore.withEntries(new JsonFileStore(db, description, file, undefined, openJournal(options.path), adapter), contents);
    }

    try {
      await mkdir(path.dirname(options.path), { recursive: true });
    } catch (error) {
      throw new FaultError(storeMessages.folderFailed(file, (error as Error).message), { cause: error });
    }
    // Locked before the file is created, so two processes starting together cannot both seed it.
    const lock = await lockStoreFile(options.path, options.lockStaleMs);
    let journal: Promise<LookupJournal> | undefined;
    try {
      if (!(await fileExists(options.path, file))) {
        await adapter.write(await loadSeedFile(options.seedPath, `create store file ${file}`));
      }
      const contents = await adapter.open();
      db.data = contents.data;
      journal = openJournal(options.path, async (opened) => opened.repair());
      const store = JsonFileStore.withEntries(new JsonFileStore(db, description, file, lock, journal, adapter), contents);
      await store.moveLookupsToJournal();
      return store;
    } catch (error) {
      // A repair of the journal may be under way: it writes under the lock.
      await journal?.catch(() => undefined);
      await lock.release();
      throw error;
    }
  }

  private static withEntries(store: JsonFileStore, contents: StoreFileContents): JsonFileStore {
    store.#entries = contents.unparsed;
    return store;
  }

  override async listClaims(): Promise<readonly ClaimReview[]> {
    return (await this.allEntries()).claims;
  }

  override async listArticles(): Promise<readonly Article[]> {
    return (await this.allEntries()).articles;
  }

  override async getEntries(ids: readonly string[]): Promise<StoredEntries> {
    this.assertOpen();
    return this.#entries ? this.#entries.get(ids) : super.getEntries(ids);
  }

  override async *scanEntries(batchSize: number): AsyncIterable<StoredEntries> {
    this.assertOpen();
    // Bytes are never changed in place, only replaced by writes: this view stays consistent.
    const entries = this.#entries;
    if (entries) yield* entries.batches(Math.max(1, batchSize));
    else yield* super.scanEntries(batchSize);
  }

  /**
   * Upserts into the entries kept as bytes without parsing them (only the incoming ones are
   * validated and encoded): adding one fact-check to a store of 100,000 is a copy of bytes, not a
   * re-encoding of every claim. Entries held as objects, or bytes with an id twice (a hand edit),
   * take the general path.
   */
  override upsert(entries: Entries): Promise<UpsertResult> {
    return this.serialized(async () => {
      const incoming = validateEntries(entries, this.refuse);
      const kept = this.#entries;
      if (kept?.idsUnique) {
        const written = await this.adapter.writeUpserted(kept, incoming);
        this.#entries = written.entries;
        return written.result;
      }
      const { data, result } = withUpserted({ ...this.db.data, ...(await this.allEntries()) }, incoming);
      this.keepWritten(data, await this.adapter.writeData(data));
      return result;
    });
  }

  /**
   * Every claim and article: those held as objects, or those held as bytes parsed (once per
   * version of the bytes, in slices between other work). The parsed entries are not kept: the
   * bytes stay the store's copy of them.
   */
  private async allEntries(): Promise<{ claims: ClaimReview[]; articles: Article[] }> {
    this.assertOpen();
    const entries = this.#entries;
    if (!entries) return this.db.data;
    if (this.#parsed?.of !== entries) {
      const parsed = entries.parseAll().catch((error: unknown) => {
        throw new FaultError(storeMessages.entriesUnreadable(this.description, (error as Error).message), { cause: error });
      });
      this.#parsed = { of: entries, entries: parsed };
    }
    return this.#parsed.entries;
  }

  /**
   * Writes through the adapter, then keeps the claims and articles as the bytes just written: a
   * store of 100,000 claims then holds 125 MB of bytes rather than several times that in objects,
   * and a write that leaves them alone (feedback, requests) copies their bytes instead of
   * validating and encoding them all again.
   */
  protected override async replaceData(data: StoreData): Promise<void> {
    // Data changed while the entries are bytes holds none of them: they are put back from the bytes.
    this.keepWritten(data, this.#entries ? await this.adapter.writeAround(data, this.#entries) : await this.adapter.writeData(data));
  }

  /** After `data` was written: its entries kept as the bytes written, when they are in the layout factdesk writes. */
  private keepWritten(data: StoreData, written: UnparsedEntries | undefined): void {
    this.db.data = written ? { ...data, claims: [], articles: [] } : data;
    this.#entries = written;
  }

  /**
   * The digest of the claims' and articles' bytes in the file as last read or written, while the
   * store holds them as bytes (a file in the layout factdesk writes): known without parsing them.
   */
  entriesDigest(): StoredEntriesDigest | undefined {
    const entries = this.#entries;
    return entries && { digest: entries.digest, entries: entries.count, hashes: () => entries.hashes() };
  }

  /** Appends to the lookup journal beside the file: the store file itself is not rewritten. */
  override addLookups(records: readonly LookupRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return this.serialized(async () => (await this.journal).append(validateLookups(records, this.refuse)));
  }

  override async listLookups(since: string): Promise<readonly LookupRecord[]> {
    this.assertOpen();
    // A read-only opener leaves lookups an older factdesk wrote into the store file where they are.
    return [...lookupsSince(this.db.data.lookups, since), ...(await this.journal).since(since)];
  }

  /**
   * Lookups that an older factdesk kept in the store file move to the journal, once: appended
   * there first, then the file rewritten without them, so a crash in between duplicates a few
   * stats records rather than losing any.
   */
  private async moveLookupsToJournal(): Promise<void> {
    const legacy = this.db.data.lookups;
    if (legacy.length === 0) return;
    await this.serialized(async () => {
      await (await this.journal).append(legacy);
      await this.replaceData({ ...this.db.data, lookups: [] });
    });
  }

  protected override assertWritable(): void {
    if (!this.lock) throw new FaultError(storeMessages.readOnly(this.description));
    if (this.lock.lost) throw new FaultError(storeMessages.lockLost(this.file));
  }

  protected override async release(): Promise<void> {
    // The journal's repair (a rewrite) runs under the lock: it must be over before the lock goes.
    await this.journal.catch(() => undefined);
    await this.lock?.release();
  }
}

/**
 * Starts reading the journal beside the store file, then `prepare` (a repair) on it. A journal
 * that cannot be read is logged at once and refused to whatever later needs it (stats, recording
 * lookups), with the store file's usual message; the bot itself starts.
 */
function openJournal(storePath: string, prepare: (journal: LookupJournal) => Promise<void> = async () => {}): Promise<LookupJournal> {
  const journalPath = `${storePath}.lookups.jsonl`;
  const opening = (async () => {
    let journal: LookupJournal;
    try {
      journal = await LookupJournal.open(journalPath);
    } catch (error) {
      throw new FaultError(storeMessages.fileUnreadable(displayPath(journalPath), (error as Error).message), { cause: error });
    }
    await prepare(journal);
    return journal;
  })();
  opening.catch((error: unknown) => logger.warn({ err: error, file: journalPath }, 'the lookup journal could not be read or repaired; stats are unavailable'));
  return opening;
}

async function fileExists(filePath: string, file: string): Promise<boolean> {
  try {
    await stat(filePath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new FaultError(storeMessages.fileUnreadable(file, (error as Error).message), { cause: error });
  }
}
