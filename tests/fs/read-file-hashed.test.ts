import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileHashed } from '../../src/fs/read-file-hashed.js';
import { useTemporaryFolder } from '../helpers/temporary-folder.js';

const sha1 = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

const folder = useTemporaryFolder('factdesk-read-hashed-');

describe('readFileHashed', () => {
  it('reads a small file and its SHA-1', async () => {
    const file = path.join(folder(), 'small');
    const bytes = randomBytes(1000);
    await writeFile(file, bytes);
    const read = await readFileHashed(file);
    expect(read.bytes.equals(bytes)).toBe(true);
    expect(read.sha1).toBe(sha1(bytes));
  });

  it('reads a large file in a worker thread, every byte and the same hash, from an offset when asked', async () => {
    const file = path.join(folder(), 'large');
    // Over the in-thread limit, and not a whole number of the worker's 1 MiB slices.
    const bytes = randomBytes((9 << 20) + 12345);
    await writeFile(file, bytes);
    const whole = await readFileHashed(file);
    expect(whole.bytes.equals(bytes)).toBe(true);
    expect(whole.sha1).toBe(sha1(bytes));
    const from = (1 << 20) + 7;
    const tail = await readFileHashed(file, { hashFrom: from });
    expect(tail.bytes.equals(bytes)).toBe(true);
    expect(tail.sha1).toBe(sha1(bytes.subarray(from)));
  });

  it('hashes nothing of a file shorter than the offset: the SHA-1 of no bytes', async () => {
    const file = path.join(folder(), 'short');
    await writeFile(file, 'abc');
    expect((await readFileHashed(file, { hashFrom: 10 })).sha1).toBe(sha1(new Uint8Array(0)));
  });

  it('rejects as readFile does, with its error code', async () => {
    await expect(readFileHashed(path.join(folder(), 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readFileHashed(folder())).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
