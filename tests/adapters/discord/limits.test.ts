import { describe, expect, it } from 'vitest';
import { clip, truncate } from '../../../src/adapters/discord/limits.js';

describe('truncate', () => {
  it('leaves short text alone and ends long text with an ellipsis within the limit', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('x'.repeat(300), 256);
    expect(cut).toHaveLength(256);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits a surrogate pair or leaves a dangling escape backslash', () => {
    expect(truncate('ab😀cdef', 4)).toBe('ab…');
    expect(truncate('abc\\*def', 5)).toBe('abc…');
    expect(truncate('ab\\\\cdef', 5)).toBe('ab\\\\…');
  });
});

describe('clip', () => {
  it('shortens at a word boundary, without an ellipsis, flattening whitespace', () => {
    expect(clip('one two  three\nfour', 100)).toBe('one two three four');
    expect(clip('alpha beta gamma delta', 16)).toBe('alpha beta gamma');
    expect(clip('x'.repeat(150), 100)).toHaveLength(100);
  });
});
