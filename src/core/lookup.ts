import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import type { Verdict } from '../model/verdict.js';
import type { Store, UpsertResult } from '../store/store.js';
import { SearchIndex } from '../search/search-index.js';
import { readSnapshot, snapshotFingerprint, writeSnapshot } from '../search/index-snapshot.js';
import { logger } from '../log/logger.js';
import { normalizeText } from '../search/normalize.js';
import { CONFIDENT_MATCH } from '../search/config.js';
import type { SearchDocument } from '../search/types.js';
import { LinkIndex } from '../links/link-index.js';
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

type Entry = { kind: 'claim'; value: ClaimReview } | { kind: 'article'; value: Article };

export interface FromStoreOptions {
  /**
   * A file for a snapshot of the text index (for the JSON store: `<store file>.index`). When it
   * matches the store's entries it is loaded instead of rebuilding the index; otherwise the index
   * is built and the snapshot rewritten in the background.
   */
  indexSnapshotPath?: string;
  /** Below this many entries the index is simply built (default 2000: about a fifth of a second). */
  snapshotMinEntries?: number;
}

const SNAPSHOT_MIN_ENTRIES = 2000;

/** A bulk load of at least this many entries packs the index afterwards (one `add` never does). */
const SETTLE_AFTER_ENTRIES = 1000;
/** Entries whose links are indexed per slice of background work after a start. */
const LINKS_PER_SLICE = 2000;

/**
 * Finds fact-checks for a claim or a link: exact link match first, then text search. Keeps the
 * in-memory indexes in step with the store, so an added entry is findable at once.
 */
export class LookupService {
  private readonly entries = new Map<string, Entry>();
  private text = new SearchIndex();
  private source: 'built' | 'snapshot' = 'built';
  private linksPending: Entry[] = [];
  private linksDone = 0;
  private snapshotWrite: Promise<void> = Promise.resolve();
  private readonly links = new LinkIndex();
  private readonly feedbackByScope = new Map<string, Map<string, Set<string>>>();
  private changes = 0;
  private readonly log: LookupLog | undefined;

  private constructor(private readonly store: Store | undefined) {
    this.log = store ? new LookupLog(store) : undefined;
  }

  /** Builds the indexes from everything in the store, or loads the text index from a matching snapshot. */
  static async fromStore(store: Store, options: FromStoreOptions = {}): Promise<LookupService> {
    const service = new LookupService(store);
    const claims = await store.listClaims();
    const articles = await store.listArticles();
    const worthASnapshot = claims.length + articles.length >= (options.snapshotMinEntries ?? SNAPSHOT_MIN_ENTRIES);
    if (options.indexSnapshotPath && worthASnapshot) await service.indexWithSnapshot(claims, articles, options.indexSnapshotPath);
    else service.index(claims, articles);
    service.indexLinksInBackground();
    return service;
  }

