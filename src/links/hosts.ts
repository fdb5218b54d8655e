import { parse } from 'tldts';

/** Host names as the URL class leaves them: ASCII (punycode) labels, or an IP address. */
const HOSTNAME = /^(?:\[[\da-f:.]+\]|[a-z\d_](?:[a-z\d_-]*[a-z\d_])?(?:\.[a-z\d_](?:[a-z\d_-]*[a-z\d_])?)*\.?)$/;

/**
 * Top-level domains that are also common file extensions: `setup.py` or `notes.md` on its own is
 * far more often a file name than a link, so such a name needs a path or `www.` to count.
 */
const FILE_EXTENSION_TLDS = new Set(['cc', 'cs', 'gz', 'md', 'mk', 'mov', 'pl', 'pm', 'ps', 'py', 'rs', 'sh', 'so', 'zip']);

/** True for a syntactically valid host name or IP address (as the URL class serialises it). */
export function isValidHostname(hostname: string): boolean {
  return hostname.length > 0 && hostname.length <= 253 && HOSTNAME.test(hostname);
}

/** True when `hostname` is a name under a real public suffix: `bbc.co.uk`, not `co.uk`, `file.txt` or `3.5`. */
export function isRegistrableHostname(hostname: string): boolean {
  if (!isValidHostname(hostname)) return false;
  const info = parse(hostname, { extractHostname: false });
  return !info.isIp && info.domain !== null && (info.isIcann === true || info.isPrivate === true);
}

/** True when the host is `<something>.<suffix>` rather than a bare suffix such as `dev` or `co.uk`. */
export function hasRegistrableDomain(hostname: string): boolean {
  const info = parse(hostname, { extractHostname: false });
  return !info.isIp && Boolean(info.domain);
}

/** True when the host's top-level domain is also a common file extension (`py`, `md`, `zip`...). */
export function hasFileExtensionTld(hostname: string): boolean {
  const tld = hostname.replace(/\.$/, '').split('.').at(-1) ?? '';
  return FILE_EXTENSION_TLDS.has(tld);
}
