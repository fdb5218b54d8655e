import type { Low } from 'lowdb';
import { FaultError } from '../core/errors.js';
import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import type { ChannelSetting, FactcheckRequest, LookupRecord, MatchFeedback, StoreData } from '../model/store-data.js';
import {
  validateChannelSetting,
  validateEntries,
  validateFeedback,
  withChannelSetting,
  withFeedback,
  withUpserted,
  type Entries,
} from './store-data-ops.js';
import { lookupsSince, validateLookups, withChangedRequests, withLookups, type RequestChange } from './request-data-ops.js';
import { storeMessages } from './store-messages.js';
import type { UnparsedEntries } from './unparsed-entries.js';
import type { Store, StoredEntries, UpsertResult } from './store.js';

/**
 * A Store over a lowdb database whose adapter validates every write. Writes run one at a time in
 * order (a promise queue), and the data readers see is replaced only after its write succeeded,
 * so a refused or failed write changes nothing.
 */
export abstract class LowStore implements Store {
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;
  /** Claims and articles not parsed yet (see `keepEntriesUnparsed`); `db.data` holds none of them meanwhile. */
  #unparsed: UnparsedEntries | undefined;
  #parse: Promise<void> | undefined;
  readonly #claimsById = new IdMapCache<ClaimReview>();
  readonly #articlesById = new IdMapCache<Article>();

  protected constructor(
    protected readonly db: Low<StoreData>,
    readonly description: string,
  ) {}

  async listClaims(): Promise<readonly ClaimReview[]> {
    await this.entriesParsed();
    return this.db.data.claims;
  }

  async listArticles(): Promise<readonly Article[]> {
    await this.entriesParsed();
    return this.db.data.articles;
  }

  async getEntries(ids: readonly string[]): Promise<StoredEntries> {
    this.assertOpen();
    if (this.#unparsed) return this.#unparsed.get(ids);
    const byId = this.entriesById();
    const claims: ClaimReview[] = [];
    const articles: Article[] = [];
    for (const id of new Set(ids)) {
      const claim = byId.claims.get(id);
      if (claim) claims.push(claim);
      const article = byId.articles.get(id);
      if (article) articles.push(article);
    }
    return { claims, articles };
  }

  async *scanEntries(batchSize: number): AsyncIterable<StoredEntries> {
    await this.entriesParsed();
    // The arrays are replaced, never changed in place, by writes: this view stays consistent.
    const { claims, articles } = this.db.data;
    const size = Math.max(1, batchSize);
    for (let start = 0; start < claims.length; start += size) yield { claims: claims.slice(start, start + size), articles: [] };
    for (let start = 0; start < articles.length; start += size) yield { claims: [], articles: articles.slice(start, start + size) };
  }

  upsert(entries: Entries): Promise<UpsertResult> {
    return this.change((data) => withUpserted(data, validateEntries(entries, this.refuse)));
  }

  async listFeedback(scope: string): Promise<readonly MatchFeedback[]> {
    this.assertOpen();
    return this.db.data.feedback.filter((item) => item.scope === scope);
  }

  addFeedback(feedback: MatchFeedback): Promise<void> {
    return this.change((data) => ({ data: withFeedback(data, validateFeedback(feedback, this.refuse)), result: undefined }));
  }

  async getChannelSetting(channelKey: string): Promise<ChannelSetting | undefined> {
    this.assertOpen();
    return this.db.data.channelSettings.find((item) => item.channelKey === channelKey);
  }

  setChannelSetting(setting: ChannelSetting): Promise<void> {
    return this.change((data) => ({
      data: withChannelSetting(data, validateChannelSetting(setting, this.refuse)),
      result: undefined,
    }));
  }

  async listRequests(filter: { status?: FactcheckRequest['status'] } = {}): Promise<readonly FactcheckRequest[]> {
    this.assertOpen();
    const { status } = filter;
    return status ? this.db.data.requests.filter((request) => request.status === status) : this.db.data.requests;
  }

  changeRequests(ids: readonly string[], change: RequestChange): Promise<(FactcheckRequest | undefined)[]> {
    return this.change((data) => withChangedRequests(data, ids, change, this.refuse));
  }

  addLookups(records: readonly LookupRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return this.change((data) => ({ data: withLookups(data, validateLookups(records, this.refuse)), result: undefined }));
  }

  async listLookups(since: string): Promise<readonly LookupRecord[]> {
    this.assertOpen();
    return lookupsSince(this.db.data.lookups, since);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue;
    await this.release();
  }

  /** Throws when this store may not write now (read-only, lock lost). */
  protected assertWritable(): void {}

  /** Frees what the store holds (a lock); runs once, after pending writes. */
  protected async release(): Promise<void> {}

  protected readonly refuse = (problem: string): string => storeMessages.writeRefused(this.description, problem);

  /** Runs a write after every earlier one, on a writable open store; `close` waits for it. */
  protected serialized<R>(write: () => Promise<R>): Promise<R> {
    if (this.#closed) return Promise.reject(new FaultError(storeMessages.closed(this.description)));
    const task = this.#queue.then(async () => {
      this.assertWritable();
      // Rethrows a failed parse of the entries: written without them, the file would lose them.
      await this.allEntries();
      return write();
    });
    this.#queue = task.catch(() => undefined);
    return task;
  }

