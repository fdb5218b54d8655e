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
import type { Store, StoredEntries, UpsertResult } from './store.js';

/**
 * A Store over a lowdb database whose adapter validates every write. Writes run one at a time in
 * order (a promise queue), and the data readers see is replaced only after its write succeeded,
 * so a refused or failed write changes nothing.
 */
export abstract class LowStore implements Store {
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;
  readonly #claimsById = new IdMapCache<ClaimReview>();
  readonly #articlesById = new IdMapCache<Article>();

  protected constructor(
    protected readonly db: Low<StoreData>,
    readonly description: string,
  ) {}

  async listClaims(): Promise<readonly ClaimReview[]> {
    this.assertOpen();
    return this.db.data.claims;
  }

  async listArticles(): Promise<readonly Article[]> {
    this.assertOpen();
    return this.db.data.articles;
  }

  async getEntries(ids: readonly string[]): Promise<StoredEntries> {
    this.assertOpen();
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
    this.assertOpen();
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
    const task = this.#queue.then(() => {
      this.assertWritable();
      return write();
    });
    this.#queue = task.catch(() => undefined);
    return task;
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
