import { createHash } from 'node:crypto';
import { TimeSlices } from '../async/time-slices.js';
import type { ExportedLinkKeys } from '../links/link-index.js';
import type { EntryHashes } from '../store/store.js';
import { open } from 'node:fs/promises';
import { readFileHashed, type HashedFile } from '../fs/read-file-hashed.js';
import { writeAtomically } from '../fs/write-atomically.js';
import { FIELDS } from './fields.js';
import { SEARCH_CONFIG } from './config.js';
import type { SearchIndexState } from './search-index.js';
import type { Pieces } from './typed-arrays.js';
import type { SearchDocument } from './types.js';

/**
 * Bump whenever the snapshot layout or what the index derives from a document changes
 * (tokenisation, stemming, stopwords, fields): an older snapshot is then rebuilt, never misread.
 */
export const SNAPSHOT_FORMAT = 3;
const MAGIC = 'FDSNAP\n\0';

type ArrayKind = 'u8' | 'u16' | 'i32' | 'f32' | 'f64' | 'json';
interface Section {
  name: string;
  kind: ArrayKind;
  offset: number;
  bytes: number;
}
interface Header {
  format: number;
  fingerprint: string;
  bodySha1: string;
  sections: Section[];
  meta?: SnapshotMeta;
}

/** What the writer notes beside the index: what of the store it was built from. */
export interface SnapshotMeta {
  /** For a database store: the change token the index was built at. */
  changeToken?: string;
  /** For a store with a digest of its entries (`Store.entriesDigest`): that digest and each entry's hash. */
  entriesDigest?: string;
  entryHashes?: EntryHashes;
}

export interface SnapshotContents {
  state: SearchIndexState;
  meta: SnapshotMeta;
  /**
   * The link index's keys for the state's ids (`LinkIndex.exportKeys`), so a start need not read
   * every entry's links again. Absent from snapshots written before there were any.
   */
  links?: ExportedLinkKeys;
}

/** Contents as read from a file, with the fingerprint it was written for. */
export interface DecodedSnapshot extends SnapshotContents {
  fingerprint: string;
}

