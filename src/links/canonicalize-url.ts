import normalizeUrl, { type Options as NormalizeOptions } from 'normalize-url';
import { archivedUrl } from './archive-wrappers.js';
import {
  moveHashbangIntoPath,
  normalizePathEscapes,
  removeAmpParameters,
  removeTrackingParameters,
  replaceHostAliases,
  sortQueryParameters,
  stripAmpPath,
  stripEditionHostPrefixes,
  type UrlRule,
} from './generic-rules.js';
import { hasFileExtensionTld, isRegistrableHostname, isValidHostname } from './hosts.js';
import {
  expandYouTubeShortLink,
  keepOnlyYouTubeVideoId,
  removeFacebookNoise,
  removeSpotifyShareId,
  useTikTokVideoPath,
  useXStatusId,
  useYouTubeWatchPath,
} from './site-rules.js';

const MAX_URL_LENGTH = 8192;
/** An archive of an archive is unwrapped this many times at most. */
const MAX_ARCHIVE_DEPTH = 3;

/** Order matters: host names settle first, site rules see settled hosts, the query is sorted last. */
const RULES: readonly UrlRule[] = [
  moveHashbangIntoPath,
  stripEditionHostPrefixes,
  replaceHostAliases,
  expandYouTubeShortLink,
  useYouTubeWatchPath,
  keepOnlyYouTubeVideoId,
  useXStatusId,
  useTikTokVideoPath,
  removeSpotifyShareId,
  removeFacebookNoise,
  stripAmpPath,
  removeTrackingParameters,
  removeAmpParameters,
  normalizePathEscapes,
  sortQueryParameters,
];

/** normalize-url does the generic rest: https, no credentials, no fragment, no trailing or double slash. */
const NORMALIZE_OPTIONS: NormalizeOptions = {
  defaultProtocol: 'https',
  forceHttps: true,
  stripAuthentication: true,
  stripHash: true,
  stripWWW: true,
  removeQueryParameters: false,
  sortQueryParameters: false,
  removeTrailingSlash: true,
  removeSingleSlash: true,
  removeDirectoryIndex: [/^index\.(?:html?|php|aspx?)$/i],
  removeExplicitPort: false,
};

/**
 * The canonical form of a web link, so that the shared forms of one page compare equal:
 * `https`, lower-case host without `www.`/`m.`/`amp.`, no tracking parameters, fragment or
 * trailing slash, sorted query, archive snapshots unwrapped, `twitter.com` as `x.com`,
 * `youtu.be/ID` as `youtube.com/watch?v=ID`. A scheme-less link (`example.com/story`) needs a
 * real top-level domain. Returns undefined for anything that is not one http(s) link; never throws.
 */
export function canonicalizeUrl(input: string): string | undefined {
  try {
    return canonicalize(input, 0);
  } catch {
    return undefined;
  }
}

/** True when the whole input is one link (surrounding spaces or `<>` allowed), not text containing one. */
export function looksLikeUrl(input: string): boolean {
  return canonicalizeUrl(input) !== undefined;
}

function canonicalize(input: string, depth: number): string | undefined {
  const url = parseLink(input);
  if (!url) return undefined;
  const original = depth < MAX_ARCHIVE_DEPTH ? archivedUrl(url) : undefined;
  const unwrapped = original === undefined ? undefined : canonicalize(original, depth + 1);
  if (unwrapped) return unwrapped;
  for (const rule of RULES) rule(url);
  return normalizeUrl(protectPathEscapes(url).href, NORMALIZE_OPTIONS);
}

function parseLink(input: string): URL | undefined {
  const text = stripAngleBrackets(input.trim());
  if (!text || text.length > MAX_URL_LENGTH || /\s/.test(text)) return undefined;
  if (/^https?:/i.test(text)) return parseHttpUrl(text);
  if (text.startsWith('//')) return parseHttpUrl(`https:${text}`);
  // `mailto:`, `javascript:`, `ftp:`... A dot means a host with a port instead: `example.com:8080/x`.
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(text)?.[1];
  if (scheme && !scheme.includes('.')) return undefined;
  const url = parseHttpUrl(`https://${text}`);
  return url && isBareDomainLink(url) ? url : undefined;
}

function stripAngleBrackets(text: string): string {
  return text.startsWith('<') && text.endsWith('>') ? text.slice(1, -1).trim() : text;
}

function parseHttpUrl(text: string): URL | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  const isHttp = url.protocol === 'https:' || url.protocol === 'http:';
  return isHttp && isValidHostname(url.hostname) ? url : undefined;
}

/**
 * Without a scheme, text is a link only under a real public suffix ("3.5", "U.S.", "file.txt" are
 * not), without credentials (an e-mail address is not), and a name like `setup.py` needs a path.
 */
function isBareDomainLink(url: URL): boolean {
  if (url.username || url.password || !isRegistrableHostname(url.hostname)) return false;
  const hasPath = url.pathname !== '/' || url.search !== '';
  return hasPath || url.hostname.startsWith('www.') || !hasFileExtensionTld(url.hostname);
}

/**
 * normalize-url runs `decodeURI` over the path, which would turn `%25` into a bare `%` and so change
 * the path's meaning. Escaping every `%` once more makes that decoding give back our path exactly.
 */
function protectPathEscapes(url: URL): URL {
  url.pathname = url.pathname.replaceAll('%', '%25');
  return url;
}
