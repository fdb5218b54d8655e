import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeAtomically } from '../fs/write-atomically.js';
import type { ClaimVectorsState } from './claim-vectors.js';
import { EMBEDDING_SIZE } from './sentence-encoder.js';

/**
 * The claims' embeddings kept on disk beside the index snapshot, so a restart embeds only the
 * claims that are new or changed: a JSON header line (format, encoder, ids, text hashes, scales), then the
 * vectors' bytes end to end. It is derived data: a file that does not parse, or that another
 * encoder wrote, is ignored (and the claims embedded again).
 */
const MAGIC = 'factdesk-claim-vectors';
/** Changes whenever the encoder's vectors would (its graph, precision or text preparation). */
export const ENCODER_ID = 'use-lite-int8-3';

/**
 * An array whose every element passes `check`: one loop, where `z.array(z.string())` parsed each of
 * a hundred thousand ids on its own (40–120 ms of a restart's main thread, for three such arrays).
 */
const arrayOf = <T>(what: string, check: (value: unknown) => value is T) =>
  z.custom<T[]>((value) => Array.isArray(value) && value.every(check), { message: `expected an array of ${what}` });
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isPositive = (value: unknown): value is number => isNumber(value) && value > 0;

const headerSchema = z.object({
  format: z.literal(MAGIC),
  encoder: z.string(),
  size: z.literal(EMBEDDING_SIZE),
  ids: arrayOf('ids', isString),
  textHashes: arrayOf('numbers', isNumber),
  scales: arrayOf('positive numbers', isPositive),
});

export async function writeVectorsFile(file: string, state: ClaimVectorsState): Promise<void> {
  const header = JSON.stringify({ format: MAGIC, encoder: ENCODER_ID, size: EMBEDDING_SIZE, ids: state.ids, textHashes: state.textHashes, scales: state.scales });
  const pieces = state.vectors.map((piece) => new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength));
  await writeAtomically(file, [Buffer.from(`${header}\n`), ...pieces]);
}

/** The saved vectors, or undefined when there is no file or it cannot be used (the reason is returned for the log). */
export async function readVectorsFile(file: string): Promise<{ state?: ClaimVectorsState; problem?: string }> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { problem: (error as Error).message };
  }
  const newline = data.indexOf(10);
  if (newline < 0) return { problem: 'no header line' };
  let header: z.infer<typeof headerSchema>;
  try {
    header = headerSchema.parse(JSON.parse(data.subarray(0, newline).toString('utf8')));
  } catch {
    return { problem: 'unreadable header' };
  }
  if (header.encoder !== ENCODER_ID) return { problem: `written by encoder ${header.encoder}, not ${ENCODER_ID}` };
  const body = data.subarray(newline + 1);
  const count = header.ids.length;
  if (header.textHashes.length !== count || header.scales.length !== count || body.length !== count * EMBEDDING_SIZE) return { problem: 'sizes do not agree (a cut file?)' };
  return { state: { ids: header.ids, textHashes: header.textHashes, scales: header.scales, vectors: [new Int8Array(body.buffer, body.byteOffset, body.length)] } };
}