  /**
   * Takes claims and articles that are still bytes (a store file factdesk wrote): reads by id are
   * served from the bytes at once, and the entries are parsed when something first needs them all
   * (a list, a scan, a write), in slices between other work. Not before: a start from an index
   * snapshot needs none of them, and parsing meanwhile would only slow it. Should the parse fail,
   * writes are refused rather than losing the entries.
   */
  protected keepEntriesUnparsed(unparsed: UnparsedEntries): void {
    this.#unparsed = unparsed;
  }

  /** How many claims and articles the store holds, parsed or not. */
  protected entryCount(): number {
    return this.#unparsed ? this.#unparsed.count : this.db.data.claims.length + this.db.data.articles.length;
  }

  /** Settles once every claim and article is parsed (at once for most stores); then asserts the store is open. */
  private async entriesParsed(): Promise<void> {
    this.assertOpen();
    await this.allEntries();
    this.assertOpen();
  }

  /** Parses the entries still held as bytes, once; settles at once when there are none. */
  private allEntries(): Promise<void> {
    if (this.#parse) return this.#parse;
    const unparsed = this.#unparsed;
    if (!unparsed) return Promise.resolve();
    this.#parse = unparsed.parseAll().then(
      (entries) => {
        this.db.data = { ...this.db.data, ...entries };
        this.#unparsed = undefined;
      },
      (error: unknown) => {
        throw new FaultError(storeMessages.entriesUnreadable(this.description, (error as Error).message), { cause: error });
      },
    );
    return this.#parse;
  }

  /** Replaces the data through the adapter (which validates and writes it), then in memory. */
  protected async replaceData(data: StoreData): Promise<void> {
    // Through the adapter rather than db.write(): db.data must keep the old value until the write succeeded.
    await this.db.adapter.write(data);
    this.db.data = data;
  }

  private change<R>(compute: (data: StoreData) => { data: StoreData; result: R }): Promise<R> {
    return this.serialized(async () => {
      const { data, result } = compute(this.db.data);
      // A change that changed nothing (the same object back) costs no write.
      if (data !== this.db.data) await this.replaceData(data);
      return result;
    });
  }

  /** Id maps of the current entry arrays, rebuilt only after a write replaced one of them. */
  private entriesById(): { claims: ReadonlyMap<string, ClaimReview>; articles: ReadonlyMap<string, Article> } {
    return { claims: this.#claimsById.of(this.db.data.claims), articles: this.#articlesById.of(this.db.data.articles) };
  }

  protected assertOpen(): void {
    if (this.#closed) throw new FaultError(storeMessages.closed(this.description));
  }
}

/** An id → item map of one array, kept until it is asked for another array. */
class IdMapCache<T extends { id: string }> {
  #from: readonly T[] | undefined;
  #map: ReadonlyMap<string, T> = new Map();

  of(items: readonly T[]): ReadonlyMap<string, T> {
    if (this.#from !== items) {
      this.#from = items;
      this.#map = new Map(items.map((item) => [item.id, item]));
    }
    return this.#map;
  }
}
