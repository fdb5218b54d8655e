import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimVectors, textHash } from '../../src/semantic/claim-vectors.js';
import { EMBEDDING_SIZE } from '../../src/semantic/sentence-encoder.js';
import { ENCODER_ID, readVectorsFile, writeVectorsFile } from '../../src/semantic/vectors-file.js';
import { useTemporaryFolder } from '../helpers/temporary-folder.js';

function unitVector(seed: number): Float32Array {
  const vector = Float32Array.from({ length: EMBEDDING_SIZE }, (_, i) => Math.sin(seed * 31 + i));
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

describe('the claims’ vectors file', () => {
  const folder = useTemporaryFolder('factdesk-vectors-');

  it('gives back the vectors and text hashes it was written with', async () => {
    const vectors = new ClaimVectors();
    vectors.set('a', 'First claim', unitVector(1));
    vectors.set('b', 'Second claim', unitVector(2));
    const file = path.join(folder(), 'store.json.vectors');
    await writeVectorsFile(file, vectors.exportState());

    const { state, problem } = await readVectorsFile(file);
    expect(problem).toBeUndefined();
    const restored = new ClaimVectors();
    restored.restore(state!);
    expect(restored.has('a', 'First claim')).toBe(true);
    expect(restored.has('a', 'First claim, edited')).toBe(false);
    expect(restored.similarity(unitVector(2), 'b')).toBeCloseTo(vectors.similarity(unitVector(2), 'b')!, 10);
  });

  it('is absent without complaint, and refused with a reason when cut or written by another encoder', async () => {
    expect(await readVectorsFile(path.join(folder(), 'none.vectors'))).toEqual({});
    const vectors = new ClaimVectors();
    vectors.set('a', 'A claim', unitVector(3));
    const file = path.join(folder(), 'cut.vectors');
    await writeVectorsFile(file, vectors.exportState());
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 10));
    expect((await readVectorsFile(file)).problem).toMatch(/cut/);
    await writeFile(file, bytes.toString('latin1').replace(ENCODER_ID, 'another-model-9'), 'latin1');
    expect((await readVectorsFile(file)).problem).toMatch(/another-model-9/);
  });

  it('refuses a header whose ids, hashes or scales are not what they should be', async () => {
    const vectors = new ClaimVectors();
    vectors.set('a', 'A claim', unitVector(3));
    const file = path.join(folder(), 'edited.vectors');
    await writeVectorsFile(file, vectors.exportState());
    const bytes = await readFile(file);
    const newline = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
    for (const edit of [{ ids: [7] }, { textHashes: ['x'] }, { scales: [-1] }, { scales: [null] }, { ids: 'a' }]) {
      await writeFile(file, Buffer.concat([Buffer.from(JSON.stringify({ ...header, ...edit })), bytes.subarray(newline)]));
      expect((await readVectorsFile(file)).problem, JSON.stringify(edit)).toBe('unreadable header');
    }
    await writeFile(file, bytes);
    expect((await readVectorsFile(file)).problem).toBeUndefined();
  });
});

describe('textHash', () => {
  it('tells texts apart, the same text alike, and fits a number exactly', () => {
    expect(textHash('The bridge is pink')).toBe(textHash('The bridge is pink'));
    expect(textHash('The bridge is pink')).not.toBe(textHash('The bridge is pink.'));
    expect(Number.isSafeInteger(textHash('any text at all'))).toBe(true);
  });
});
