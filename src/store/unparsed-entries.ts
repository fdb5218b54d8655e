import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import { parseEntryAt, type EntryRanges, type StoreFileLayout } from './store-file-layout.js';
import type { StoredEntries } from './store.js';

/** How long one slice of background parsing may hold the event loop. */
const SLICE_MS = 8;

/**
 * The claims and articles of validated store-file bytes, before they are parsed: any few of them
 * are parsed by id from their byte ranges at once (what a lookup needs), and all of them in the
 * background, in slices short enough that lookups keep being answered meanwhile. Parsing a
 * 100,000-claim file whole holds the event loop for over a second.
 */
export class UnparsedEntries {
  #claimIndex: Map<string, number> | undefined;
  #articleIndex: Map<string, number> | undefined;

  constructor(
    private readonly bytes: Buffer,
    private readonly layout: StoreFileLayout,
  ) {}

  get count(): number {
    return this.layout.claims.ids.length + this.layout.articles.ids.length;
  }

  /** The entries with these ids (unknown ids left out), as `Store.getEntries`. */
  get(ids: readonly string[]): StoredEntries {
    this.#claimIndex ??= indexOfIds(this.layout.claims);
    this.#articleIndex ??= indexOfIds(this.layout.articles);
    const claims: ClaimReview[] = [];
    const articles: Article[] = [];
    for (const id of new Set(ids)) {
      const claim = this.#claimIndex.get(id);
      if (claim !== undefined) claims.push(parseEntryAt(this.bytes, this.layout.claims, claim) as ClaimReview);
      const article = this.#articleIndex.get(id);
      if (article !== undefined) articles.push(parseEntryAt(this.bytes, this.layout.articles, article) as Article);
    }
    return { claims, articles };
  }

  /** Parses every entry, yielding to other work between slices; rejects if a range does not parse. */
  async parseAll(): Promise<{ claims: ClaimReview[]; articles: Article[] }> {
    return { claims: await this.parseRanges<ClaimReview>(this.layout.claims), articles: await this.parseRanges<Article>(this.layout.articles) };
  }

  private async parseRanges<T>(ranges: EntryRanges): Promise<T[]> {
    const entries: T[] = [];
    const total = ranges.ids.length;
    while (entries.length < total) {
      const sliceEnds = performance.now() + SLICE_MS;
      do entries.push(parseEntryAt(this.bytes, ranges, entries.length) as T);
      while (entries.length < total && (entries.length % 64 !== 0 || performance.now() < sliceEnds));
      if (entries.length < total) await new Promise<void>((resolve) => setImmediate(resolve));
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
