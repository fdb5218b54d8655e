import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';
import { ENTRY_INDENT, type EntryRanges, type StoreFileLayout } from './store-file-layout.js';
import type { UpsertResult } from './store.js';

/** An entry as `serializeStoreData` writes it in a top-level array: its lines indented by four more spaces. */
export function entryText(entry: ClaimReview | Article): string {
  // JSON escapes newlines inside strings, so every newline here is between lines of the layout.
  const indent = ' '.repeat(ENTRY_INDENT);
  return `${indent}${JSON.stringify(entry, null, 2).replaceAll('\n', `\n${indent}`)}`;
}

/**
 * A store file's bytes with validated entries upserted, as `withUpserted` would (replaced in
 * place by id, new ones appended), without parsing the entries already there: they are copied
 * byte for byte, and only the incoming ones are encoded. Byte for byte what serializing the
 * upserted data would give. The layout's ids must be unique, and so must the incoming ones.
 */
export function withUpsertedEntryBytes(
  bytes: Buffer,
  layout: StoreFileLayout,
  incoming: { claims: readonly ClaimReview[]; articles: readonly Article[] },
): { bytes: Buffer; result: UpsertResult } {
  const claims = upsertedBody(bytes, layout.claims, incoming.claims);
  const articles = upsertedBody(bytes, layout.articles, incoming.articles);
  const bodies = [
    { at: layout.claims.body, chunks: claims.chunks },
    { at: layout.articles.body, chunks: articles.chunks },
  ].sort((a, b) => a.at.start - b.at.start);
  const chunks: Buffer[] = [];
  let position = 0;
  for (const { at, chunks: body } of bodies) {
    chunks.push(bytes.subarray(position, at.start), ...body);
    position = at.end;
  }
  chunks.push(bytes.subarray(position));
  return {
    bytes: Buffer.concat(chunks),
    result: { added: claims.added + articles.added, updated: claims.updated + articles.updated },
  };
}

/** The text between one array's brackets after the upsert, as chunks: unchanged runs of entries are copied whole. */
function upsertedBody(bytes: Buffer, ranges: EntryRanges, incoming: readonly (ClaimReview | Article)[]) {
  if (incoming.length === 0) return { chunks: [bytes.subarray(ranges.body.start, ranges.body.end)], added: 0, updated: 0 };
  const positionOf = new Map(ranges.ids.map((id, position) => [id, position] as const));
  const replaced = new Map<number, string>();
  const appended: string[] = [];
  for (const entry of incoming) {
    const position = positionOf.get(entry.id);
    if (position === undefined) appended.push(entryText(entry));
    else replaced.set(position, entryText(entry));
  }
  const chunks: Buffer[] = [Buffer.from('\n')];
  const separated = (chunk: Buffer) => {
    if (chunks.length > 1) chunks.push(SEPARATOR);
    chunks.push(chunk);
  };
  const count = ranges.ids.length;
  let runStart = 0;
  for (let position = 0; position <= count; position++) {
    if (position < count && !replaced.has(position)) continue;
    // A run of unchanged entries, their separators included, from the indent of its first one.
    if (runStart < position) separated(bytes.subarray(ranges.starts[runStart]! - ENTRY_INDENT, ranges.ends[position - 1]!));
    if (position < count) separated(Buffer.from(replaced.get(position)!));
    runStart = position + 1;
  }
  for (const text of appended) separated(Buffer.from(text));
  chunks.push(Buffer.from('\n  '));
  return { chunks, added: appended.length, updated: replaced.size };
}

const SEPARATOR = Buffer.from(',\n');
