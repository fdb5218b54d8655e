import { describe, expect, it } from 'vitest';
import { TextArena } from '../../src/search/text-arena.js';
import { joinedPieces } from '../../src/search/typed-arrays.js';

describe('TextArena', () => {
  it('gives back each slot its text, any script, and undefined where there is none', () => {
    const arena = new TextArena();
    arena.set(0, 'The Verrow bridge was closed');
    arena.set(2, 'Ḿøñdäÿ — 月曜日 is optional 🚲');
    arena.set(3, '');
    expect(arena.get(0)).toBe('The Verrow bridge was closed');
    expect(arena.get(1)).toBeUndefined();
    expect(arena.get(2)).toBe('Ḿøñdäÿ — 月曜日 is optional 🚲');
    expect(arena.get(3)).toBe('');
    expect(arena.get(99)).toBeUndefined();
  });

  it('grows past its first buffer and keeps every text intact', () => {
    const arena = new TextArena();
    const texts = Array.from({ length: 5000 }, (_, i) => `claim ${i} ${'é'.repeat(i % 40)}`);
    texts.forEach((text, slot) => arena.set(slot, text));
    expect(texts.every((text, slot) => arena.get(slot) === text)).toBe(true);
  });

  it('replaces, moves and truncates, and compacting loses none of the texts still referred to', () => {
    const arena = new TextArena();
    ['a0', 'b1', 'c2', 'd3'].forEach((text, slot) => arena.set(slot, text));
    arena.set(1, 'B1 replaced');
    arena.set(2, undefined);
    arena.move(3, 2);
    arena.truncate(3);
    expect([0, 1, 2, 3].map((slot) => arena.get(slot))).toEqual(['a0', 'B1 replaced', 'd3', undefined]);
    for (let i = 0; i < 10; i++) arena.set(0, `a0 rewritten ${i}`);
    arena.compactIfWasteful();
    expect([0, 1, 2, 3].map((slot) => arena.get(slot))).toEqual(['a0 rewritten 9', 'B1 replaced', 'd3', undefined]);
    arena.set(3, 'after');
    expect(arena.get(3)).toBe('after');
  });

  it('packs its texts into one buffer and reads them back from it, taking new texts after', () => {
    const arena = new TextArena();
    ['first', undefined, 'Ḿøñdäÿ 月曜日 🚲', ''].forEach((text, slot) => arena.set(slot, text));
    arena.set(0, 'first, replaced');
    const packed = arena.packed(4);
    expect(Array.from(packed.length)).toEqual([Buffer.byteLength('first, replaced'), -1, Buffer.byteLength('Ḿøñdäÿ 月曜日 🚲'), 0]);
    const restored = TextArena.fromPacked(packed);
    expect([0, 1, 2, 3].map((slot) => restored.get(slot))).toEqual(['first, replaced', undefined, 'Ḿøñdäÿ 月曜日 🚲', '']);
    restored.set(4, 'added later');
    restored.set(0, 'replaced again');
    expect([0, 2, 4].map((slot) => restored.get(slot))).toEqual(['replaced again', 'Ḿøñdäÿ 月曜日 🚲', 'added later']);
  });

  it('refuses packed texts that point outside their bytes', () => {
    const packed = new TextArena().packed(0);
    expect(() => TextArena.fromPacked({ bytes: packed.bytes, start: Int32Array.of(0), length: Int32Array.of(5) })).toThrow(/outside/);
  });

  it('packs views on its chunks, not a copy, that later changes leave as they were', () => {
    const arena = new TextArena();
    ['one', 'two', 'three'].forEach((text, slot) => arena.set(slot, text));
    const before = arena.packed(3);
    expect(before.bytes).toHaveLength(1);
    arena.set(1, 'second');
    arena.set(2, undefined);
    expect(Buffer.from(joinedPieces(before.bytes, Uint8Array)).toString()).toBe('onetwothree');
    const after = arena.packed(3);
    expect(Buffer.from(joinedPieces(after.bytes, Uint8Array)).toString()).toBe('onesecond');
    expect([0, 1, 2].map((slot) => TextArena.fromPacked(after).get(slot))).toEqual(['one', 'second', undefined]);
  });
});
