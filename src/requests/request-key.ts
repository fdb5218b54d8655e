import { createHash } from 'node:crypto';
import { canonicalizeUrl, looksLikeUrl } from '../links/canonicalize-url.js';
import { extractLinks } from '../links/extract-links.js';
import { foldText } from '../ingest/fold-text.js';

/** What makes two asks "the same request": the link when the text is one, else the folded text. */
export interface RequestIdentity {
  id: string;
  key: string;
  /** The links in the text, canonical, for matching fact-checks by URL. */
  links: string[];
}

export function requestIdentity(text: string): RequestIdentity {
  const links = extractLinks(text).flatMap((link) => {
    const canonical = canonicalizeUrl(link);
    return canonical ? [canonical] : [];
  });
  const key = (looksLikeUrl(text) ? canonicalizeUrl(text) : undefined) ?? foldText(text);
  return { id: `req-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`, key: key || text.trim(), links: [...new Set(links)] };
}
