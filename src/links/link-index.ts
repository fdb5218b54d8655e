import { canonicalizeUrl } from './canonicalize-url.js';

export type LinkedKind = 'claim' | 'article';

export interface LinkedEntry {
  id: string;
  kind: LinkedKind;
}

/**
 * Exact link lookup: which claims and articles mention a link, by its canonical form, so any
 * shared form of the link (tracking parameters, mobile host, archive snapshot...) finds them.
 */
export class LinkIndex {
  private readonly entriesByUrl = new Map<string, Map<string, LinkedKind>>();
  private readonly urlsById = new Map<string, Set<string>>();

  /** Number of distinct canonical links indexed. */
  get size(): number {
    return this.entriesByUrl.size;
  }

  /** Sets the links of one entry, replacing any it had; links that are not valid URLs are skipped. */
  add(id: string, kind: LinkedKind, urls: readonly string[]): void {
    this.remove(id);
    const canonicalUrls = new Set(urls.map(canonicalizeUrl).filter((url): url is string => url !== undefined));
    if (canonicalUrls.size === 0) return;
    this.urlsById.set(id, canonicalUrls);
    for (const url of canonicalUrls) {
      let entries = this.entriesByUrl.get(url);
      if (!entries) this.entriesByUrl.set(url, (entries = new Map()));
      entries.set(id, kind);
    }
  }

  remove(id: string): void {
    for (const url of this.urlsById.get(id) ?? []) {
      const entries = this.entriesByUrl.get(url);
      entries?.delete(id);
      if (entries?.size === 0) this.entriesByUrl.delete(url);
    }
    this.urlsById.delete(id);
  }

  /** The entries that mention this link, in the order they were added; accepts any form of the link. */
  find(url: string): LinkedEntry[] {
    const canonical = canonicalizeUrl(url);
    const entries = canonical === undefined ? undefined : this.entriesByUrl.get(canonical);
    return [...(entries ?? [])].map(([id, kind]) => ({ id, kind }));
  }
}
