import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { storeDataSchema } from '../../src/model/store-data.js';
import { serializeStoreData } from '../../src/store/store-data-codec.js';
import { runCli } from '../helpers/run-cli.js';
import { SEED_PATH } from '../helpers/seed-core.js';
import { claim } from '../store/sample-data.js';

let dir: string;
let storePath: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'factdesk-cli-'));
  storePath = path.join(dir, 'store.json');
  await copyFile(SEED_PATH, storePath);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const lookup = (args: string[], store = storePath) => runCli(['lookup', ...args], { env: { FACTDESK_STORE: store } });

describe('factdesk lookup', () => {
  it('prints the DESIGN.md JSON shape with the seed article first, and exits 0', async () => {
    const run = await lookup(['Russia and China de facto military alliance', '--json']);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer.query).toBe('Russia and China de facto military alliance');
    expect(Object.keys(answer.results[0]).sort()).toEqual(['context', 'date', 'id', 'kind', 'matchedBy', 'rating', 'score', 'source', 'title', 'verdict'].sort());
    expect(answer.results[0]).toMatchObject({
      id: 'article-ru-cn-alliance',
      kind: 'article',
      rating: 'Fact-checked',
      matchedBy: 'text',
      source: { name: expect.stringContaining('The National Interest') },
      context: expect.stringContaining('not yet committed'),
    });
    expect(answer.results[0].score).toBeGreaterThan(0);
    expect(answer.results[0].score).toBeLessThanOrEqual(1);
  });

  it('exits 0 with empty results when nothing matches: no match is an answer', async () => {
    const run = await lookup(['zxqv wplm gdfh', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results).toEqual([]);
  });

  it('honours --limit', async () => {
    const run = await lookup(['Lake Verrow', '--json', '--limit', '1']);
    const answer = JSON.parse(run.stdout);
    expect(answer.results.length + answer.suggestions.length).toBeLessThanOrEqual(1);
  });

  it('prints readable text without --json, with links in full', async () => {
    const run = await lookup(['rusia chna milatary aliance']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Russia and China have de facto concluded a military alliance.');
    expect(run.stdout).toContain('Misleading (headline overstates the source)');
    expect(run.stdout).not.toContain('"results"');
    const withLink = await lookup(['does vitabrisk tea reverse diabetes?']);
    expect(withLink.stdout).toContain('Link:   https://factdesk.example/checks/2026/vitabrisk-tea-diabetes\n');
  });

  it('ranks with the sentence encoder as the bot does, embedding the few claims itself, and writes nothing', async () => {
    const run = await lookup(['Russia and China are military allies now', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('words only');
    expect(existsSync(`${storePath}.vectors`)).toBe(false);
  });

  it('ranks by words alone, and says so, when too many claims have no sentence vector yet', async () => {
    // Fictional claims (sample data), more than a one-shot lookup embeds itself.
    const many = Array.from({ length: 1600 }, (_, i) => claim(`c${i}`, { claim: `Council item ${i} says grant number ${i} was approved` }));
    const manyPath = path.join(dir, 'many.json');
    await writeFile(manyPath, serializeStoreData(storeDataSchema.parse({ claims: many })));
    const run = await lookup(['grant number 7 approved', '--json'], manyPath);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Ranked by words only: 1600 claims have no sentence vector yet');
    expect(JSON.parse(run.stdout).query).toBe('grant number 7 approved');
  });

  // The tests run the CLI as a user would, but not with the developer's own factdesk settings.
  it('is run by the tests with only the settings they give, not the shell’s DATABASE_URL or FACTDESK_SEMANTIC', async () => {
    const exported = { DATABASE_URL: process.env.DATABASE_URL, FACTDESK_SEMANTIC: process.env.FACTDESK_SEMANTIC };
    process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:1/nowhere';
    process.env.FACTDESK_SEMANTIC = 'not-a-mode';
    try {
      const run = await lookup(['Russia and China de facto military alliance', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).results[0].id).toBe('article-ru-cn-alliance');
    } finally {
      for (const [name, value] of Object.entries(exported)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('exits 2 on bad usage', async () => {
    expect((await lookup([])).code).toBe(2);
    expect((await lookup(['claim', '--limit', 'many'])).code).toBe(2);
    expect((await lookup(['   '])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });

  it('exits 1 with a message naming the file when the store is unreadable, and leaves it untouched', async () => {
    const corrupt = path.join(dir, 'corrupt.json');
    await writeFile(corrupt, '{"claims": [ {"id": "x", ');
    const before = await readFile(corrupt);
    const run = await lookup(['anything'], corrupt);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('corrupt.json');
    expect(await readFile(corrupt)).toEqual(before);
    expect((await stat(corrupt)).size).toBe(before.length);
  });
});
