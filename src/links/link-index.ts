import { createHash } from 'node:crypto';
import { canonicalizeUrl } from './canonicalize-url.js';

export type LinkedKind = 'claim' | 'article';

export interface LinkedEntry {
  id: string;
  kind: LinkedKind;
}

/**
 * A canonical link as a 53-bit number (from its SHA-1): a number key costs a fraction of the link's
 * own string in a Map, which matters at a million entries. Two links share a key about once in
 * 2^53 comparisons; `find` may then answer entries of the other link, so callers that must be exact
 * check the entries' own links (LookupService does).
 */
function linkKey(canonicalUrl: string): number {
  const digest = createHash('sha1').update(canonicalUrl).digest();
  return digest.readUInt32BE(0) * 2 ** 21 + (digest.readUInt32BE(4) >>> 11);
}

/** Each entry's link keys, for a snapshot: `counts[i]` keys for the i-th id, one after the other. */
export interface ExportedLinkKeys {
  counts: Int32Array;
  keys: Float64Array;
}

/** A link index being restored from its keys (see `LinkIndex.restoring`). */
export interface LinkKeysRestore {
  links: LinkIndex;
  /** Restores the next `count` positions; true once every position is restored. */
  restore(count: number): boolean;
}

/**
 * Exact link lookup: which claims and articles mention a link, by its canonical form, so any
 * shared form of the link (tracking parameters, mobile host, archive snapshot...) finds them.
 * Most links belong to one entry and most entries have one link, so both maps hold a single
 * value directly and a list only when there are more.
 */
export class LinkIndex {
  private readonly entriesByKey = new Map<number, LinkedEntry | LinkedEntry[]>();
  private readonly keysById = new Map<string, number | number[]>();

  /** Number of distinct canonical links indexed. */
  get size(): number {
    return this.entriesByKey.size;
  }

  /**
   * A link index restored from `exportKeys`: the links of `ids[i]` (of kind `kindAt(i)`) are the
   * next `counts[i]` keys. No link is canonicalised or hashed again. The kind is asked by position,
   * not by id: a look-up by id cost half a second at a million entries.
   */
  static fromKeys(ids: readonly (string | null)[], kindAt: (position: number) => LinkedKind | undefined, exported: ExportedLinkKeys): LinkIndex {
    const restoring = LinkIndex.restoring(ids, kindAt, exported);
    restoring.restore(Infinity);
    return restoring.links;
  }

  /**
   * `fromKeys` a slice at a time: `restore(n)` adds the next n positions' keys and says whether
   * all are in. `links` answers only for the positions restored so far, and must not be changed
   * until all are (an entry restored later would come back with its old links).
   */
  static restoring(ids: readonly (string | null)[], kindAt: (position: number) => LinkedKind | undefined, exported: ExportedLinkKeys): LinkKeysRestore {
    const links = new LinkIndex();
    const { counts, keys } = exported;
    let position = 0;
    let next = 0;
    const restore = (count: number): boolean => {
      // Local counters in the loop, written back after it (a closure's variables are slower to update).
      let at = position;
      let key = next;
      const end = Math.min(ids.length, at + count);
      for (; at < end; at++) {
        const id = ids[at];
        const held = counts[at] ?? 0;
        const kind = held > 0 && id !== null && id !== undefined ? kindAt(at) : undefined;
        // Fresh and without repeats, so nothing to remove first; most entries have one link.
        if (kind !== undefined) links.insert(id!, kind, held === 1 ? keys[key]! : Array.from(keys.subarray(key, key + held)));
        key += held;
      }
      position = at;
      next = key;
      return at >= ids.length;
    };
    return { links, restore };
  }

  /** The keys of each of `ids` (none for an id without links), to be stored and given to `fromKeys`. */
  exportKeys(ids: readonly (string | null)[]): ExportedLinkKeys {
    const counts = new Int32Array(ids.length);
    const keys: number[] = [];
    ids.forEach((id, position) => {
      const held = id === null ? undefined : this.keysById.get(id);
      if (held === undefined) return;
      // Most entries have one link, held as a bare number: no array made for it.
      if (typeof held === 'number') {
        counts[position] = 1;
        keys.push(held);
      } else {
        counts[position] = held.length;
        for (const key of held) keys.push(key);
      }
    });
    return { counts, keys: Float64Array.from(keys) };
  }

  /** Sets the links of one entry, replacing any it had; links that are not valid URLs are skipped. */
  add(id: string, kind: LinkedKind, urls: readonly string[]): void {
    this.addKeys(id, kind, [...new Set(urls.map(canonicalizeUrl).filter((url): url is string => url !== undefined).map(linkKey))]);
  }

  private addKeys(id: string, kind: LinkedKind, keys: number[]): void {
    this.remove(id);
    if (keys.length > 0) this.insert(id, kind, keys.length === 1 ? keys[0]! : keys);
  }

  /** Indexes an id that holds no links yet under these keys (distinct). */
  private insert(id: string, kind: LinkedKind, keys: number | number[]): void {
    this.keysById.set(id, keys);
    const entry: LinkedEntry = { id, kind };
    for (const key of Array.isArray(keys) ? keys : [keys]) {
      const existing = this.entriesByKey.get(key);
      if (existing === undefined) this.entriesByKey.set(key, entry);
      else if (Array.isArray(existing)) existing.push(entry);
      else this.entriesByKey.set(key, [existing, entry]);
    }
  }

  remove(id: string): void {
    const keys = this.keysById.get(id);
    if (keys === undefined) return;
    this.keysById.delete(id);
    for (const key of Array.isArray(keys) ? keys : [keys]) {
      const existing = this.entriesByKey.get(key);
      if (existing === undefined) continue;
      const left = (Array.isArray(existing) ? existing : [existing]).filter((entry) => entry.id !== id);
      if (left.length === 0) this.entriesByKey.delete(key);
      else this.entriesByKey.set(key, left.length === 1 ? left[0]! : left);
    }
  }

  /** The entries that mention this link, in the order they were added; accepts any form of the link. */
  find(url: string): LinkedEntry[] {
    const canonical = canonicalizeUrl(url);
    const entries = canonical === undefined ? undefined : this.entriesByKey.get(linkKey(canonical));
    if (entries === undefined) return [];
    return (Array.isArray(entries) ? entries : [entries]).map((entry) => ({ ...entry }));
  }
}
