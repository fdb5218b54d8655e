import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import { ChangeTokenRefused, type EntryHashes, type Store, type StoredEntriesDigest, type UpsertResult } from '../store/store.js';
import { ResidentEntries } from './resident-entries.js';
import { linksOf, toSearchDocument, type Entry } from './entries.js';
import { articleResult, articleVerdict, claimResult } from './result-items.js';
import { loadSnapshotFile, type LoadedSnapshot } from './snapshot-load.js';
import { documentKind } from '../search/inverted-index.js';
import { SearchIndex } from '../search/search-index.js';
import type { SemanticSimilarity } from '../search/types.js';
import type { SemanticLayer } from '../semantic/semantic-layer.js';
import {
  sharedStoreFingerprint,
  snapshotFingerprint,
  storedEntriesFingerprint,
  writeSnapshot,
  type SnapshotMeta,
} from '../search/index-snapshot.js';
import { setImmediate as yieldToOtherWork } from 'node:timers/promises';
import { logger } from '../log/logger.js';
import { normalizeText } from '../search/normalize.js';
import { CONFIDENT_MATCH } from '../search/config.js';
import { LinkIndex, type LinkKeysRestore } from '../links/link-index.js';
import { canonicalizeUrl, looksLikeUrl } from '../links/canonicalize-url.js';
import { urlSearchWords } from '../links/url-words.js';
import type { MatchReason, ResultItem } from './reply.js';
import { articlesBeforeTheirClaims } from './result-order.js';
import { LookupLog } from '../stats/lookup-log.js';

export { CONFIDENT_MATCH };

/** A weaker signal than the claim text itself, so link-word matches are never fully confident. */
const URL_WORDS_CONFIDENCE_FACTOR = 0.85;
export const MAX_QUERY_LENGTH = 4000;
const DEFAULT_LIMIT = 3;

export interface LookupOptions {
  /** Results to return, best first (default 3). */
  limit?: number;
  /** Feedback scope: results marked "wrong match" for this query in this scope are left out. */
  scope?: string;
  /**
   * Whether to count this lookup in `factcheck-stats`. By default a lookup made for someone (one
   * with a scope) is counted; pass false for lookups nobody typed (the channel watcher).
   */
  record?: boolean;
}

export interface LookupOutcome {
  query: string;
  /** How the results were found (all results of one lookup share it). */
  reason: MatchReason;
  /** Best first. Only those with `score >= CONFIDENT_MATCH` may be presented as answers. */
  results: ResultItem[];
}

/** Where entries are written and read back by id: the store itself, or the entries given to `fromEntries`. */
type EntrySource = Pick<Store, 'getEntries' | 'upsert'>;

/**
 * What the link index needs of an entry, kept until its links are canonicalised (not the whole
 * entry); or that an entry is gone, which waits its turn behind the links queued before it.
 */
type PendingLinks = { id: string; kind: 'claim' | 'article'; urls: string[] } | { id: string; removed: true };

export interface FromStoreOptions {
  /**
   * A file for a snapshot of the text index (for the JSON store: `<store file>.index`). When it
   * matches the store's entries it is loaded instead of rebuilding the index; otherwise the index
   * is built and the snapshot rewritten in the background.
   */
  indexSnapshotPath?: string;
  /**
   * The load of `indexSnapshotPath` already begun (`loadSnapshotFile`): a start begins it before
   * it opens the store, so the snapshot is read and restored while the store file is read.
   */
  indexSnapshot?: Promise<LoadedSnapshot | undefined>;
  /** Below this many entries the index is simply built (default 2000: about a fifth of a second). */
  snapshotMinEntries?: number;
  /** Ranks with the sentence encoder too; claims are embedded in the background after the start. */
  semantic?: SemanticLayer;
}

const SNAPSHOT_MIN_ENTRIES = 2000;
/** A shared store's snapshot is rewritten at a start that had to index at least 1/this of the index anew. */
const REFRESH_SNAPSHOT_AFTER_SHARE = 10;

/** Quiet after the last added entry before the snapshot is rewritten: a batch of additions costs one write. */
const REFRESH_SNAPSHOT_AFTER_MS = 10_000;

/** A bulk load of at least this many entries packs the index afterwards (one `add` never does). */
const SETTLE_AFTER_ENTRIES = 1000;
/** Entries whose links are indexed per slice of background work after a start. */
const LINKS_PER_SLICE = 2000;
/** Entries whose link keys a slice restores from a snapshot: keys need no canonicalising, so a slice is still about 20 ms. */
const KEYS_RESTORED_PER_SLICE = 10_000;
/** Entries whose links the background scan after a snapshot start reads at a time: a few milliseconds' work. */
const LINK_SCAN_BATCH = 250;
/**
 * Entries read from the store at a time when indexing it: their objects are garbage once indexed,
 * and small batches die young (cheap to collect) instead of filling the old heap.
 */