  /** An index over entries that are not persisted anywhere (benchmarks, tests). */
  static fromEntries(entries: { claims?: readonly ClaimReview[]; articles?: readonly Article[] }): LookupService {
    const service = new LookupService(undefined);
    service.index(entries.claims ?? [], entries.articles ?? []);
    service.linkIndex();
    return service;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether the text index was built from the entries or loaded from a snapshot at start. */
  get indexSource(): 'built' | 'snapshot' {
    return this.source;
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
    const exclude = await this.excludedFor(options.scope, text);
    const hits = this.text.search(text, { limit: options.limit ?? DEFAULT_LIMIT, exclude });
    return this.recorded(options, {
      query: text,
      reason: 'text',
      results: this.articlesFirst(hits.flatMap((hit) => this.toResult(hit.id, hit.confidence, 'text'))),
    });
  }

  async lookupUrl(url: string, options: LookupOptions = {}): Promise<LookupOutcome> {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const canonical = canonicalizeUrl(url);
    const exclude = await this.excludedFor(options.scope, canonical ?? url);
    if (canonical) {
      const linked = this.linkIndex().find(canonical).filter((hit) => !exclude.has(hit.id));
      if (linked.length > 0) {
        return this.recorded(options, {
          query: url,
          reason: 'url',
          results: linked.slice(0, limit).flatMap((hit) => this.toResult(hit.id, 1, 'url')),
        });
      }
    }
    const words = canonical ? urlSearchWords(canonical) : '';
    const hits = words ? this.text.search(words, { limit, exclude }) : [];
    return this.recorded(options, {
      query: url,
      reason: 'url-words',
      results: this.articlesFirst(hits.flatMap((hit) => this.toResult(hit.id, hit.confidence * URL_WORDS_CONFIDENCE_FACTOR, 'url-words'))),
    });
  }

  /** An indexed entry as a result (for replies built outside a lookup, such as notifications). */
  resultFor(id: string, score = 1, reason: MatchReason = 'text'): ResultItem | undefined {
    return this.toResult(id, score, reason)[0];
  }

  /** Writes the lookups buffered for stats now (before reading stats, and at shutdown). */
  async flushLookupLog(): Promise<void> {
    await this.log?.flush();
  }

  /** Adds or replaces entries in the store (when there is one) and then in the indexes. */
  async add(entries: { claims?: readonly ClaimReview[]; articles?: readonly Article[] }): Promise<UpsertResult> {
    const result = this.store ? await this.store.upsert(entries) : { added: 0, updated: 0 };
    this.index(entries.claims ?? [], entries.articles ?? []);
    return result;
  }

  /** Remembers that `resultId` was the wrong answer to `query` in `scope`; it is not offered there again. */
  async recordWrongMatch(feedback: { scope: string; query: string; resultId: string; userId?: string }): Promise<void> {
    const query = feedbackKey(feedback.query);
    await this.store?.addFeedback({ ...feedback, query, at: new Date().toISOString() });
    const scoped = await this.feedbackFor(feedback.scope);
    if (!scoped.has(query)) scoped.set(query, new Set());
    scoped.get(query)!.add(feedback.resultId);
  }

  private articlesFirst(results: ResultItem[]): ResultItem[] {
    return articlesBeforeTheirClaims(results, (articleId) => this.getArticle(articleId)?.claimIds ?? []);
  }

  getClaim(id: string): ClaimReview | undefined {
    const entry = this.entries.get(id);
    return entry?.kind === 'claim' ? entry.value : undefined;
  }

  getArticle(id: string): Article | undefined {
    const entry = this.entries.get(id);
    return entry?.kind === 'article' ? entry.value : undefined;
  }

  /** Every indexed claim (a snapshot), for lists built beside the search index such as autocomplete. */
  listClaims(): ClaimReview[] {
    return [...this.entries.values()].flatMap((entry) => (entry.kind === 'claim' ? [entry.value] : []));
  }

  /** Goes up whenever entries are added or replaced, so anything built from `listClaims` knows to rebuild. */
  get revision(): number {
    return this.changes;
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

  private index(claims: readonly ClaimReview[], articles: readonly Article[], text = true): void {
    this.changes += 1;
    for (const claim of claims) this.indexEntry({ kind: 'claim', value: claim }, text);
    for (const article of articles) this.indexEntry({ kind: 'article', value: article }, text);
    if (text && claims.length + articles.length >= SETTLE_AFTER_ENTRIES) this.text.settle();
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
    const state = await readSnapshot(snapshotPath, fingerprint);
    if (state) {
      try {
        this.text = SearchIndex.fromState(state, documents);
        this.source = 'snapshot';
        this.index(claims, articles, false);
        return;
      } catch (error) {
        logger.warn({ err: error, snapshotPath }, 'index snapshot unusable; rebuilding the index');
        this.text = new SearchIndex();
        this.entries.clear();
        this.linksPending = [];
        this.linksDone = 0;
      }
    }
    this.index(claims, articles);
    this.source = 'built';
    const built = this.text.exportState();
    this.snapshotWrite = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => writeSnapshot(snapshotPath, built, fingerprint))
      .catch((error: unknown) => logger.warn({ err: error, snapshotPath }, 'could not write the index snapshot'));
  }

  private indexEntry(entry: Entry, text = true): void {
    const { id } = entry.value;
    if (text && this.entries.has(id)) this.text.remove(id);
    this.entries.set(id, entry);
    if (text) this.text.add(toSearchDocument(entry));
    // Links are canonicalised later, in order (a replaced entry's links replace its old ones).
    this.linksPending.push(entry);
  }

  /** The link index with every entry's links in it: canonicalising costs ~10 µs a link, so it is done off the start path. */
  private linkIndex(limit = Infinity): LinkIndex {
    const count = Math.min(limit, this.linksPending.length - this.linksDone);
    for (let i = 0; i < count; i++) {
      const entry = this.linksPending[this.linksDone++]!;
      const urls = entry.kind === 'claim' ? [entry.value.reviewUrl, ...entry.value.appearances] : [entry.value.url];
      this.links.add(entry.value.id, entry.kind, urls.filter((url): url is string => Boolean(url)));
    }
    if (this.linksDone === this.linksPending.length) {
      this.linksPending = [];
      this.linksDone = 0;
    }
    return this.links;
  }

  /** Fills the link index in slices between other work, so a start is not held up by it. */
  private indexLinksInBackground(): void {
    if (this.linksPending.length === 0) return;
    setImmediate(() => {
      this.linkIndex(LINKS_PER_SLICE);
      this.indexLinksInBackground();
    }).unref();
  }

  private toResult(id: string, score: number, reason: MatchReason): ResultItem[] {
    const entry = this.entries.get(id);
    if (!entry) return [];
    const matchedBy = reason === 'url' ? 'url' : 'text';
    const rounded = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
    if (entry.kind === 'claim') {
      const claim = entry.value;
      return [
        {
          id,
          kind: 'claim',
          title: claim.claim,
          verdict: claim.verdict,
          rating: claim.rating,
          source: { name: claim.reviewer.name, url: claim.reviewUrl ?? claim.reviewer.url },
          date: claim.reviewDate,
          context: claim.summary,
          claimant: claim.claimant,
          language: claim.language,
          score: rounded,
          matchedBy,
          reason,
          sample: claim.sample,
        },
      ];
    }
    const article = entry.value;
    const credited = article.attribution.map((credit) => credit.name);
    return [
      {
        id,
        kind: 'article',
        title: article.title,
        verdict: this.articleVerdict(article),
        rating: article.label ?? 'No label',
        source: {
          name: credited.length > 0 ? `${article.publisher}, citing ${credited.join(' and ')}` : article.publisher,
          url: article.url,
        },
        date: article.publishedDate,
        context: article.context ?? article.summary,
        language: article.language,
        score: rounded,
        matchedBy,
        reason,
        sample: article.sample,
      },
    ];
  }

  /** An article's verdict is that of the main claim it makes (its first covered claim). */
  private articleVerdict(article: Article): Verdict {
    const main = article.claimIds.map((claimId) => this.getClaim(claimId)).find(Boolean);
    return main?.verdict ?? 'other';
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

/** Links are remembered in canonical form, so the same link with other tracking parameters counts too. */
function feedbackKey(query: string): string {
  return (looksLikeUrl(query) ? canonicalizeUrl(query) : undefined) ?? normalizeText(query);
}

function toSearchDocument(entry: Entry): SearchDocument {
  if (entry.kind === 'claim') {
    const claim = entry.value;
    return {
      id: claim.id,
      kind: 'claim',
      claim: claim.claim,
      title: claim.title,
      summary: claim.summary,
      claimant: claim.claimant,
      language: claim.language,
    };
  }
  const article = entry.value;
  return {
    id: article.id,
    kind: 'article',
    claim: article.title,
    summary: [article.summary, article.body].filter(Boolean).join('\n'),
    language: article.language,
  };
}
