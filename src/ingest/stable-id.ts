import { createHash } from 'node:crypto';
import { canonicalizeUrl } from '../links/canonicalize-url.js';
import { foldText } from './fold-text.js';

/**
 * An id for a record whose source gives none, the same on every import of it: from the review's
 * canonical address (`politifact-com-3fa29c1e0b7d`), or from reviewer and claim text when it has
 * no address (`claim-91d0c2a7e4f3`).
 */
export function stableId(record: { reviewUrl?: string; reviewerName: string; claim: string }): string {
  if (record.reviewUrl) {
    const canonical = canonicalUrlKey(record.reviewUrl);
    const host = hostSlug(canonical);
    return `${host ?? 'review'}-${hash(canonical)}`;
  }
  return `claim-${hash(`${foldText(record.reviewerName)}\n${foldText(record.claim)}`)}`;
}

/** The form review addresses are compared in: canonical when the URL can be read, else as given. */
export function canonicalUrlKey(url: string): string {
  return canonicalizeUrl(url) ?? url.trim();
}

function hostSlug(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return host.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 40) || undefined;
  } catch {
    return undefined;
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