const SCAN_BATCH = 1000;

/**
 * Finds fact-checks for a claim or a link: exact link match first, then text search. Keeps the
 * in-memory indexes in step with the store, so an added entry is findable at once. The indexes
 * hold what ranking needs (terms, claim and title texts, links), not the entries: a lookup reads
 * its few results from the store by id, so a PostgreSQL store of a million claims is searched by
 * a process that never holds them all.
 */
export class LookupService {
  private text = new SearchIndex();
  private source: 'built' | 'snapshot' = 'built';
  private linksPending: PendingLinks[] = [];
  private linksDone = 0;
  /**
   * After a snapshot start: the snapshot's link keys still being put into `links`, in slices after
   * the start's catch-up, since at 100,000 entries that is a quarter of a second the first answer
   * need not wait for. Links queued meanwhile (`linksPending`) follow it.
   */
  private linksRestore: LinkKeysRestore | undefined;
  private linksIndexed: Promise<void> = Promise.resolve();
  private snapshotWrite: Promise<void> = Promise.resolve();
  private links = new LinkIndex();
  private readonly feedbackByScope = new Map<string, Map<string, Set<string>>>();
  private readonly log: LookupLog | undefined;
  /** While links are read by a background scan after a snapshot start: ids indexed since it began. */
  private linksScanning: Set<string> | undefined;
  /** Where `catchUp` resumes in a store that several processes write (undefined for the others). */
  private changeToken: string | undefined;
  /** For a store several processes write: where its index snapshot is kept, when it is. */
  private sharedSnapshotPath: string | undefined;
  /** The snapshot kept in step with the store's entries digest (see `refreshSnapshotLater`). */
  private digestSnapshotPath: string | undefined;
  private snapshotRefresh: NodeJS.Timeout | undefined;
  /** The text index whose claims the semantic layer has been given (a rebuilt index is given anew). */
  private embeddedIndex: SearchIndex | undefined;
  /** The snapshot load begun before the store opened (`FromStoreOptions.indexSnapshot`), until used. */
  private snapshotLoad: Promise<LoadedSnapshot | undefined> | undefined;

  private constructor(
    private readonly store: Store | undefined,
    private readonly entrySource: EntrySource,
    private semantic: SemanticLayer | undefined,
  ) {
    this.log = store ? new LookupLog(store) : undefined;
  }

  /**
   * Builds the indexes from everything in the store, or loads the text index from a matching
   * snapshot. Without a snapshot the store is read in batches, so its entries are never all held
   * as objects here at once.
   */
  static async fromStore(store: Store, options: FromStoreOptions = {}): Promise<LookupService> {
    const service = new LookupService(store, store, options.semantic);
    await service.indexStore(store, options);
    service.embedClaims();
    return service;
  }

  private async indexStore(store: Store, options: FromStoreOptions): Promise<void> {
    // Taken before reading: whatever other processes write from here on is caught up with later.
    this.changeToken = await store.changeToken?.();
    const snapshotPath = options.indexSnapshotPath;
    this.snapshotLoad = options.indexSnapshot;
    if (snapshotPath && this.changeToken !== undefined) {
      await this.indexSharedStore(store, snapshotPath);
      return;
    }
    const minEntries = options.snapshotMinEntries ?? SNAPSHOT_MIN_ENTRIES;
    const stored = snapshotPath ? store.entriesDigest?.() : undefined;
    if (snapshotPath && stored && stored.entries >= minEntries) {
      this.digestSnapshotPath = snapshotPath;
      await this.indexStoredEntries(store, snapshotPath, stored);
      return;
    }
    if (snapshotPath) {
      const claims = await store.listClaims();
      const articles = await store.listArticles();
      if (claims.length + articles.length >= minEntries) {
        await this.indexWithSnapshot(claims, articles, snapshotPath);
      } else {
        this.index(claims, articles);
      }
    } else {
      await this.indexByScan(store);
    }
    this.indexLinksInBackground();
  }

  /** An index over entries that are not persisted anywhere (benchmarks, tests). */
  static fromEntries(entries: { claims?: readonly ClaimReview[]; articles?: readonly Article[] }, options: { semantic?: SemanticLayer } = {}): LookupService {
    const resident = new ResidentEntries();
    const service = new LookupService(undefined, resident, options.semantic);
    resident.put(entries);
    service.index(entries.claims ?? [], entries.articles ?? []);
    service.linkIndex();
    service.embedClaims();
    return service;
  }

  /** Ranks with the sentence encoder from now on (FACTDESK_SEMANTIC=auto decides once the index is built); claims are embedded in the background. */
  useSemantic(semantic: SemanticLayer): void {
    this.semantic = semantic;
    this.embedClaims();
  }

