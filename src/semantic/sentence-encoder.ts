import * as ort from 'onnxruntime-node';
import { readEncoderFiles } from './model-files.js';
import { SentencePieces } from './sentence-pieces.js';
import { buildEncoderGraph, MAX_PIECES } from './use-lite-graph.js';

/** Dimensions of an embedding. */
export const EMBEDDING_SIZE = 512;

export interface EncoderOptions {
  /** CPU threads of one run (default 1: a lookup must not take the other core from the bot). */
  threads?: number;
  /** int8 (default): about 0.7 ms a sentence; float32: the published model's exact vectors, about 2 ms. */
  precision?: 'int8' | 'float32';
}

/**
 * Embeds texts with the Universal Sentence Encoder lite (512 dimensions, unit length, so a dot
 * product is a cosine), run by ONNX Runtime on the CPU in int8: under a millisecond for a sentence
 * on one core, where TensorFlow.js's WASM backend took 44–52 ms. Texts are cut at 128 pieces, as
 * the model does, and embedded one at a time, so a text always gets the same vector (batching
 * gained little, and in int8 it would let a text's neighbours move its vector).
 */
export class SentenceEncoder {
  private constructor(
    private readonly pieces: SentencePieces,
    private readonly session: ort.InferenceSession,
  ) {}

  static async load(options: EncoderOptions = {}): Promise<SentenceEncoder> {
    const files = await readEncoderFiles();
    const session = await ort.InferenceSession.create(buildEncoderGraph(files.weights, options.precision), {
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      executionMode: 'sequential',
    });
    return new SentenceEncoder(new SentencePieces(files.vocabulary), session);
  }

  async embed(text: string): Promise<Float32Array> {
    const pieces = this.pieces.encode(text).slice(0, MAX_PIECES);
    // An empty text still gets one (masked) position: its embedding is then the tanh layer's bias.
    const width = Math.max(1, pieces.length);
    const ids = new Int32Array(width);
    ids.set(pieces);
    const mask = new Float32Array(width);
    mask.fill(1, 0, pieces.length);
    const outputs = await this.session.run({
      ids: new ort.Tensor('int32', ids, [1, width]),
      mask: new ort.Tensor('float32', mask, [1, width]),
    });
    return outputs.embedding!.data as Float32Array;
  }

  /** Embeddings of the texts, in their order. */
  async embedAll(texts: readonly string[]): Promise<Float32Array[]> {
    const embeddings: Float32Array[] = [];
    for (const text of texts) embeddings.push(await this.embed(text));
    return embeddings;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
