import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEncoderFiles } from '../../src/semantic/model-files.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

const float32s = (...values: number[]) => Buffer.from(Float32Array.from(values).buffer);
const int32s = (...values: number[]) => Buffer.from(Int32Array.from(values).buffer);

describe('readEncoderFiles', () => {
  it('reads each float tensor from its group of shards, one lying across two shards, and skips shape constants', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'factdesk-encoder-files-'));
    folders.push(folder);
    // One group: a = [1, 2, 3], shape constant s = [7], b = 2×2 [4, 5, 6, 7], cut into two shards inside b.
    const group = Buffer.concat([float32s(1, 2, 3), int32s(7), float32s(4, 5, 6, 7)]);
    await writeFile(path.join(folder, 'shard1'), group.subarray(0, 24));
    await writeFile(path.join(folder, 'shard2'), group.subarray(24));
    const weights = [
      { name: 'a', shape: [3], dtype: 'float32' },
      { name: 's', shape: [1], dtype: 'int32' },
      { name: 'b', shape: [2, 2], dtype: 'float32' },
    ];
    await writeFile(path.join(folder, 'model.json'), JSON.stringify({ weightsManifest: [{ paths: ['shard1', 'shard2'], weights }] }));
    await writeFile(path.join(folder, 'vocab.json'), JSON.stringify([['▁the', -3.5], [':', null]]));

    const files = await readEncoderFiles(folder);
    expect([...files.weights.keys()]).toEqual(['a', 'b']);
    expect([...files.weights.get('a')!]).toEqual([1, 2, 3]);
    expect([...files.weights.get('b')!]).toEqual([4, 5, 6, 7]);
    // A null score reads as 0, as the encoder's own port has it.
    expect(files.vocabulary).toEqual([['▁the', -3.5], [':', 0]]);
  });

  it('refuses a manifest whose tensors run past their shards', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'factdesk-encoder-files-'));
    folders.push(folder);
    await writeFile(path.join(folder, 'shard1'), float32s(1, 2));
    await writeFile(path.join(folder, 'model.json'), JSON.stringify({ weightsManifest: [{ paths: ['shard1'], weights: [{ name: 'a', shape: [3], dtype: 'float32' }] }] }));
    await writeFile(path.join(folder, 'vocab.json'), '[]');
    await expect(readEncoderFiles(folder)).rejects.toThrow(/runs past its shards/);
  });
});