  /** Whether lookups use the sentence encoder (once their candidates are embedded). */
  get semanticRanking(): boolean {
    return this.semantic !== undefined;
  }

  /** Stops embedding claims and releases the sentence encoder (at shutdown). */
  async closeSemantic(): Promise<void> {
    await this.semantic?.close();
  }

  /** How many claims wait for their sentence embedding once the encoder is loaded and saved vectors are read (0 without the semantic layer). */
  async claimsAwaitingEmbedding(): Promise<number> {
    return (await this.semantic?.backlog()) ?? 0;
  }

  /** Settles once every indexed claim has its sentence embedding (at once without the semantic layer). */
  async allClaimsEmbedded(): Promise<void> {
    await this.semantic?.whenEmbedded();
  }

  get size(): number {
    return this.text.size;
  }

  /** Whether the text index was built from the entries or loaded from a snapshot at start. */
  get indexSource(): 'built' | 'snapshot' {
    return this.source;
  }

  /** Settles once every entry's links are in the link index (they are indexed after a start, in slices). */
  allLinksIndexed(): Promise<void> {
    return this.linksIndexed;
  }

  /** Settles once the snapshot written after a fresh build is on disk (or failed, which is only logged). */
  snapshotWritten(): Promise<void> {
    return this.snapshotWrite;
  }

  /** Looks up a link (exact match, then its words) or a claim's text, auto-detected. */
  async lookup(input: string, options: LookupOptions = {}): Promise<LookupOutcome> {
    return looksLikeUrl(input) ? this.lookupUrl(input, options) : this.lookupText(input, options);
  }

  async lookupText(text: string, options: LookupOptions = {}): Promise<LookupOutcome> {
    const [exclude, semantic] = await Promise.all([this.excludedFor(options.scope, text), this.similarityTo(text)]);
    const hits = this.text.search(text, { limit: options.limit ?? DEFAULT_LIMIT, exclude, semantic });
    return this.recorded(options, {
      query: text,
      reason: 'text',
      results: await this.resultsFor(hits.map((hit) => ({ id: hit.id, score: hit.confidence })), 'text'),
    });
  }

  async lookupUrl(url: string, options: LookupOptions = {}): Promise<LookupOutcome> {
    // Right after a snapshot start the links are still being read: an exact answer is worth the wait.
    if (this.linksScanning) await this.linksIndexed;
    const limit = options.limit ?? DEFAULT_LIMIT;
    const canonical = canonicalizeUrl(url);
    const exclude = await this.excludedFor(options.scope, canonical ?? url);
    if (canonical) {
      const linked = this.linkIndex().find(canonical).filter((hit) => !exclude.has(hit.id));
      // The link index matches by a hash of the link: the entry's own links confirm it.
      const mentionsLink = (entry: Entry) => linksOf(entry).some((link) => canonicalizeUrl(link) === canonical);
      const results = await this.resultsFor(
        linked.slice(0, limit).map((hit) => ({ id: hit.id, score: 1 })),
        'url',
        { articlesFirst: false, keep: mentionsLink },
      );
      if (results.length > 0) return this.recorded(options, { query: url, reason: 'url', results });
    }
    const words = canonical ? urlSearchWords(canonical) : '';
    const hits = words ? this.text.search(words, { limit, exclude, semantic: await this.similarityTo(words) }) : [];
    return this.recorded(options, {
      query: url,
      reason: 'url-words',
      results: await this.resultsFor(hits.map((hit) => ({ id: hit.id, score: hit.confidence * URL_WORDS_CONFIDENCE_FACTOR })), 'url-words'),
    });
  }

  /** An indexed entry as a result (for replies built outside a lookup, such as notifications). */
  async resultFor(id: string, score = 1, reason: MatchReason = 'text'): Promise<ResultItem | undefined> {
    return (await this.resultsFor([{ id, score }], reason, { articlesFirst: false }))[0];
  }

  /** Writes the lookups buffered for stats now (before reading stats, and at shutdown). */
  async flushLookupLog(): Promise<void> {
    await this.log?.flush();
  }

  /** Adds or replaces entries in the store (when there is one) and then in the indexes. */
  async add(entries: { claims?: readonly ClaimReview[]; articles?: readonly Article[] }): Promise<UpsertResult> {
    const result = await this.entrySource.upsert(entries);
    this.index(entries.claims ?? [], entries.articles ?? []);
    this.refreshSnapshotLater();
    return result;
  }

