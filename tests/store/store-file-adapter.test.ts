import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultError } from '../../src/core/errors.js';
import { storeDataSchema, type StoreData } from '../../src/model/store-data.js';
import { serializeStoreData } from '../../src/store/store-data-codec.js';
import { StoreFileAdapter } from '../../src/store/store-file-adapter.js';
import { ValidatedMarker } from '../../src/store/validated-marker.js';
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

  describe('with a note of validated bytes', () => {
    const names = () => ({ file, seed: 'seed.json', description: `JSON file ${file}` });
    const noted = (record = true) => new StoreFileAdapter(file, names(), { record, minBytes: 0 });
    const withBrokenClaim = () => ({ ...storeDataSchema.parse({}), claims: [claim('ok'), invalidClaim('broken')] });

    it('notes what it wrote and reads it back unchanged', async () => {
      const data = storeDataSchema.parse(sampleData());
      await noted().write(data);
      expect(await new ValidatedMarker(file).matching(await readFile(file))).toBeDefined();
      expect(await noted().read()).toEqual(data);
    });

    it('leaves the entries of bytes it wrote unparsed, to be read by id, and parses the rest', async () => {
      const data = storeDataSchema.parse(sampleData());
      await noted().write(data);
      const { data: rest, unparsed } = await noted().open();
      expect(rest).toEqual({ ...data, claims: [], articles: [] });
      expect(unparsed?.get(['c2', 'a1'])).toEqual({ claims: [data.claims[1]], articles: data.articles });
      expect(await unparsed?.parseAll()).toEqual({ claims: data.claims, articles: data.articles });
    });

    it('writes data around entries kept as bytes exactly as it writes the whole data', async () => {
      const data = storeDataSchema.parse(sampleData());
      const entries = await noted().writeData(data);
      const rest = { ...data, claims: [], articles: [], feedback: [...data.feedback, { scope: 'slack:T1', query: 'q', resultId: 'c1', at: '2024-05-01T10:00:00Z' }] };
      const again = await noted().writeAround(rest, entries!);
      expect(await readFile(file, 'utf8')).toBe(serializeStoreData({ ...rest, claims: data.claims, articles: data.articles }));
      expect(again?.get(['c1']).claims).toEqual([data.claims[0]]);
      await expect(noted().writeAround(data, entries!)).rejects.toThrow(/without claims and articles/);
    });

    it('validates bytes it did not note in full, serving their entries as bytes only when exactly what validation returns', async () => {
      const data = storeDataSchema.parse(sampleData());
      await writeFile(file, serializeStoreData(data));
      const exact = await noted(false).open();
      expect(exact.data.claims).toEqual([]);
      expect(await exact.unparsed?.parseAll()).toEqual({ claims: data.claims, articles: data.articles });
      // Defaults missing: the entries must come from validation, which fills them in.
      const lacking = { ...data, claims: data.claims.map(({ tags: _tags, ...rest }) => rest) };
      await writeFile(file, `${JSON.stringify(lacking, null, 2)}\n`);
      const filledIn = await noted(false).open();
      expect(filledIn.unparsed).toBeUndefined();
      expect(filledIn.data.claims).toEqual(data.claims);
    });

    it('does not validate bytes noted as validated again', async () => {
      // Only factdesk writes such a note; forging one for broken bytes shows that they are trusted.
      await writeFile(file, JSON.stringify(withBrokenClaim()));
      await new ValidatedMarker(file).record(await readFile(file));
      expect((await noted().read()).claims.map((item) => item.id)).toEqual(['ok', 'broken']);
    });

    it('validates a file edited since the note in full, rejects it as usual and leaves it untouched', async () => {
      await noted().write(storeDataSchema.parse(sampleData()));
      const note = await readFile(`${file}.validated`);
      const edited = JSON.stringify(withBrokenClaim());
      await writeFile(file, edited);
      await expect(noted().read()).rejects.toThrow(/Store file .* is not valid: claims\[1\] \(id "broken"\).*The file was left unchanged\.$/);
      expect(await readFile(file, 'utf8')).toBe(edited);
      expect(await readFile(`${file}.validated`)).toEqual(note);
    });

    it('notes bytes it validated on reading only when they read back exactly as validated', async () => {
      // Defaults missing: validation fills them in, so these bytes must be validated every time.
      await writeFile(file, JSON.stringify({ claims: [{ ...claim('c1'), language: undefined, tags: undefined }] }));
      expect((await noted().read()).claims[0]?.language).toBe('en');
      expect(await readdir(dir)).toEqual(['store.json']);
      await writeFile(file, serializeStoreData(storeDataSchema.parse(sampleData())));
      await noted().read();
      expect(await new ValidatedMarker(file).matching(await readFile(file))).toBeDefined();
    });

    it('only reads the note when opened read-only', async () => {
      await writeFile(file, serializeStoreData(storeDataSchema.parse(sampleData())));
      await noted(false).read();
      expect(await readdir(dir)).toEqual(['store.json']);
    });

    it('keeps no note for a file below the size that is worth it', async () => {
      const small = new StoreFileAdapter(file, names(), { record: true, minBytes: 1 << 20 });
      await small.write(storeDataSchema.parse(sampleData()));
      await small.read();
      expect(await readdir(dir)).toEqual(['store.json']);
    });
  });
});
