/** A `<script type="application/ld+json">` block found in an HTML page. */
export interface JsonLdBlock {
  /** 1-based, in page order, for messages ("script 2"). */
  number: number;
  /** Line of the page where the block's JSON starts. */
  line: number;
  json: string;
}

const SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
const CANONICAL = /<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>/i;
const HREF = /\bhref\s*=\s*["']([^"']+)["']/i;
const OG_URL = /<meta\b[^>]*\bproperty\s*=\s*["']og:url["'][^>]*\bcontent\s*=\s*["']([^"']+)["']/i;

/** Every JSON-LD block of a page; publishers often have several (breadcrumbs, organisation, review). */
export function extractJsonLd(html: string): JsonLdBlock[] {
  const blocks: JsonLdBlock[] = [];
  for (const match of html.matchAll(SCRIPT)) {
    const start = (match.index ?? 0) + match[0].indexOf('>') + 1;
    blocks.push({
      number: blocks.length + 1,
      line: html.slice(0, start).split('\n').length,
      json: stripCdata(match[1] ?? ''),
    });
  }
  return blocks;
}

/** The page's own address (canonical link, else `og:url`): the review's URL when its markup gives none. */
export function pageUrl(html: string): string | undefined {
  const canonical = CANONICAL.exec(html)?.[0];
  const href = canonical ? HREF.exec(canonical)?.[1] : undefined;
  return decodeEntities(href ?? OG_URL.exec(html)?.[1]);
}

function stripCdata(text: string): string {
  return text.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>)\s*$/, '');
}

function decodeEntities(text: string | undefined): string | undefined {
  return text?.replace(/&amp;/g, '&').replace(/&#x2F;/gi, '/').replace(/&#47;/g, '/');
}