  /**
   * Indexes what other processes wrote to the store since the last catch-up (or the start), so
   * their additions are found by text too, and forgets the "wrong match" marks read so far, so a
   * mark made through another process counts here from the next lookup. Resolves to the number of
   * entries (re)indexed; 0 for a store only this process writes. When the store refuses the token,
   * because its database was restored from a backup (or replaced) under this process, the index is
   * built again from it.
   */
  async catchUp(): Promise<number> {
    // Read again per scope at its next lookup: one small query a scope per catch-up at most.
    if (this.store?.changesSince) this.feedbackByScope.clear();
    try {
      return await this.indexChangesSinceToken();
    } catch (error) {
      if (!(error instanceof ChangeTokenRefused)) throw error;
      logger.warn({ err: error }, 'the store is not the one indexed any more; building the index again from it');
      return this.rebuildFromStore(this.store!);
    }
  }

  /** `catchUp`'s reading of the change feed, which a refused token fails. */
  private async indexChangesSinceToken(): Promise<number> {
    if (!this.store?.changesSince || this.changeToken === undefined) return 0;
    const { entries, next } = await this.store.changesSince(this.changeToken);
    this.changeToken = next;
    this.index(entries.claims, entries.articles);
    // Canonicalised now, unless a start's restore of the snapshot's keys is under way (they follow it).
    if (!this.linksRestore) this.linkIndex();
    return entries.claims.length + entries.articles.length;
  }

  /**
   * A whole new index of the store, from a scan, put in place of the old one once complete (links
   * included), so lookups go on meanwhile; the snapshot, if one is kept, is written anew from it.
   * Claims the store no longer has lose their sentence vectors; the others keep theirs when their
   * text is the same.
   */
  private async rebuildFromStore(store: Store): Promise<number> {
    const rebuilt = await LookupService.fromStore(store);
    await rebuilt.allLinksIndexed();
    if (this.semantic) {
      const kept = new Set(Array.from(rebuilt.text.claimTexts(), ({ id }) => id));
      for (const { id } of this.text.claimTexts()) if (!kept.has(id)) this.semantic.forget(id);
    }
    this.text = rebuilt.text;
    this.links = rebuilt.links;
    this.linksPending = [];
    this.linksDone = 0;
    this.linksRestore = undefined;
    this.linksScanning = undefined;
    this.changeToken = rebuilt.changeToken;
    this.source = 'built';
    this.embedClaims();
    const { sharedSnapshotPath } = this;
    if (sharedSnapshotPath) {
      const token = this.changeToken;
      this.writeSnapshotSoon(sharedSnapshotPath, sharedStoreFingerprint(store.description), () => ({ changeToken: token }));
    }
    return this.text.size;
  }

