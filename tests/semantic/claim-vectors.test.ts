import { describe, expect, it } from 'vitest';
import { ClaimVectors } from '../../src/semantic/claim-vectors.js';
import { EMBEDDING_SIZE } from '../../src/semantic/sentence-encoder.js';

function unitVector(seed: number): Float32Array {
  const vector = Float32Array.from({ length: EMBEDDING_SIZE }, (_, i) => Math.sin(seed * 31 + i));
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);

describe('ClaimVectors', () => {
  it('gives cosines within 0.005 of the exact ones, from one byte a dimension', () => {
    const vectors = new ClaimVectors();
    vectors.set('a', 'text a', unitVector(1));
    vectors.set('b', 'text b', unitVector(2));
    expect(vectors.similarity(unitVector(1), 'a')).toBeCloseTo(1, 2);
    expect(Math.abs(vectors.similarity(unitVector(3), 'b')! - cosine(unitVector(3), unitVector(2)))).toBeLessThan(0.005);
    expect(vectors.similarity(unitVector(3), 'none')).toBeUndefined();
  });

  it('knows a claim by its text, and forgets it when deleted, reusing its place for another', () => {
    const vectors = new ClaimVectors();
    vectors.set('a', 'text a', unitVector(1));
    expect(vectors.has('a', 'text a')).toBe(true);
    expect(vectors.has('a', 'text a, edited')).toBe(false);
    vectors.delete('a');
    expect(vectors.size).toBe(0);
    expect(vectors.similarity(unitVector(1), 'a')).toBeUndefined();
    vectors.set('b', 'text b', unitVector(2));
    expect(vectors.similarity(unitVector(2), 'b')).toBeCloseTo(1, 2);
    expect(vectors.exportState().ids).toEqual(['b']);
  });

  it('tells where a claim’s vector is kept, a place that stays the claim’s until a place is freed', () => {
    const vectors = new ClaimVectors();
    vectors.set('a', 'text a', unitVector(1));
    const token = vectors.token;
    const place = vectors.placeOf('a');
    expect(vectors.similarityAt(unitVector(3), place)).toBe(vectors.similarity(unitVector(3), 'a'));
    expect(vectors.placeOf('none')).toBe(-1);
    vectors.set('b', 'text b', unitVector(2));
    vectors.set('a', 'text a, edited', unitVector(4));
    expect([vectors.token, vectors.placeOf('a')]).toEqual([token, place]);
    vectors.delete('a');
    expect(vectors.token).not.toBe(token);
    vectors.set('c', 'text c', unitVector(5));
    expect(vectors.placeOf('c')).toBe(place);
  });

  it('holds thousands of claims across its chunks, each with its own vector', () => {
    const vectors = new ClaimVectors();
    for (let i = 0; i < 2500; i++) vectors.set(`c${i}`, `text ${i}`, unitVector(i));
    expect(vectors.size).toBe(2500);
    for (const i of [0, 1023, 1024, 2499]) expect(vectors.similarity(unitVector(i), `c${i}`)).toBeCloseTo(1, 2);
    const copy = new ClaimVectors();
    copy.restore(vectors.exportState());
    expect(copy.has('c2048', 'text 2048')).toBe(true);
    expect(copy.similarity(unitVector(2048), 'c2048')).toBeCloseTo(1, 2);
  });

  it('saves and restores every vector exactly, whatever order its places are in', () => {
    const vectors = new ClaimVectors();
    for (let i = 0; i < 2500; i++) vectors.set(`c${i}`, `text ${i}`, unitVector(i));
    // Freed places are reused out of order, and a run of places crosses a chunk's end.
    for (const i of [5, 1020, 1023, 1024, 2000, 2001]) vectors.delete(`c${i}`);
    for (const i of [3000, 3001, 3002, 3003, 3004, 3005, 3006]) vectors.set(`c${i}`, `text ${i}`, unitVector(i));
    const state = vectors.exportState();
    const query = unitVector(42);

    const copy = new ClaimVectors();
    // Some claims already there, in other places: restoring overwrites them where they are.
    copy.set('c7', 'old text', unitVector(9));
    copy.set('c3003', 'old text', unitVector(9));
    copy.restore(state);
    expect(copy.size).toBe(vectors.size);
    for (const id of state.ids) expect(copy.similarity(query, id), id).toBe(vectors.similarity(query, id));
    expect(copy.has('c7', 'text 7')).toBe(true);
  });

  it('keeps an exported state and a restored copy apart from later changes (copy on write)', () => {
    const vectors = new ClaimVectors();
    for (let i = 0; i < 2100; i++) vectors.set(`c${i}`, `text ${i}`, unitVector(i));
    const state = vectors.exportState();
    const bytesOf = (pieces: readonly Int8Array[]) => Buffer.concat(pieces.map((piece) => Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength)));
    const saved = bytesOf(state.vectors);
    const copy = new ClaimVectors();
    copy.restore(state);
    // Both sides write into the chunks they share with the state.
    vectors.set('c5', 'text 5, edited', unitVector(99));
    copy.set('c1030', 'text 1030, edited', unitVector(98));
    expect(bytesOf(state.vectors).equals(saved)).toBe(true);
    expect(copy.similarity(unitVector(5), 'c5')).toBeCloseTo(1, 2);
    expect(vectors.similarity(unitVector(1030), 'c1030')).toBeCloseTo(1, 2);
    expect(vectors.similarity(unitVector(99), 'c5')).toBeCloseTo(1, 2);
    expect(copy.similarity(unitVector(98), 'c1030')).toBeCloseTo(1, 2);
  });
});
