import { canonicalizeUrl } from './canonicalize-url.js';

/** Slack `<target|label>` / `<target>` and Markdown `[label](target)`: the target is the link, the label is not. */
const SLACK_LINK = /<([^<>|\s]+)(?:\|[^<>]*)?>/g;
/**
 * A label holds brackets one level deep ("[see [1]](…)"); with any bracket allowed, a text of
 * 16,000 "[" took 0.17 s, each "[" scanning to the end.
 */
const MARKDOWN_LINK = /\[(?:[^[\]\n]|\[[^[\]\n]*\])*\]\(\s*([^\s()]+(?:\([^\s()]*\)[^\s()]*)*)\s*\)/g;
/** Characters that never appear raw inside a link in chat text (quotes, brackets, markup delimiters). */
const SCHEME_LINK = /https?:\/\/[^\s<>"'`|\\^{}[\]]+/gi;
/** Starts where a run of its characters starts: from every letter of a long word, the search took 0.16 s on 16,000. */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/**
 * `host.tld[:port][/path]` not glued to a word, `@`, `.`, `/` or `:` before it. The last label has
 * letters only, so "3.5" and "e.g." never start a match; the TLD check in canonicalizeUrl does the rest.
 */
const BARE_LINK =
  /(?<![\p{L}\p{N}_@./:-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(\p{L}{2,63})(?::\d{1,5})?(?:[/?#][^\s<>"'`|\\^{}[\]]*)?/gu;

const TRAILING_PUNCTUATION = new Set([...'.,;:!?\'"*…。，、！？']);
const CLOSING_TO_OPENING: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{', '>': '<' };

interface Found {
  at: number;
  link: string;
}

/**
 * The links in a chat message, in order of appearance, as written (trailing punctuation and
 * unbalanced closing brackets trimmed), one per canonical form. Finds http(s) links and bare
 * domain links (`bbc.co.uk/news/x`, `www.example.com`); e-mail addresses, "e.g.", "3.5" and
 * file names are not links. For `<url|label>` and `[label](url)` only the target counts.
 */
export function extractLinks(text: string): string[] {
  let rest = text;
  const found: Found[] = [];
  const take = (pattern: RegExp, group: number, keep: boolean): void => {
    rest = rest.replace(pattern, (match: string, ...groups: unknown[]) => {
      const at = groups.find((value): value is number => typeof value === 'number') ?? 0;
      const captured = group === 0 ? match : groups[group - 1];
      if (keep && typeof captured === 'string') found.push({ at, link: trimLinkEnd(captured) });
      // Blank out what was read, keeping offsets, so no later pattern reads it again.
      return ' '.repeat(match.length);
    });
  };
  take(SLACK_LINK, 1, true);
  take(MARKDOWN_LINK, 1, true);
  take(SCHEME_LINK, 0, true);
  take(EMAIL, 0, false);
  take(BARE_LINK, 0, true);

  const seen = new Set<string>();
  const links: string[] = [];
  for (const { link } of found.sort((a, b) => a.at - b.at)) {
    const canonical = isPlausibleBareTld(link) ? canonicalizeUrl(link) : undefined;
    if (!canonical || seen.has(canonical)) continue;
    seen.add(canonical);
    links.push(link);
  }
  return links;
}

/** Drops sentence punctuation and closing brackets that were not opened inside the link. */
function trimLinkEnd(link: string): string {
  let end = link.length;
  for (;;) {
    const last = link[end - 1] ?? '';
    const opening = CLOSING_TO_OPENING[last];
    const unbalanced = opening !== undefined && count(link.slice(0, end), opening) < count(link.slice(0, end), last);
    if (!TRAILING_PUNCTUATION.has(last) && !unbalanced) return link.slice(0, end);
    end -= 1;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * "so.Then" (a missing space after a full stop) is not a link: a bare domain's top-level domain is
 * written all lower-case or all upper-case.
 */
function isPlausibleBareTld(link: string): boolean {
  if (/^https?:/i.test(link)) return true;
  const tld = /^[^/?#:]*\.([^./?#:]+)/u.exec(link)?.[1] ?? '';
  return tld === tld.toLowerCase() || tld === tld.toUpperCase();
}
