import { sha1InSlices } from '../fs/sha1-in-slices.js';

/** How far an entry of a top-level array is indented: its range starts after that. */
export const ENTRY_INDENT = 4;

/** Where the claims or the articles lie in a store file: each entry's id and byte range, in file order. */
export interface EntryRanges {
  ids: string[];
  /** Where each entry's `{` is (after its indent). */
  starts: number[];
  ends: number[];
  /** The bytes between the array's brackets, which `textWithoutEntries` leaves out. */
  body: { start: number; end: number };
}

export interface StoreFileLayout {
  claims: EntryRanges;
  articles: EntryRanges;
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const CLOSE_BRACKET = 0x5d;
/** An entry of a top-level array, as `JSON.stringify(data, null, 2)` writes it: id first (the schemas' key order). */
const ENTRY_OPENING = Buffer.from('    {\n      "id": "');
/** Only an entry's own closing brace sits at exactly four spaces: its nested values are indented deeper. */
const ENTRY_CLOSING = Buffer.from('\n    }');
const ARRAY_CLOSING = Buffer.from('\n  ]');

/**
 * Finds each claim and article in a store file as factdesk writes it (`serializeStoreData`: JSON
 * indented by two spaces), without parsing it: a raw newline cannot occur inside a JSON string, so
 * indentation alone tells where each top-level entry begins and ends. Undefined for any other
 * layout (compact or hand-formatted JSON), which is then simply parsed whole.
 *
 * The ranges are only as good as the bytes: use them on bytes known to be valid (see
 * `ValidatedMarker`), where every range then parses to its entry.
 */
export function findStoreFileLayout(bytes: Buffer): StoreFileLayout | undefined {
  if (bytes[0] !== 0x7b || bytes[1] !== NEWLINE) return undefined;
  const claims = findEntries(bytes, 'claims');
  const articles = claims && findEntries(bytes, 'articles');
  return claims && articles ? { claims, articles } : undefined;
}

function findEntries(bytes: Buffer, key: string): EntryRanges | undefined {
  // A key at the top level is the only thing indented by exactly two spaces after a newline.
  const opening = Buffer.from(`\n  "${key}": [`);
  const at = bytes.indexOf(opening);
  if (at < 0) return undefined;
  const bodyStart = at + opening.length;
  const ranges: EntryRanges = { ids: [], starts: [], ends: [], body: { start: bodyStart, end: bodyStart } };
  if (bytes[bodyStart] === CLOSE_BRACKET) return ranges;
  if (bytes[bodyStart] !== NEWLINE) return undefined;
  let position = bodyStart + 1;
  for (;;) {
    if (!startsWith(bytes, position, ENTRY_OPENING)) return undefined;
    const id = readId(bytes, position + ENTRY_OPENING.length - 1);
    const closing = bytes.indexOf(ENTRY_CLOSING, position + ENTRY_OPENING.length);
    if (id === undefined || closing < 0) return undefined;
    const end = closing + ENTRY_CLOSING.length;
    ranges.ids.push(id);
    ranges.starts.push(position + ENTRY_INDENT);
    ranges.ends.push(end);
    if (bytes[end] === COMMA && bytes[end + 1] === NEWLINE) {
      position = end + 2;
      continue;
    }
    if (bytes.compare(ARRAY_CLOSING, 0, ARRAY_CLOSING.length, end, end + ARRAY_CLOSING.length) !== 0) return undefined;
    ranges.body.end = end + ARRAY_CLOSING.length - 1;
    return ranges;
  }
}

/**
 * Whether `bytes` holds `expected` at `position`. A loop here, not `Buffer.compare`: a call into
 * the runtime per entry cost more than the 20 bytes it compares (100,000 entries are read at a start).
 */
function startsWith(bytes: Buffer, position: number, expected: Buffer): boolean {
  if (position + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[position + i] !== expected[i]) return false;
  return true;
}

/** The JSON string starting at `quote` (the id's value); escapes are decoded by JSON.parse, plain ids sliced. */
function readId(bytes: Buffer, quote: number): string | undefined {
  // Ids are short: one pass here finds the closing quote and whether any escape or non-ASCII byte comes first.
  let closing = quote + 1;
  let plain = true;
  let ascii = true;
  for (; closing < bytes.length; closing++) {
    const byte = bytes[closing]!;
    if (byte === QUOTE) break;
    if (byte === BACKSLASH) {
      plain = false;
      break;
    }
    if (byte >= 0x80) ascii = false;
  }
  if (closing >= bytes.length) return undefined;
  if (plain) return bytes.toString(ascii ? 'latin1' : 'utf8', quote + 1, closing);
  // An escaped quote may end the slice early: the value runs to the end of its line, less the comma.
  const lineEnd = bytes.indexOf(NEWLINE, quote);
  const text = bytes.toString('utf8', quote, bytes[lineEnd - 1] === COMMA ? lineEnd - 1 : lineEnd);
  try {
    const id: unknown = JSON.parse(text);
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The entry at `index` of these ranges, parsed from its bytes alone. */
export function parseEntryAt(bytes: Buffer, ranges: EntryRanges, index: number): unknown {
  return JSON.parse(bytes.toString('utf8', ranges.starts[index], ranges.ends[index]));
}

/** The file's text with both arrays emptied: everything but the entries, small enough to parse at once. */
export function textWithoutEntries(bytes: Buffer, layout: StoreFileLayout): string {
  const [first, second] = [layout.claims.body, layout.articles.body].sort((a, b) => a.start - b.start) as [
    EntryRanges['body'],
    EntryRanges['body'],
  ];
  return bytes.toString('utf8', 0, first.start) + bytes.toString('utf8', first.end, second.start) + bytes.toString('utf8', second.end);
}

/**
 * A digest of the claims' and the articles' bytes: unchanged by writes that change anything else
 * (feedback, requests), so a snapshot of the text index built from these entries stays usable.
 */
export function entriesDigest(bytes: Buffer, layout: StoreFileLayout): Promise<string> {
  return sha1InSlices([
    bytes.subarray(layout.claims.body.start, layout.claims.body.end),
    ARRAY_SEPARATOR,
    bytes.subarray(layout.articles.body.start, layout.articles.body.end),
  ]);
}

/** Keeps "these claims, no articles" and "these as articles" from digesting alike. */
const ARRAY_SEPARATOR = Buffer.from([0]);
