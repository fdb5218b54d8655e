import { getDomainWithoutSuffix } from 'tldts';
import { canonicalizeUrl } from './canonicalize-url.js';

/** Path words that name the site's structure or the file type, never what the page says. */
const PATH_NOISE = new Set([
  'amp',
  'article',
  'articles',
  'asp',
  'aspx',
  'blog',
  'blogs',
  'cms',
  'content',
  'default',
  'en',
  'htm',
  'html',
  'i',
  'index',
  'jsp',
  'news',
  'php',
  'photo',
  'photos',
  'post',
  'posts',
  'shtml',
  'status',
  'stories',
  'story',
  'videos',
  'watch',
  'web',
  'www',
]);
/** Month abbreviations in dated paths (`/2020/apr/21/`); "may" is left alone, it is also a word. */
const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const SEPARATORS = /[-_./+~,:;=!\s]+/;

/**
 * The words of a link's path, for a text search when no entry has the link itself:
 * `https://example.com/news/2021/11/russia-china-military-alliance-12345.html` gives
 * "russia china military alliance". Numbers, dates, ids, file extensions and structural words
 * are dropped; '' when nothing useful is left (or the input is not a link).
 */
export function urlPathWords(canonicalUrl: string): string {
  const canonical = canonicalizeUrl(canonicalUrl);
  if (!canonical) return '';
  return decodePath(new URL(canonical).pathname)
    .split(SEPARATORS)
    .map((word) => word.toLowerCase())
    .filter(isMeaningfulWord)
    .join(' ');
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function isMeaningfulWord(word: string): boolean {
  if ([...word].length < 2 || PATH_NOISE.has(word) || MONTH_ABBREVIATIONS.has(word)) return false;
  // Ids mix letters with several digits (`idusn2bt1xr`, `n252966`); "covid19" or "5g" stay.
  const digits = word.replace(/\D/g, '').length;
  return digits === 0 || (digits <= 2 && digits < word.length);
}

/**
 * Words to search for when a link matches no entry: its path words, or, for a bare site
 * (`amazon.com`), the site's own name, which is what a claim about it would mention.
 */
export function urlSearchWords(canonicalUrl: string): string {
  const pathWords = urlPathWords(canonicalUrl);
  if (pathWords) return pathWords;
  const canonical = canonicalizeUrl(canonicalUrl);
  if (!canonical) return '';
  const siteName = getDomainWithoutSuffix(new URL(canonical).hostname) ?? '';
  return siteName.split(/[-.]+/).filter((word) => word.length > 1).join(' ');
}
