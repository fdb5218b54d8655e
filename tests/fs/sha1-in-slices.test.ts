import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1InSlices } from '../../src/fs/sha1-in-slices.js';

describe('sha1InSlices', () => {
  it('hashes the parts one after the other, as one SHA-1 of their concatenation', async () => {
    const big = Buffer.alloc(9 << 20, 7);
    const parts = [Buffer.from('head'), big, Buffer.alloc(0), Buffer.from('tail')];
    expect(await sha1InSlices(parts)).toBe(createHash('sha1').update(Buffer.concat(parts)).digest('hex'));
  });

  it('lets other work run between the slices of a large part', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    await sha1InSlices([Buffer.alloc(9 << 20)]);
    expect(ran).toBe(true);
  });
});
