import { hasRegistrableDomain } from './hosts.js';

/** A canonicalisation step: rewrites one aspect of the URL in place. */
export type UrlRule = (url: URL) => void;

/** Host prefixes that serve the same page as the bare host (desktop, mobile and AMP editions). */
const EDITION_HOST_PREFIXES = ['www.', 'm.', 'mobile.', 'amp.'];

/** Hosts that are another name for the same site. */
const HOST_ALIASES: Readonly<Record<string, string>> = {
  'twitter.com': 'x.com',
  'fb.com': 'facebook.com',
  'web.facebook.com': 'facebook.com',
  'mbasic.facebook.com': 'facebook.com',
  'touch.facebook.com': 'facebook.com',
  'youtube-nocookie.com': 'youtube.com',
  'archive.today': 'archive.ph',
  'archive.is': 'archive.ph',
  'archive.li': 'archive.ph',
  'archive.vn': 'archive.ph',
  'archive.fo': 'archive.ph',
  'archive.md': 'archive.ph',
};

/** Parameters that only say who shared a link or which campaign it came from. */
const TRACKING_PARAMETERS = new Set([
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'dclid',
  'fbclid',
  'gbraid',
  'gclid',
  'igsh',
  'igshid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  'msclkid',
  'ref_src',
  'ref_url',
  'twclid',
  'wbraid',
  'yclid',
]);
const TRACKING_PARAMETER_PREFIX = /^utm_/i;

/** Old single-page links put the path after `#!`: `twitter.com/#!/user/status/1`. */
export const moveHashbangIntoPath: UrlRule = (url) => {
  if (!url.hash.startsWith('#!/')) return;
  const target = new URL(url.hash.slice(2), url.origin);
  url.pathname = target.pathname;
  url.search = target.search;
  url.hash = '';
};

/** `www.`, `m.`, `mobile.` and `amp.` editions of a site, unless what is left is a bare suffix (`amp.dev`). */
export const stripEditionHostPrefixes: UrlRule = (url) => {
  for (;;) {
    const prefix = EDITION_HOST_PREFIXES.find((candidate) => url.hostname.startsWith(candidate));
    const rest = prefix ? url.hostname.slice(prefix.length) : '';
    if (!prefix || !hasRegistrableDomain(rest)) return;
    url.hostname = rest;
  }
};

export const replaceHostAliases: UrlRule = (url) => {
  const alias = HOST_ALIASES[url.hostname];
  if (alias) url.hostname = alias;
};

/** AMP editions served under the same host: `/amp/story` and `/story/amp`. */
export const stripAmpPath: UrlRule = (url) => {
  url.pathname = url.pathname.replace(/^\/amp(?=\/)/i, '').replace(/\/amp\/?$/i, '/');
};

/** `?amp`, `amp=1`, `outputType=amp`. */
export const removeAmpParameters: UrlRule = (url) => {
  url.searchParams.delete('amp');
  if (url.searchParams.get('outputType')?.toLowerCase() === 'amp') url.searchParams.delete('outputType');
};

export const removeTrackingParameters: UrlRule = (url) => {
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMETERS.has(name.toLowerCase()) || TRACKING_PARAMETER_PREFIX.test(name)) url.searchParams.delete(name);
  }
};

/**
 * RFC 3986 normalisation of the path: upper-case escapes, and unreserved characters unescaped
 * (`%7E` is `~`). A stray `%` is escaped so the path stays unambiguous.
 */
export const normalizePathEscapes: UrlRule = (url) => {
  url.pathname = url.pathname
    .replace(/%(?![\da-f]{2})/gi, '%25')
    .replace(/%([\da-f]{2})/gi, (_escape, hex: string) => {
      const char = String.fromCharCode(Number.parseInt(hex, 16));
      return /[\w.~-]/.test(char) ? char : `%${hex.toUpperCase()}`;
    });
};

/**
 * Parameters sorted by name (values of one name keep their order), each escaped one way
 * (`a%20b` and `a+b` agree). A parameter without a value is written without `=`.
 */
export const sortQueryParameters: UrlRule = (url) => {
  const pairs = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = pairs.map(([name, value]) => (value === '' ? escapeForm(name) : `${escapeForm(name)}=${escapeForm(value)}`)).join('&');
};

function escapeForm(text: string): string {
  return new URLSearchParams([['', text]]).toString().slice(1);
}