const TYPED = {
  u8: Uint8Array,
  u16: Uint16Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;

/**
 * What a snapshot must match to be used: the documents, in order, and everything that shapes the
 * index built from them (format, fields, search configuration). Any change means a rebuild.
 */
export function snapshotFingerprint(documents: Iterable<SearchDocument>): string {
  const hash = createHash('sha1');
  hash.update(JSON.stringify({ format: SNAPSHOT_FORMAT, fields: FIELDS, config: SEARCH_CONFIG }));
  for (const document of documents) {
    hash.update(`\u0001${document.id}\u0002${document.kind}\u0002${document.claim}\u0002${document.title ?? ''}\u0002${document.summary ?? ''}`);
  }
  return hash.digest('hex');
}

/**
 * What the snapshot of a store that other processes write must match: that store (by its
 * description: database and schema) and everything that shapes the index. Its entries are not
 * hashed: the snapshot notes the store's change token instead, and what changed since is read back.
 */
export function sharedStoreFingerprint(storeDescription: string): string {
  return createHash('sha1')
    .update(JSON.stringify({ format: SNAPSHOT_FORMAT, fields: FIELDS, config: SEARCH_CONFIG, store: storeDescription }))
    .digest('hex');
}

/**
 * What the snapshot of a store that knows a digest of its entries (the JSON file, see
 * `Store.entriesDigest`) must match: everything that shapes the index. Which entries it was built
 * from is in its meta (`entriesDigest`, `entryHashes`), so one built from other entries can be
 * brought up to date rather than rebuilt.
 */
export function storedEntriesFingerprint(): string {
  return createHash('sha1')
    .update(JSON.stringify({ format: SNAPSHOT_FORMAT, fields: FIELDS, config: SEARCH_CONFIG, store: 'entries digest' }))
    .digest('hex');
}

/** Bytes hashed between two checks of the time: about 3 ms here. */
const HASH_SLICE_BYTES = 4 << 20;

/**
 * The state as the chunks of one file: magic, header length, JSON header, then 8-byte-aligned
 * sections (views on the state's arrays, not copies). Encoding gives way to other work every few
 * milliseconds: at a million claims it took 1.5–2.3 s, mostly hashing 850 MB, in one piece.
 */
export async function encodeSnapshot({ state, meta, links }: SnapshotContents, fingerprint: string): Promise<Uint8Array[]> {
  const slices = new TimeSlices();
  const { index, typos } = state;
  // A section's data is one or more byte views, written one after the other (see `Pieces`).
  const parts: { name: string; kind: ArrayKind; data: Uint8Array[] }[] = [];
  const bytesOf = (array: ArrayBufferView) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const typed = (name: string, kind: Exclude<ArrayKind, 'json'>, array: Pieces<ArrayBufferView>) =>
    parts.push({ name, kind, data: Array.isArray(array) ? (array as readonly ArrayBufferView[]).map(bytesOf) : [bytesOf(array as ArrayBufferView)] });
  const json = async (name: string, value: unknown) => {
    parts.push({ name, kind: 'json', data: [Buffer.from(JSON.stringify(value))] });
    await slices.giveWay();
  };
  await json('ids', index.ids);
  await json('terms', index.terms);
  await json('typoSurfaces', typos.surfaces);
  await json('typoTerms', typos.terms);
  if (typos.grams) {
    await json('typoGramKeys', typos.grams.keys);
    typed('typoGramStart', 'i32', typos.grams.start);
    typed('typoGramIds', 'i32', typos.grams.ids);
  }
  typed('kinds', 'u8', index.kinds);
  typed('fieldLengths', 'f32', index.fieldLengths);
  typed('headlineEnds', 'u16', index.headlineEnds);
  typed('docStart', 'i32', index.docStart);
  typed('docLength', 'i32', index.docLength);
  typed('forward', 'i32', index.forward);
  typed('documentFrequency', 'i32', index.documentFrequency);
  typed('postingStart', 'i32', index.postings.start);
  typed('postingSlots', 'i32', index.postings.slots);
  typed('postingCounts', 'u8', index.postings.counts);
  typed('postingEscapes', 'i32', index.postings.escapes);
  if (index.bounds) {
    await json('boundsParameters', index.bounds.parameters);
    typed('boundsAverages', 'f64', index.bounds.averages);
    typed('boundsMaxTf', 'f64', index.bounds.maxTf);
  }
  if (index.texts) {
    for (const [field, texts] of [['claim', index.texts.claim], ['title', index.texts.title]] as const) {
      typed(`${field}TextBytes`, 'u8', texts.bytes);
      typed(`${field}TextStart`, 'i32', texts.start);
      typed(`${field}TextLength`, 'i32', texts.length);
    }
  }
  if (state.claimants) await json('claimants', state.claimants);
  if (links) {
    typed('linkKeyCounts', 'i32', links.counts);
    typed('linkKeys', 'f64', links.keys);
  }

  // The body is never assembled: its parts are hashed and written as they are, each padded to 8
  // bytes. At a million claims a body buffer would be another 800 MB held while writing.
  const sections: Section[] = [];
  const chunks: Uint8Array[] = [];
  const bodyHash = createHash('sha1');
  let offset = 0;
  for (const part of parts) {
    const bytes = part.data.reduce((sum, piece) => sum + piece.byteLength, 0);
    sections.push({ name: part.name, kind: part.kind, offset, bytes });
    const padding = new Uint8Array(align8(bytes) - bytes);
    for (const chunk of [...part.data, padding]) {
      for (let start = 0; start < chunk.byteLength; start += HASH_SLICE_BYTES) {
        bodyHash.update(chunk.subarray(start, start + HASH_SLICE_BYTES));
        await slices.giveWay();
      }
      chunks.push(chunk);
    }
    offset += bytes + padding.byteLength;
  }
  const header: Header = { format: SNAPSHOT_FORMAT, fingerprint, bodySha1: bodyHash.digest('hex'), sections, meta };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(align8(MAGIC.length + 4 + headerBytes.length));
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(prefix, MAGIC.length + 4);
  return [prefix, ...chunks];
}

/**
 * The state in a snapshot buffer and the writer's notes, or undefined when it is not one, is of
 * another format or fingerprint (when one is given), or is damaged (its body checksum differs).
 * Typed arrays are views on the buffer. `bodySha1` is the body's hash when the reader worked it
 * out (`readSnapshotFile`).
 */
export function decodeSnapshot(buffer: Buffer, fingerprint: string | undefined, bodySha1?: string): DecodedSnapshot | undefined {
  if (buffer.length < MAGIC.length + 4 || buffer.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const headerLength = buffer.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd > buffer.length) return undefined;
  let header: Header;
  try {
    header = JSON.parse(buffer.toString('utf8', MAGIC.length + 4, headerEnd)) as Header;
  } catch {
    return undefined;
  }
  if (header.format !== SNAPSHOT_FORMAT || typeof header.fingerprint !== 'string' || !Array.isArray(header.sections)) return undefined;
  if (fingerprint !== undefined && header.fingerprint !== fingerprint) return undefined;
  // Typed array views need their element alignment: copy only when the file's buffer lacks it.
  const bodyStart = align8(headerEnd);
  const body = (buffer.byteOffset + bodyStart) % 8 === 0 ? buffer.subarray(bodyStart) : Uint8Array.from(buffer.subarray(bodyStart));
  if ((bodySha1 ?? sha1(body)) !== header.bodySha1) return undefined;

  const byName = new Map(header.sections.map((section) => [section.name, section]));
  const read = <K extends ArrayKind>(name: string, kind: K) => {
    const section = byName.get(name);
    if (!section || section.kind !== kind || section.offset + section.bytes > body.byteLength) throw new Error(`snapshot section ${name}`);
    if (kind === 'json') return JSON.parse(Buffer.from(body.buffer as ArrayBuffer, body.byteOffset + section.offset, section.bytes).toString('utf8')) as unknown;
    const Type = TYPED[kind as Exclude<ArrayKind, 'json'>];
    return new Type(body.buffer as ArrayBuffer, body.byteOffset + section.offset, section.bytes / Type.BYTES_PER_ELEMENT);
  };
  const packedTexts = (field: string) => ({
    bytes: read(`${field}TextBytes`, 'u8') as Uint8Array,
    start: read(`${field}TextStart`, 'i32') as Int32Array,
    length: read(`${field}TextLength`, 'i32') as Int32Array,
  });
  try {
    const state: SearchIndexState = {
      index: {
        ids: read('ids', 'json') as (string | null)[],
        terms: read('terms', 'json') as string[],
        kinds: read('kinds', 'u8') as Uint8Array,
        fieldLengths: read('fieldLengths', 'f32') as Float32Array,
        headlineEnds: read('headlineEnds', 'u16') as Uint16Array,
        docStart: read('docStart', 'i32') as Int32Array,
        docLength: read('docLength', 'i32') as Int32Array,
        forward: read('forward', 'i32') as Int32Array,
        documentFrequency: read('documentFrequency', 'i32') as Int32Array,
        postings: {
          start: read('postingStart', 'i32') as Int32Array,
          slots: read('postingSlots', 'i32') as Int32Array,
          counts: read('postingCounts', 'u8') as Uint8Array,
          escapes: read('postingEscapes', 'i32') as Int32Array,
        },
        bounds: byName.has('boundsMaxTf')
          ? {
              parameters: read('boundsParameters', 'json') as string,
              averages: read('boundsAverages', 'f64') as Float64Array,
              maxTf: read('boundsMaxTf', 'f64') as Float64Array,
            }
          : undefined,
        texts: byName.has('claimTextBytes') ? { claim: packedTexts('claim'), title: packedTexts('title') } : undefined,
      },
      typos: {
        surfaces: read('typoSurfaces', 'json') as string[],
        terms: read('typoTerms', 'json') as string[],
        grams: {
          keys: read('typoGramKeys', 'json') as string[],
          start: read('typoGramStart', 'i32') as Int32Array,
          ids: read('typoGramIds', 'i32') as Int32Array,
        },
      },
      claimants: byName.has('claimants') ? (read('claimants', 'json') as (string | null)[]) : undefined,
    };
    const links = byName.has('linkKeys')
      ? { counts: read('linkKeyCounts', 'i32') as Int32Array, keys: read('linkKeys', 'f64') as Float64Array }
      : undefined;
    return { state, meta: header.meta ?? {}, links, fingerprint: header.fingerprint };
  } catch {
    return undefined;
  }
}

/** A snapshot file's bytes with the SHA-1 of its body, read but not yet decoded. */
export type SnapshotFile = HashedFile;

/**
 * Reads a snapshot file and hashes its body (off this thread when large, see `readFileHashed`),
 * without knowing yet what it must match: a start begins this before it opens the store, so both
 * files are read at once. Undefined when the file is missing or unreadable.
 */
export async function readSnapshotFile(file: string): Promise<SnapshotFile | undefined> {
  try {
    return await readFileHashed(file, { hashFrom: await bodyStartOf(file) });
  } catch {
    return undefined;
  }
}

/** Where the body of the snapshot in this file starts: after the magic, the header's length and the header. */
async function bodyStartOf(file: string): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const prefix = Buffer.alloc(MAGIC.length + 4);
    const { bytesRead } = await handle.read(prefix, 0, prefix.length, 0);
    // Not a snapshot: hash it all; the magic check in `decodeSnapshot` refuses it anyway.
    if (bytesRead < prefix.length) return 0;
    return align8(MAGIC.length + 4 + prefix.readUInt32LE(MAGIC.length));
  } finally {
    await handle.close();
  }
}

/**
 * The contents of a snapshot file read by `readSnapshotFile`, when it is whole and (given a
 * fingerprint) matches it.
 */
export function decodeSnapshotFile(file: SnapshotFile | undefined, fingerprint?: string): DecodedSnapshot | undefined {
  return file && decodeSnapshot(file.bytes, fingerprint, file.sha1);
}

/** Reads a snapshot file; undefined when it is missing, unreadable or does not match. */
export async function readSnapshot(file: string, fingerprint: string): Promise<SnapshotContents | undefined> {
  return decodeSnapshotFile(await readSnapshotFile(file), fingerprint);
}

/** Writes a snapshot atomically: a temporary file renamed over the old one, so a crash never leaves half a file. */
export async function writeSnapshot(file: string, contents: SnapshotContents, fingerprint: string): Promise<void> {
  await writeAtomically(file, await encodeSnapshot(contents, fingerprint));
}

function align8(offset: number): number {
  return (offset + 7) & ~7;
}

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}
