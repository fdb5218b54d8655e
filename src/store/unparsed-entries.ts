import { hash } from 'node:crypto';
import { TimeSlices } from '../async/time-slices.js';
import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import { parseEntryAt, type EntryRanges, type StoreFileLayout } from './store-file-layout.js';
import type { PositionsById } from './entry-bytes.js';
import type { EntryHashes, StoredEntries } from './store.js';

const ENTRY_HASH_CHARS = 16;

/** Entries between looks at the clock. */
const CHECK_EVERY = 64;

/**
 * The claims and articles of validated store-file bytes, before they are parsed: any few of them
 * are parsed by id from their byte ranges at once (what a lookup needs), all of them a batch at a
 * time for a scan, or all at once in slices short enough that lookups keep being answered
 * meanwhile. Parsing a 100,000-claim file whole holds the event loop for over a second.
 */
export class UnparsedEntries implements PositionsById {
  #claimIndex: Map<string, number> | undefined;
  #articleIndex: Map<string, number> | undefined;

  #hashes: Promise<EntryHashes> | undefined;

  constructor(
    /** Validated store-file bytes, in the layout factdesk writes. */
    readonly bytes: Buffer,
    readonly layout: StoreFileLayout,
    /** `entriesDigest` of these bytes. */
    readonly digest: string,
  ) {}

  /** A short hash of each entry's bytes, by id (computed once, in slices between other work). */
  hashes(): Promise<EntryHashes> {
    this.#hashes ??= (async () => ({
      claims: await this.hashRanges(this.layout.claims),
      articles: await this.hashRanges(this.layout.articles),
    }))();
    return this.#hashes;
  }

  get count(): number {
    return this.layout.claims.ids.length + this.layout.articles.ids.length;
  }

  /** Whether no id occurs twice among the claims, nor among the articles (a hand edit may break this). */
  get idsUnique(): boolean {
    const { claims, articles } = this.indexes();
    return claims.size === this.layout.claims.ids.length && articles.size === this.layout.articles.ids.length;
  }

  /** Where the claim or article with this id is in the layout (the last, should an id occur twice). */
  positionOf(key: keyof StoreFileLayout, id: string): number | undefined {
    return this.indexes()[key].get(id);
  }

  /** The entries with these ids (unknown ids left out), as `Store.getEntries`. */
  get(ids: readonly string[]): StoredEntries {
    const indexes = this.indexes();
    const claims: ClaimReview[] = [];
    const articles: Article[] = [];
    for (const id of new Set(ids)) {
      const claim = indexes.claims.get(id);
      if (claim !== undefined) claims.push(parseEntryAt(this.bytes, this.layout.claims, claim) as ClaimReview);
      const article = indexes.articles.get(id);
      if (article !== undefined) articles.push(parseEntryAt(this.bytes, this.layout.articles, article) as Article);
    }
    return { claims, articles };
  }

  /** Every claim, then every article, parsed a batch at a time (as `Store.scanEntries`): none is kept. */
  *batches(size: number): Generator<StoredEntries> {
    const { claims, articles } = this.layout;
    for (let start = 0; start < claims.ids.length; start += size) {
      yield { claims: this.parseSome<ClaimReview>(claims, start, start + size), articles: [] };
    }
    for (let start = 0; start < articles.ids.length; start += size) {
      yield { claims: [], articles: this.parseSome<Article>(articles, start, start + size) };
    }
  }

  /** Parses every entry, yielding to other work between slices; rejects if a range does not parse. */
  async parseAll(): Promise<{ claims: ClaimReview[]; articles: Article[] }> {
    return { claims: await this.parseRanges<ClaimReview>(this.layout.claims), articles: await this.parseRanges<Article>(this.layout.articles) };
  }

  private indexes(): { claims: Map<string, number>; articles: Map<string, number> } {
    this.#claimIndex ??= indexOfIds(this.layout.claims);
    this.#articleIndex ??= indexOfIds(this.layout.articles);
    return { claims: this.#claimIndex, articles: this.#articleIndex };
  }

  private async hashRanges(ranges: EntryRanges): Promise<{ ids: string[]; hashes: string[] }> {
    const hashes: string[] = [];
    const slices = new TimeSlices();
    for (let index = 0; index < ranges.ids.length; index++) {
      const entry = this.bytes.subarray(ranges.starts[index], ranges.ends[index]);
      // 96 bits: a collision between two versions of one entry is not a practical concern.
      hashes.push(hash('sha1', entry, 'base64url').slice(0, ENTRY_HASH_CHARS));
      if (index % CHECK_EVERY === CHECK_EVERY - 1) await slices.giveWay();
    }
    return { ids: ranges.ids, hashes };
  }

  private parseSome<T>(ranges: EntryRanges, start: number, end: number): T[] {
    const entries: T[] = [];
    for (let index = start; index < Math.min(end, ranges.ids.length); index++) entries.push(parseEntryAt(this.bytes, ranges, index) as T);
    return entries;
  }

  private async parseRanges<T>(ranges: EntryRanges): Promise<T[]> {
    const entries: T[] = [];
    const slices = new TimeSlices();
    for (let index = 0; index < ranges.ids.length; index++) {
      entries.push(parseEntryAt(this.bytes, ranges, index) as T);
      if (index % CHECK_EVERY === CHECK_EVERY - 1) await slices.giveWay();
    }
    return entries;
  }
}

/** Position of each id; the last wins, as it would in the parsed array's id map. */
function indexOfIds(ranges: EntryRanges): Map<string, number> {
  const index = new Map<string, number>();
  ranges.ids.forEach((id, position) => index.set(id, position));
  return index;
}
