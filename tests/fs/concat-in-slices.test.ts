import { describe, expect, it } from 'vitest';
import { concatInSlices } from '../../src/fs/concat-in-slices.js';

describe('concatInSlices', () => {
  it('joins the chunks in order, as Buffer.concat', async () => {
    const chunks = [Buffer.from('a'), Buffer.alloc(17 << 20, 3), Buffer.alloc(0), Buffer.from('z')];
    expect((await concatInSlices(chunks)).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('lets other work run while it copies many megabytes', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    await concatInSlices([Buffer.alloc(20 << 20)]);
    expect(ran).toBe(true);
  });
});
