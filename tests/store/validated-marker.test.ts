import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidatedMarker } from '../../src/store/validated-marker.js';

describe('ValidatedMarker', () => {
  let dir: string;
  let marker: ValidatedMarker;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'factdesk-marker-'));
    marker = new ValidatedMarker(path.join(dir, 'store.json'));
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('matches nothing before anything was recorded', async () => {
    expect(await marker.matching(Buffer.from('{}'))).toBeUndefined();
  });

  it('matches exactly the bytes last recorded, beside the store file', async () => {
    await marker.record(Buffer.from('{"claims":[]}'));
    expect(await readdir(dir)).toEqual(['store.json.validated']);
    expect(await marker.matching(Buffer.from('{"claims":[]}'))).toBeDefined();
    expect(await marker.matching(Buffer.from('{"claims":[ ]}'))).toBeUndefined();
    await marker.record(Buffer.from('{"claims":[1]}'));
    expect(await marker.matching(Buffer.from('{"claims":[]}'))).toBeUndefined();
  });

  it('matches nothing once the note is damaged or was made under another schema', async () => {
    const bytes = Buffer.from('{"claims":[]}');
    await marker.record(bytes);
    const file = path.join(dir, 'store.json.validated');
    const note = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...note, schema: 'an older schema' }));
    expect(await marker.matching(bytes)).toBeUndefined();
    await writeFile(file, '{"sha1":');
    expect(await marker.matching(bytes)).toBeUndefined();
  });
});
