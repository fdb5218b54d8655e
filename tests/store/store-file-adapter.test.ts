import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultError } from '../../src/core/errors.js';
import { storeDataSchema, type StoreData } from '../../src/model/store-data.js';
import { StoreFileAdapter } from '../../src/store/store-file-adapter.js';
import { claim, invalidClaim, sampleData } from './sample-data.js';

describe('StoreFileAdapter', () => {
  let dir: string;
  let file: string;
  let adapter: StoreFileAdapter;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'factdesk-adapter-'));
    file = path.join(dir, 'store.json');
    adapter = new StoreFileAdapter(file, { file, seed: 'seed.json', description: `JSON file ${file}` });
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('fails on a missing file rather than returning null, which lowdb would replace with its defaults', async () => {
    await expect(adapter.read()).rejects.toThrow(FaultError);
  });

  it('reads back what it wrote, with schema defaults filled in', async () => {
    const data = storeDataSchema.parse(sampleData());
    await adapter.write(data);
    expect(await adapter.read()).toEqual(data);
  });

  it('refuses to write data the schema rejects, even when handed it directly', async () => {
    await writeFile(file, 'previous bytes');
    const bad = { ...storeDataSchema.parse({}), claims: [claim('ok'), invalidClaim('broken')] } as StoreData;
    await expect(adapter.write(bad)).rejects.toThrow(/Refused to write to JSON file .*: claims\[1\] \(id "broken"\)/);
    expect(await readFile(file, 'utf8')).toBe('previous bytes');
    expect(await readdir(dir)).toEqual(['store.json']);
  });

  it('accepts a file that starts with a byte-order mark', async () => {
    await writeFile(file, `\uFEFF${JSON.stringify(sampleData())}`);
    expect((await adapter.read()).claims).toHaveLength(2);
  });
});