  /**
   * Catches up every `intervalMs` until the returned function is called (a no-op for stores only
   * this process writes). A failed catch-up is logged and tried again at the next tick.
   */
  followChanges(intervalMs: number): () => void {
    if (!this.store?.changesSince) return () => undefined;
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const tick = () => {
      this.catchUp()
        .catch((error: unknown) => logger.warn({ err: error }, 'could not catch up with changes to the store'))
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, intervalMs).unref();
        });
    };
    timer = setTimeout(tick, intervalMs).unref();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  /** Remembers that `resultId` was the wrong answer to `query` in `scope`; it is not offered there again. */
  async recordWrongMatch(feedback: { scope: string; query: string; resultId: string; userId?: string }): Promise<void> {
    const query = feedbackKey(feedback.query);
    await this.store?.addFeedback({ ...feedback, query, at: new Date().toISOString() });
    const scoped = await this.feedbackFor(feedback.scope);
    if (!scoped.has(query)) scoped.set(query, new Set());
    scoped.get(query)!.add(feedback.resultId);
  }

  /** The indexed claim with this id, read from where entries live. */
  async getClaim(id: string): Promise<ClaimReview | undefined> {
    return this.text.has(id) ? (await this.entrySource.getEntries([id])).claims[0] : undefined;
  }

  /**
   * Claims for text still being typed (autocomplete), best first: found by the text index (see
   * `SearchIndex.complete`) and read by id, so a keystroke costs one small read however large
   * the store.
   */
  async suggestClaims(typed: string, limit: number): Promise<ClaimReview[]> {
    const ids = this.text.complete(typed.slice(0, MAX_QUERY_LENGTH), limit).filter((id) => this.text.kindOf(id) === 'claim');
    const byId = new Map((await this.entrySource.getEntries(ids)).claims.map((claim) => [claim.id, claim]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The query's similarity in meaning to the claims, when the semantic layer runs. */
  private async similarityTo(query: string): Promise<SemanticSimilarity | undefined> {
    if (!this.semantic) return undefined;
    // The index was rebuilt since (a snapshot that failed, a catch-up): its claims are queued again.
    if (this.embeddedIndex !== this.text) this.embedClaims();
    return this.semantic.similarityTo(query);
  }

  /** Queues every claim of the text index that has no embedding of its current text. */
  private embedClaims(): void {
    if (!this.semantic) return;
    this.semantic.embedMissing(this.text.claimTexts());
    this.embeddedIndex = this.text;
  }

  /** Buffers a lookup made for someone, for `factcheck-stats`; batched, never a write per lookup. */
  private recorded(options: LookupOptions, outcome: LookupOutcome): LookupOutcome {
    if (this.log && options.scope && options.record !== false) {
      const confident = outcome.results.filter((result) => result.score >= CONFIDENT_MATCH);
      this.log.record({
        query: outcome.query,
        confident: confident.length > 0,
        resultIds: (confident.length > 0 ? confident : outcome.results).slice(0, 5).map((result) => result.id),
        scope: options.scope,
      });
    }
    return outcome;
  }

  private index(claims: readonly ClaimReview[], articles: readonly Article[], options: { text?: boolean; settle?: boolean } = {}): void {
    const text = options.text ?? true;
    for (const claim of claims) this.indexEntry({ kind: 'claim', value: claim }, text);
    for (const article of articles) this.indexEntry({ kind: 'article', value: article }, text);
    if (text && (options.settle ?? true) && claims.length + articles.length >= SETTLE_AFTER_ENTRIES) this.text.settle();
  }

  /** Indexes the store read in batches, links included, so no batch outlives its indexing. */
  private async indexByScan(store: Store): Promise<void> {
    let scanned = 0;
    for await (const batch of store.scanEntries(SCAN_BATCH)) {
      this.index(batch.claims, batch.articles, { settle: false });
      // Links at once too: held until later, a million entries' links would outweigh their index.
      this.linkIndex();
      scanned += batch.claims.length + batch.articles.length;
    }
    if (scanned >= SETTLE_AFTER_ENTRIES) this.text.settle();
  }

  /**
   * For a store that other processes write too (PostgreSQL): loads the text index from the snapshot
   * an earlier start of this store wrote, with the change token it was built at, then indexes what
   * was written since (the change feed, as `catchUp`). Without a usable snapshot it builds the index
   * from a scan and writes one, noting the token taken before the scan. The snapshot holds no
   * links: after a snapshot start they are read by a background scan, which link lookups wait for.
   * The token notes where it was taken (postgres-change-token.ts), so the catch-up refuses the
   * snapshot of another database, or of this one before it was restored from a backup, and the
   * index is built by a scan instead.
   */
  private async indexSharedStore(store: Store, snapshotPath: string): Promise<void> {
    this.sharedSnapshotPath = snapshotPath;
    const fingerprint = sharedStoreFingerprint(store.description);
    const tokenAtStart = this.changeToken;
    const loaded = await this.matchingSnapshot(snapshotPath, fingerprint);
    if (loaded?.contents.meta.changeToken !== undefined) {
      try {
        this.loadSnapshot(loaded);
        this.changeToken = loaded.contents.meta.changeToken;
        const caughtUp = await this.indexChangesSinceToken();
        this.indexLinksAfterSnapshot(store);
        // Every start reads what changed since the snapshot: once that is a tenth of the index, a
        // fresh snapshot (at the token just reached) keeps the next start as quick as this one.
        const token = this.changeToken;
        if (caughtUp > 0 && caughtUp * REFRESH_SNAPSHOT_AFTER_SHARE >= this.text.size) this.writeSnapshotSoon(snapshotPath, fingerprint, () => ({ changeToken: token }));
        return;
      } catch (error) {
        this.forgetUnusableSnapshot(error, snapshotPath);
        this.changeToken = tokenAtStart;
      }
    }
    await this.indexByScan(store);
    this.source = 'built';
    this.writeSnapshotSoon(snapshotPath, fingerprint, () => ({ changeToken: tokenAtStart }));
  }

  /**
   * For a store that knows a digest of its entries (the JSON file): loads the text index from the
   * snapshot, which notes the digest it was built at and a hash of each entry then. At the same
   * digest it is used as it is; at another (entries written by `factdesk import`, or added when
   * the process stopped before rewriting the snapshot), the entries whose hash differs are
   * indexed anew and those gone are removed, so only what changed is read. Without a usable
   * snapshot the index is built. Either way a snapshot at the current digest is written after
   * the start when the one read was not.
   */
  private async indexStoredEntries(store: Store, snapshotPath: string, stored: StoredEntriesDigest): Promise<void> {
    const fingerprint = storedEntriesFingerprint();
    const loaded = await this.matchingSnapshot(snapshotPath, fingerprint);
    const { entriesDigest, entryHashes } = loaded?.contents.meta ?? {};
    if (loaded && (entriesDigest === stored.digest || entryHashes)) {
      try {
        this.loadSnapshot(loaded);
        if (entriesDigest !== stored.digest) await this.indexChangedEntries(entryHashes!, await stored.hashes());
        this.indexLinksAfterSnapshot(store);
        if (entriesDigest !== stored.digest) this.writeStoredEntriesSnapshotSoon(snapshotPath, stored);
        return;
      } catch (error) {
        this.forgetUnusableSnapshot(error, snapshotPath);
      }
    }
    this.index(await store.listClaims(), await store.listArticles());
    this.indexLinksInBackground();
    this.source = 'built';
    this.writeStoredEntriesSnapshotSoon(snapshotPath, stored);
  }

  /**
   * The text index as a snapshot left it (the one `loadSnapshotFile` built, when it did). When the
   * snapshot holds the link keys, restoring them is queued for after the start's catch-up
   * (`indexLinksAfterSnapshot`); otherwise the links are read by a scan.
   */
  private loadSnapshot({ contents, indexes }: LoadedSnapshot): void {
    if (indexes && 'failure' in indexes) throw indexes.failure;
    const { state } = contents;
    this.text = indexes?.text ?? SearchIndex.fromState(state);
    this.source = 'snapshot';
    if (contents.links) {
      // The kinds are read from a copy: the text index took the state's array over (its ids it
      // copied) and renumbers its slots as the catch-up changes it.
      const kinds = state.index.kinds.slice();
      this.linksRestore = LinkIndex.restoring(state.index.ids, (position) => documentKind(kinds[position]!), contents.links);
      this.links = this.linksRestore.links;
      this.linksScanning = undefined;
    } else {
      this.linksScanning = new Set();
    }
  }

  /** After a snapshot start and its catch-up: the links of what was caught up, or of everything when the snapshot had none. */
  private indexLinksAfterSnapshot(store: Store): void {
    if (this.linksScanning) this.scanLinksInBackground(store);
    else this.indexLinksInBackground();
  }

  /** Indexes the entries whose hash changed since `before` (new ones included) and removes those gone. */
  private async indexChangedEntries(before: EntryHashes, now: EntryHashes): Promise<void> {
    const present = new Set([...now.claims.ids, ...now.articles.ids]);
    for (const id of [...before.claims.ids, ...before.articles.ids]) {
      if (present.has(id)) continue;
      if (this.text.has(id)) this.text.remove(id);
      this.semantic?.forget(id);
      this.forgetLinks(id);
    }
    const claimIds = changedIds(before.claims, now.claims);
    const articleIds = changedIds(before.articles, now.articles);
    const entries = await this.entrySource.getEntries([...claimIds, ...articleIds]);
    this.index(
      entries.claims.filter((claim) => claimIds.has(claim.id)),
      entries.articles.filter((article) => articleIds.has(article.id)),
    );
  }

  /**
   * Writes the text index as it is now, with what `meta` notes of the store it reflects, just
   * after the start or after the writes before it (two writes of one file never overlap).
   */
  private writeSnapshotSoon(snapshotPath: string, fingerprint: string, meta: () => SnapshotMeta | Promise<SnapshotMeta> = () => ({})): void {
    const state = this.text.exportState();
    this.snapshotWrite = this.snapshotWrite
      .then(() => yieldToOtherWork())
      // Every entry's links are in the link index before their keys are written with the state.
      .then(() => this.allLinksIndexed())
      .then(async () => {
        const links = this.linkIndex().exportKeys(state.index.ids);
        // Reading the link keys and encoding are each a second at a million claims: not both at once.
        await yieldToOtherWork();
        await writeSnapshot(snapshotPath, { state, meta: await meta(), links }, fingerprint);
      })
      .catch((error: unknown) => logger.warn({ err: error, snapshotPath }, 'could not write the index snapshot'));
  }

  /** The index as it is now, noted as built at `stored`: the two must be taken together, with no write in between. */
  private writeStoredEntriesSnapshotSoon(snapshotPath: string, stored: StoredEntriesDigest): void {
    this.writeSnapshotSoon(snapshotPath, storedEntriesFingerprint(), async () => ({ entriesDigest: stored.digest, entryHashes: await stored.hashes() }));
  }

  /**
   * After entries were added to a store whose snapshot matches a digest of its entries: the
   * snapshot of the index as it is now, under the store's new digest, a while after the last
   * change (or at `writePendingSnapshot`), so a restart still starts from one.
   */
  private refreshSnapshotLater(): void {
    if (this.digestSnapshotPath === undefined) return;
    clearTimeout(this.snapshotRefresh);
    this.snapshotRefresh = setTimeout(() => this.refreshSnapshotNow(), REFRESH_SNAPSHOT_AFTER_MS).unref();
  }

  private refreshSnapshotNow(): void {
    clearTimeout(this.snapshotRefresh);
    this.snapshotRefresh = undefined;
    const stored = this.store?.entriesDigest?.();
    // The index and the store's digest are read together, with no write in between: they match.
    if (this.digestSnapshotPath !== undefined && stored) this.writeStoredEntriesSnapshotSoon(this.digestSnapshotPath, stored);
  }

  /** Writes a snapshot that is waiting for quiet after changes now, and settles once every snapshot write has. */
  async writePendingSnapshot(): Promise<void> {
    if (this.snapshotRefresh !== undefined) this.refreshSnapshotNow();
    await this.snapshotWrite;
  }

  /**
   * Fills the link index from a scan of the store, batch by batch between other work. Entries the
   * change feed indexed meanwhile keep the links it gave them (the scan may have read them before).
   */
  private scanLinksInBackground(store: Store): void {
    const scanning = this.linksScanning ?? new Set<string>();
    this.linksIndexed = (async () => {
      // Lookups come first: the scan starts after them and gives way every few milliseconds.
      await yieldToOtherWork();
      for await (const batch of store.scanEntries(LINK_SCAN_BATCH)) {
        for (const value of batch.claims) if (!scanning.has(value.id)) this.links.add(value.id, 'claim', linksOf({ kind: 'claim', value }));
        for (const value of batch.articles) if (!scanning.has(value.id)) this.links.add(value.id, 'article', linksOf({ kind: 'article', value }));
        await yieldToOtherWork();
      }
    })()
      .catch((error: unknown) => logger.warn({ err: error }, 'could not read the links of the store; link lookups fall back to the words of the link'))
      .finally(() => {
        this.linksScanning = undefined;
      });
  }

  /**
   * Loads the text index from the snapshot when it was made from exactly these entries (and this
   * search configuration); else builds it and rewrites the snapshot once the service is running.
   * A damaged or foreign snapshot is only a reason to rebuild, never an error.
   */
  private async indexWithSnapshot(claims: readonly ClaimReview[], articles: readonly Article[], snapshotPath: string): Promise<void> {
    const documents = [
      ...claims.map((value) => toSearchDocument({ kind: 'claim', value })),
      ...articles.map((value) => toSearchDocument({ kind: 'article', value })),
    ];
    const fingerprint = snapshotFingerprint(documents);
    const loaded = await this.matchingSnapshot(snapshotPath, fingerprint, { build: false });
    if (loaded) {
      try {
        this.text = SearchIndex.fromState(loaded.contents.state, documents);
        this.source = 'snapshot';
        this.index(claims, articles, { text: false });
        return;
      } catch (error) {
        this.forgetUnusableSnapshot(error, snapshotPath);
      }
    }
    this.index(claims, articles);
    this.source = 'built';
    this.writeSnapshotSoon(snapshotPath, fingerprint);
  }

  /**
   * The snapshot when it was written for `fingerprint`: the one whose load began before the store
   * opened, if there was one (`build: false` is then moot: its indexes are built already).
   */
  private async matchingSnapshot(snapshotPath: string, fingerprint: string, options: { build?: boolean } = {}): Promise<LoadedSnapshot | undefined> {
    const load = this.snapshotLoad ?? loadSnapshotFile(snapshotPath, options);
    this.snapshotLoad = undefined;
    const loaded = await load;
    return loaded?.contents.fingerprint === fingerprint ? loaded : undefined;
  }

  /** Drops whatever a snapshot that failed to load left behind, so the index is built from scratch. */
  private forgetUnusableSnapshot(error: unknown, snapshotPath: string): void {
    logger.warn({ err: error, snapshotPath }, 'index snapshot unusable; rebuilding the index');
    this.text = new SearchIndex();
    this.linksScanning = undefined;
    this.linksPending = [];
    this.linksDone = 0;
    this.linksRestore = undefined;
    this.links = new LinkIndex();
  }

  private indexEntry(entry: Entry, text = true): void {
    const { id } = entry.value;
    this.linksScanning?.add(id);
    if (text && this.text.has(id)) this.text.remove(id);
    if (text) {
      const document = toSearchDocument(entry);
      this.text.add(document);
      // Once the index's claims are queued, an entry added later is queued on its own.
      if (this.embeddedIndex === this.text) this.semantic?.embedMissing([{ id, text: document.claim }]);
    }
    // Links are canonicalised later, in order (a replaced entry's links replace its old ones).
    this.linksPending.push({ id, kind: entry.kind, urls: linksOf(entry) });
  }

  /** The link index with every entry's links in it: restoring and canonicalising cost time, so they are done off the start path. */
  private linkIndex(): LinkIndex {
    this.indexWaitingLinks(Infinity, Infinity);
    return this.links;
  }

  /**
   * Brings the link index up to date by up to `restoring` of a snapshot's entries or, once those
   * are all in, up to `pending` entries queued since (canonicalising costs ~10 µs a link), in that
   * order; true once nothing waits. A slice (finite counts) restores or canonicalises, not both.
   */
  private indexWaitingLinks(restoring: number, pending: number): boolean {
    if (this.linksRestore) {
      const restored = this.linksRestore.restore(restoring);
      if (restored) this.linksRestore = undefined;
      if (!restored || restoring !== Infinity) return false;
    }
    const count = Math.min(pending, this.linksPending.length - this.linksDone);
    for (let i = 0; i < count; i++) {
      const waiting = this.linksPending[this.linksDone++]!;
      if ('removed' in waiting) this.links.remove(waiting.id);
      else this.links.add(waiting.id, waiting.kind, waiting.urls);
    }
    if (this.linksDone < this.linksPending.length) return false;
    this.linksPending = [];
    this.linksDone = 0;
    return true;
  }

  /** Drops an entry's links, after whatever is queued before (which may still hold them). */
  private forgetLinks(id: string): void {
    if (this.linksRestore || this.linksDone < this.linksPending.length) this.linksPending.push({ id, removed: true });
    else this.links.remove(id);
  }

  /** Fills the link index in slices between other work, so a start is not held up by it. */
  private indexLinksInBackground(): void {
    // Not unref'd: with only unref'd immediates pending, the event loop sleeps in its poll phase
    // until some timer or I/O wakes it, and 100,000 entries' links took 30 s instead of 2 s.
    this.linksIndexed = new Promise<void>((resolve) => {
      const slice = () => {
        if (this.indexWaitingLinks(KEYS_RESTORED_PER_SLICE, LINKS_PER_SLICE)) return resolve();
        setImmediate(slice);
      };
      setImmediate(slice);
    });
  }

  /**
   * Hits as results, in the hits' order (articles moved before the claims they cover, unless told
   * otherwise): their entries are read from where entries live in one request, plus one more for
   * the claims whose verdict an article carries. A hit whose entry has gone is left out.
   */
  private async resultsFor(
    hits: readonly { id: string; score: number }[],
    reason: MatchReason,
    options: { articlesFirst?: boolean; keep?: (entry: Entry) => boolean } = {},
  ): Promise<ResultItem[]> {
    const keep = options.keep ?? (() => true);
    if (hits.length === 0) return [];
    const found = await this.entrySource.getEntries(hits.map((hit) => hit.id));
    const claims = new Map(found.claims.map((claim) => [claim.id, claim]));
    const articles = new Map(found.articles.map((article) => [article.id, article]));
    const verdictClaimIds = found.articles.flatMap((article) => article.claimIds).filter((id) => !claims.has(id));
    if (verdictClaimIds.length > 0) {
      for (const claim of (await this.entrySource.getEntries(verdictClaimIds)).claims) claims.set(claim.id, claim);
    }
    const results = hits.flatMap((hit) => {
      // A claim and an article may share an id: the index's kind decides, the claim otherwise.
      const kind = this.text.kindOf(hit.id);
      const claim = kind !== 'article' ? claims.get(hit.id) : undefined;
      if (claim) return keep({ kind: 'claim', value: claim }) ? [claimResult(claim, hit.score, reason)] : [];
      const article = articles.get(hit.id);
      if (!article || !keep({ kind: 'article', value: article })) return [];
      return [articleResult(article, articleVerdict(article, claims), hit.score, reason)];
    });
    return options.articlesFirst === false ? results : articlesBeforeTheirClaims(results, (id) => articles.get(id)?.claimIds ?? []);
  }

  private async excludedFor(scope: string | undefined, query: string): Promise<ReadonlySet<string>> {
    if (!scope) return EMPTY;
    return (await this.feedbackFor(scope)).get(feedbackKey(query)) ?? EMPTY;
  }

  private async feedbackFor(scope: string): Promise<Map<string, Set<string>>> {
    let scoped = this.feedbackByScope.get(scope);
    if (!scoped) {
      scoped = new Map();
      for (const feedback of (await this.store?.listFeedback(scope)) ?? []) {
        if (!scoped.has(feedback.query)) scoped.set(feedback.query, new Set());
        scoped.get(feedback.query)!.add(feedback.resultId);
      }
      this.feedbackByScope.set(scope, scoped);
    }
    return scoped;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** Ids whose hash in `now` differs from theirs in `before`, or that `before` lacks. */
function changedIds(before: { ids: string[]; hashes: string[] }, now: { ids: string[]; hashes: string[] }): Set<string> {
  const hashBefore = new Map(before.ids.map((id, index) => [id, before.hashes[index]] as const));
  const changed = new Set<string>();
  now.ids.forEach((id, index) => {
    if (hashBefore.get(id) !== now.hashes[index]) changed.add(id);
  });
  return changed;
}

/** Links are remembered in canonical form, so the same link with other tracking parameters counts too. */
function feedbackKey(query: string): string {
  return (looksLikeUrl(query) ? canonicalizeUrl(query) : undefined) ?? normalizeText(query);
}

