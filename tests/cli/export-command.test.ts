import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDataSchema } from '../../src/model/store-data.js';
import { runCli } from '../helpers/run-cli.js';
import { SEED_PATH } from '../helpers/seed-core.js';

let dir: string;
let seedStore: string;
let emptySeed: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'factdesk-export-'));
  seedStore = path.join(dir, 'seed-store.json');
  emptySeed = path.join(dir, 'empty-seed.json');
  await copyFile(SEED_PATH, seedStore);
  await writeFile(emptySeed, '{"version": 1}\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const cli = (args: string[], store: string, input?: string) => runCli(args, { env: { FACTDESK_STORE: store, FACTDESK_SEED: emptySeed }, input });
/** A store file's entries, with schema defaults filled in (the seed file leaves them out). */
const entries = async (store: string) => {
  const data = storeDataSchema.parse(JSON.parse(await readFile(store, 'utf8')));
  return { claims: data.claims, articles: data.articles };
};

describe('factdesk export', () => {
  it('round-trips as JSONL: exported, then imported into an empty store, gives the same store', async () => {
    const exported = await cli(['export'], seedStore);
    expect(exported.code).toBe(0);
    const copy = path.join(dir, 'copy.json');
    const imported = await cli(['import', '-', '--format', 'jsonl'], copy, exported.stdout);
    expect(imported.code).toBe(0);
    expect(await entries(copy)).toEqual(await entries(seedStore));
  });

  it('round-trips the claims as ClaimReview JSON-LD written to a file, saying the articles were left out', async () => {
    const file = path.join(dir, 'export.json');
    const exported = await cli(['export', '--format', 'claimreview', '--output', file], seedStore);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe('');
    expect(exported.stderr).toMatch(/\d+ article\(s\) left out/);
    const copy = path.join(dir, 'copy-claimreview.json');
    expect((await cli(['import', file], copy)).code).toBe(0);
    expect((await entries(copy)).claims).toEqual((await entries(seedStore)).claims);
  });

  it('exits 2 on an unknown format', async () => {
    expect((await cli(['export', '--format', 'xml'], seedStore)).code).toBe(2);
  });
});
