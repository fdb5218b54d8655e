import { concatInSlices } from '../fs/concat-in-slices.js';
import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import { ENTRY_INDENT, type EntryRanges, type StoreFileLayout } from './store-file-layout.js';
import type { UpsertResult } from './store.js';

/**
 * Store files assembled from bytes already laid out (see `findStoreFileLayout`): entries are
 * copied, never parsed or encoded again, and the new file's layout is worked out as it is put
 * together rather than by scanning 100 MB again. Each result is byte for byte what serializing
 * the whole data would give, since an entry's text does not depend on where in the file it sits.
 */

/** Where each id is in the layout, found without a pass over every id (see `UnparsedEntries`). */
export interface PositionsById {
  positionOf(key: keyof StoreFileLayout, id: string): number | undefined;
}

/** A file's bytes with the layout of its claims and articles. */
export interface LaidOutBytes {
  bytes: Buffer;
  layout: StoreFileLayout;
}

/** The text between an array's brackets, as chunks, with its entries' ranges counted from the text's start. */
interface Body {
  chunks: Buffer[];
  length: number;
  ranges: Omit<EntryRanges, 'body'>;
}

type Entry = ClaimReview | Article;

/** An entry as `serializeStoreData` writes it in a top-level array: its lines indented by four more spaces. */
export function entryText(entry: Entry): string {
  const indent = ' '.repeat(ENTRY_INDENT);
  // JSON escapes newlines inside strings, so every newline here is between lines of the layout.
  return `${indent}${JSON.stringify(entry, null, 2).replaceAll('\n', `\n${indent}`)}`;
}

/** `frame` (a store file with empty claims and articles: the data around them) with the entries of `source` put back. */
export function withEntriesOf(frame: LaidOutBytes, source: LaidOutBytes): Promise<LaidOutBytes> {
  return assemble(frame, { claims: bodyAsIs(source, 'claims'), articles: bodyAsIs(source, 'articles') });
}

/**
 * `file` with validated entries upserted, as `withUpserted` would: replaced in place by id, new
 * ones appended. Only the incoming entries are encoded. The file's ids must be unique (see
 * `UnparsedEntries.idsUnique`), and so must the incoming ones (`validateEntries` makes them so).
 */
export async function withUpsertedEntries(
  file: LaidOutBytes & PositionsById,
  incoming: { claims: readonly ClaimReview[]; articles: readonly Article[] },
): Promise<LaidOutBytes & { result: UpsertResult }> {
  const claims = upsertedBody(file, 'claims', incoming.claims);
  const articles = upsertedBody(file, 'articles', incoming.articles);
  return {
    ...(await assemble(file, { claims: claims.body, articles: articles.body })),
    result: { added: claims.added + articles.added, updated: claims.updated + articles.updated },
  };
}

function bodyAsIs({ bytes, layout }: LaidOutBytes, key: keyof StoreFileLayout): Body {
  const { body, ids, starts, ends } = layout[key];
  return {
    chunks: [bytes.subarray(body.start, body.end)],
    length: body.end - body.start,
    ranges: { ids, starts: starts.map((at) => at - body.start), ends: ends.map((at) => at - body.start) },
  };
}

function upsertedBody(file: LaidOutBytes & PositionsById, key: keyof StoreFileLayout, incoming: readonly Entry[]) {
  const { bytes, layout } = file;
  const ranges = layout[key];
  if (incoming.length === 0) return { body: bodyAsIs(file, key), added: 0, updated: 0 };
  const replaced = new Map<number, Entry>();
  const appended: Entry[] = [];
  for (const entry of incoming) {
    const position = file.positionOf(key, entry.id);
    if (position === undefined) appended.push(entry);
    else replaced.set(position, entry);
  }
  const body = new BodyBuilder();
  let runStart = 0;
  for (let position = 0; position <= ranges.ids.length; position++) {
    if (position < ranges.ids.length && !replaced.has(position)) continue;
    if (runStart < position) body.copyRun(bytes, ranges, runStart, position);
    if (position < ranges.ids.length) body.addEntry(replaced.get(position)!);
    runStart = position + 1;
  }
  for (const entry of appended) body.addEntry(entry);
  return { body: body.finish(), added: appended.length, updated: replaced.size };
}

const NEWLINE = Buffer.from('\n');
const SEPARATOR = Buffer.from(',\n');
/** Before an array's closing bracket, indented as the key that opened it. */
const BODY_END = Buffer.from('\n  ');

/** A non-empty array body, `\n` + entries joined by `,\n` + `\n  `, built from copied runs and new entries. */
class BodyBuilder {
  private readonly chunks: Buffer[] = [NEWLINE];
  private length = NEWLINE.length;
  private readonly ids: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Entries `from` to `to` (exclusive) of `ranges`, copied with the separators between them. */
  copyRun(bytes: Buffer, ranges: EntryRanges, from: number, to: number): void {
    this.separate();
    const runStart = ranges.starts[from]! - ENTRY_INDENT;
    const shift = this.length - runStart;
    for (let position = from; position < to; position++) {
      this.ids.push(ranges.ids[position]!);
      this.starts.push(ranges.starts[position]! + shift);
      this.ends.push(ranges.ends[position]! + shift);
    }
    this.push(bytes.subarray(runStart, ranges.ends[to - 1]));
  }

  addEntry(entry: Entry): void {
    this.separate();
    const text = Buffer.from(entryText(entry));
    this.ids.push(entry.id);
    this.starts.push(this.length + ENTRY_INDENT);
    this.ends.push(this.length + text.length);
    this.push(text);
  }

  finish(): Body {
    this.push(BODY_END);
    return { chunks: this.chunks, length: this.length, ranges: { ids: this.ids, starts: this.starts, ends: this.ends } };
  }

  private separate(): void {
    if (this.ids.length > 0) this.push(SEPARATOR);
  }

  private push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
}

/** `frame` with its claims' and articles' bodies replaced by these, and the layout of the result. */
async function assemble(frame: LaidOutBytes, bodies: Record<keyof StoreFileLayout, Body>): Promise<LaidOutBytes> {
  const order = (['claims', 'articles'] as const).slice().sort((a, b) => frame.layout[a].body.start - frame.layout[b].body.start);
  const chunks: Buffer[] = [];
  const layout = {} as StoreFileLayout;
  let from = 0;
  let length = 0;
  for (const key of order) {
    const at = frame.layout[key].body;
    const before = frame.bytes.subarray(from, at.start);
    chunks.push(before);
    length += before.length;
    const body = bodies[key];
    layout[key] = {
      ids: body.ranges.ids,
      starts: body.ranges.starts.map((position) => position + length),
      ends: body.ranges.ends.map((position) => position + length),
      body: { start: length, end: length + body.length },
    };
    chunks.push(...body.chunks);
    length += body.length;
    from = at.end;
  }
  chunks.push(frame.bytes.subarray(from));
  return { bytes: await concatInSlices(chunks), layout };
}
