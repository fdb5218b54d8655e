import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { FaultError } from '../core/errors.js';
import { storeDataSchema, type LookupRecord, type StoreData } from '../model/store-data.js';
import { LowStore } from './low-store.js';
import { LookupJournal } from './lookup-journal.js';
import { lookupsSince, validateLookups } from './request-data-ops.js';
import { loadSeedFile } from './seed-file.js';
import { displayPath } from './store-data-codec.js';
import { StoreFileAdapter, type StoreFileContents } from './store-file-adapter.js';
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
  private constructor(
    db: Low<StoreData>,
    description: string,
    private readonly file: string,
    private readonly lock: StoreFileLock | undefined,
    private readonly journal: LookupJournal,
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
        return new JsonFileStore(db, description, file, undefined, await openJournal(options.path), adapter);
      }
      const contents = await adapter.open();
      db.data = contents.data;
      return JsonFileStore.withEntries(new JsonFileStore(db, description, file, undefined, await openJournal(options.path), adapter), contents);
    }

    try {
      await mkdir(path.dirname(options.path), { recursive: true });
    } catch (error) {
      throw new FaultError(storeMessages.folderFailed(file, (error as Error).message), { cause: error });
    }
    // Locked before the file is created, so two processes starting together cannot both seed it.
    const lock = await lockStoreFile(options.path, options.lockStaleMs);
    try {
      if (!(await fileExists(options.path, file))) {
        await adapter.write(await loadSeedFile(options.seedPath, `create store file ${file}`));
      }
      const contents = await adapter.open();
      db.data = contents.data;
      const journal = await openJournal(options.path);
      await journal.repair();
      const store = JsonFileStore.withEntries(new JsonFileStore(db, description, file, lock, journal, adapter), contents);
      await store.moveLookupsToJournal();
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** A file read with its entries still as bytes has them parsed when first needed. */
  private static withEntries(store: JsonFileStore, contents: StoreFileContents): JsonFileStore {
    if (contents.unparsed) store.keepEntriesUnparsed(contents.unparsed);
    return store;
  }

  /**
   * The digest of the claims' and articles' bytes in the file as last read or written (a file in
   * the layout factdesk writes), and their number: known without parsing them.
   */
  entriesDigest(): { digest: string; entries: number } | undefined {
    const digest = this.adapter.entriesDigest;
    return digest === undefined ? undefined : { digest, entries: this.entryCount() };
  }

  /** Appends to the lookup journal beside the file: the store file itself is not rewritten. */
  override addLookups(records: readonly LookupRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return this.serialized(() => this.journal.append(validateLookups(records, this.refuse)));
  }

  override async listLookups(since: string): Promise<readonly LookupRecord[]> {
    this.assertOpen();
    // A read-only opener leaves lookups an older factdesk wrote into the store file where they are.
    return [...lookupsSince(this.db.data.lookups, since), ...this.journal.since(since)];
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
      await this.journal.append(legacy);
      await this.replaceData({ ...this.db.data, lookups: [] });
    });
  }

  protected override assertWritable(): void {
    if (!this.lock) throw new FaultError(storeMessages.readOnly(this.description));
    if (this.lock.lost) throw new FaultError(storeMessages.lockLost(this.file));
  }

  protected override async release(): Promise<void> {
    await this.lock?.release();
  }
}

async function openJournal(storePath: string): Promise<LookupJournal> {
  const journalPath = `${storePath}.lookups.jsonl`;
  try {
    return await LookupJournal.open(journalPath);
  } catch (error) {
    throw new FaultError(storeMessages.fileUnreadable(displayPath(journalPath), (error as Error).message), { cause: error });
  }
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
