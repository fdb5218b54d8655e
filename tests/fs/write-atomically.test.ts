import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/fs/write-atomically.js';

describe('writeAtomically', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'factdesk-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('replaces a file with text or bytes, leaving no temporary file', async () => {
    const file = path.join(dir, 'store.json');
    await writeFile(file, 'old');
    await writeAtomically(file, 'new text');
    expect(await readFile(file, 'utf8')).toBe('new text');
    await writeAtomically(file, Buffer.from('new bytes'));
    expect(await readFile(file, 'utf8')).toBe('new bytes');
    expect(await readdir(dir)).toEqual(['store.json']);
  });

  it('writes chunks one after the other, in order', async () => {
    const file = path.join(dir, 'index');
    const chunks = [Buffer.from('head|'), new Uint8Array(3), Buffer.from('|tail'), Buffer.alloc(1 << 20, 7)];
    await writeAtomically(file, chunks);
    expect(await readFile(file)).toEqual(Buffer.concat(chunks));
  });

  it('leaves the old file and no temporary file when the new one cannot take its place', async () => {
    // A folder where the file should go: the temporary file is written, the rename fails.
    const target = path.join(dir, 'taken');
    await mkdir(target);
    await writeFile(path.join(target, 'inside'), 'kept');
    await expect(writeAtomically(target, 'text')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
    expect(await readFile(path.join(target, 'inside'), 'utf8')).toBe('kept');
  });
});
