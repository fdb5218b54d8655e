import { FaultError } from '../core/errors.js';
import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import type { ChannelSetting, FactcheckRequest, LookupRecord, MatchFeedback } from '../model/store-data.js';

/** Claims and articles read from a store. */
export interface StoredEntries {
  claims: readonly ClaimReview[];
  articles: readonly Article[];
}

/** What `Store.entriesDigest` tells of the entries as stored at one moment. */
export interface StoredEntriesDigest {
  digest: string;
  /** How many claims and articles there are. */
  entries: number;
  /** A hash of each claim's and article's stored form at that moment (not after later writes). */
  hashes(): Promise<EntryHashes>;
}

/** Ids and the hash of each one's stored form, in store order, for the claims and for the articles. */
export interface EntryHashes {
  claims: { ids: string[]; hashes: string[] };
  articles: { ids: string[]; hashes: string[] };
}

/** How many entries one write added and how many it replaced (same id). */
export interface UpsertResult {
  added: number;
  updated: number;
}

/**
 * Where fact-checks live. The embedded default is a lowdb JSON file; PostgreSQL serves
 * deployments that outgrow one process. Every write is validated before it is made and is
 * atomic: it happens whole or not at all.
 */
export interface Store {
  /** Where the data lives, for logs and error messages (`JSON file data/store.json`). */
  readonly description: string;

  listClaims(): Promise<readonly ClaimReview[]>;
  listArticles(): Promise<readonly Article[]>;
  /**
   * The claims and articles with these ids (unknown ids are left out, in no set order): what a
   * lookup fetches for its few results, so the search index need not hold every entry itself.
   */
  getEntries(ids: readonly string[]): Promise<StoredEntries>;
  /**
   * Every claim, then every article, in batches of about `batchSize`, from one consistent view of
   * the store: for building an index of a store too large to hold as objects all at once.
   */
  scanEntries(batchSize: number): AsyncIterable<StoredEntries>;
  /**
   * For stores several processes share (PostgreSQL): a token for "now", to be taken before a scan.
   * `changesSince` then gives the entries written since the token, by any process, and the token
   * to ask with next, so each process keeps its index in step with the others' writes. Rejects
   * with `ChangeTokenRefused` for a token this store can no longer answer.
   */
  changeToken?(): Promise<string>;
  changesSince?(token: string): Promise<{ entries: StoredEntries; next: string }>;
  /**
   * For stores that can tell cheaply (the JSON file: a digest of the entries' bytes, noted when
   * written): a digest of every claim and article as stored now. A snapshot of the text index
   * built at the same digest can be loaded instead of building the index; one built at another
   * digest can be brought up to date with `hashes`, which tell which entries changed.
   */
  entriesDigest?(): StoredEntriesDigest | undefined;
  /** Adds or replaces (by id) claims and articles in one atomic write. */
  upsert(entries: { claims?: readonly ClaimReview[]; articles?: readonly Article[] }): Promise<UpsertResult>;

  /** Feedback recorded in one scope (a Slack workspace, a Discord guild, the console). */
  listFeedback(scope: string): Promise<readonly MatchFeedback[]>;
  addFeedback(feedback: MatchFeedback): Promise<void>;

  getChannelSetting(channelKey: string): Promise<ChannelSetting | undefined>;
  setChannelSetting(setting: ChannelSetting): Promise<void>;

  /** Fact-check requests, oldest first; only those with the given status when one is given. */
  listRequests(filter?: { status?: FactcheckRequest['status'] }): Promise<readonly FactcheckRequest[]>;
  /**
   * Changes requests in one atomic step: `change` gets each id's current request (undefined when
   * there is none) and returns its new value, or undefined to leave it as it is. No other change
   * to requests runs in between, so concurrent asks are never lost. Resolves to each id's request
   * afterwards, in the order of `ids`.
   */
  changeRequests(
    ids: readonly string[],
    change: (current: FactcheckRequest | undefined, id: string) => FactcheckRequest | undefined,
  ): Promise<(FactcheckRequest | undefined)[]>;

  /** Appends lookups (a batch, not one at a time) and drops those older than the retention period. */
  addLookups(records: readonly LookupRecord[]): Promise<void>;
  /** Lookups made at or after `since` (ISO 8601), oldest first. */
  listLookups(since: string): Promise<readonly LookupRecord[]>;

  /** Releases locks and connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * `changesSince` refuses a token that is not of this store as it is now: taken from another
 * database, or from this one before it was restored from a backup. What was indexed from that
 * token cannot be brought up to date; the index must be built again from the store.
 */
export class ChangeTokenRefused extends FaultError {}
