/** Wayback Machine snapshots: `/web/<timestamp>[flag_]/<original URL>`; flags like `id_`, `if_`, `im_`. */
const WAYBACK_HOSTS = new Set(['web.archive.org', 'wayback.archive.org', 'archive.org']);
const WAYBACK_PATH = /^\/web\/\d{1,14}(?:[a-z]{2}_)?\/(.+)$/;

/** archive.today and its mirrors, when the original URL is in the path (`/o/<id>/`, `/<date>/`, `/newest/`). */
const ARCHIVE_TODAY_HOSTS = new Set([
  'archive.ph',
  'archive.today',
  'archive.is',
  'archive.li',
  'archive.vn',
  'archive.fo',
  'archive.md',
]);
const ARCHIVE_TODAY_PATH = /^\/(?:o\/[a-z\d]+|\d{4}\.\d{2}\.\d{2}-\d{6}|\d{14}|newest|oldest)\/(.+)$/i;

/**
 * The original URL inside an archive snapshot URL, or undefined when `url` is not such a wrapper.
 * The result may lack a scheme (the Wayback Machine accepts `/web/2021/example.com/x`).
 */
export function archivedUrl(url: URL): string | undefined {
  const host = url.hostname.replace(/^www\./, '');
  const pattern = WAYBACK_HOSTS.has(host) ? WAYBACK_PATH : ARCHIVE_TODAY_HOSTS.has(host) ? ARCHIVE_TODAY_PATH : undefined;
  const inner = pattern?.exec(url.pathname)?.[1];
  if (!inner) return undefined;
  // The original URL's query string was parsed as the wrapper's own.
  return restoreSchemeSlashes(decodeIfEscaped(inner)) + url.search;
}

/** Some links carry the inner URL fully escaped: `/web/2021/https%3A%2F%2Fexample.com%2Fa`. */
function decodeIfEscaped(inner: string): string {
  if (!/^https?%3a/i.test(inner)) return inner;
  try {
    return decodeURIComponent(inner);
  } catch {
    return inner;
  }
}

/** Path clean-ups upstream sometimes collapse `https://` into `https:/`. */
function restoreSchemeSlashes(inner: string): string {
  return inner.replace(/^(https?):\/*/i, '$1://');
}
