import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { REPO_ROOT } from '../helpers/seed-core.js';
import { benchFile } from '../ingest/bench-data.js';

let dir: string;
let emptySeed: string;
let count = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'factdesk-import-'));
  emptySeed = path.join(dir, 'empty-seed.json');
  await writeFile(emptySeed, '{"version": 1, "claims": [], "articles": []}\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A fresh store path for each test: created from an empty seed on first write. */
const freshStore = () => path.join(dir, `store-${++count}.json`);
const importCli = (args: string[], store: string, input?: string) =>
  runCli(['import', ...args], { env: { FACTDESK_STORE: store, FACTDESK_SEED: emptySeed }, input });
const storedClaims = async (store: string) => (JSON.parse(await readFile(store, 'utf8')) as { claims: { id: string; claim: string }[] }).claims;
const fixture = (name: string) => path.join(REPO_ROOT, 'tests/ingest/fixtures', name);

describe('factdesk import', () => {
  it('imports the CSV template into a fresh store, prints a summary and exits 0', async () => {
    const store = freshStore();
    const run = await importCli([path.join(REPO_ROOT, 'data/import-template.csv')], store);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 records read');
    expect(run.stdout).toContain('Written: 2 added, 0 updated');
    expect(run.stdout).toMatch(/By verdict \(2 claims written\): false 2/);
    expect(run.stdout).toMatch(/By language: en 1 · es 1/);
    expect((await storedClaims(store)).map((claim) => claim.claim)).toEqual([
      'Drinking hot water every hour cures the flu.',
      'El agua caliente cura la gripe.',
    ]);
  });

  it('reads standard input for "-" and prints the summary as JSON with --json', async () => {
    const store = freshStore();
    const input = `${JSON.stringify({ claim: 'Stdin claim', rating: 'Faux', reviewer: 'Desk', language: 'fr' })}\n`;
    const run = await importCli(['-', '--format', 'jsonl', '--json'], store, input);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ file: 'stdin', format: 'jsonl', outcomes: { added: 1 }, byVerdict: { false: 1 }, byLanguage: { fr: 1 } });
  });

  it('exits 1 and writes nothing when one record is broken, naming its line and field', async () => {
    const store = freshStore();
    await importCli([path.join(REPO_ROOT, 'data/import-template.csv')], store);
    const before = await readFile(store, 'utf8');
    const run = await importCli([fixture('broken-middle.jsonl')], store);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('broken-middle.jsonl line 3 (id "broken-3"): reviewUrl: must be an http(s) URL');
    expect(run.stderr).toContain('Nothing was written');
    expect(await readFile(store, 'utf8')).toBe(before);
  });

  it('imports the others with --skip-invalid and says how many were skipped', async () => {
    const store = freshStore();
    const run = await importCli([fixture('broken-middle.jsonl'), '--skip-invalid'], store);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 invalid skipped');
    expect((await storedClaims(store)).map((claim) => claim.id)).toEqual(['ok-1', 'ok-2', 'ok-4', 'ok-5']);
  });

  it('writes nothing in a dry run, not even a new store file', async () => {
    const store = freshStore();
    const run = await importCli([fixture('claimreview-page.html'), '--dry-run'], store);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dry run, nothing was written. Would write: 1 added');
    await expect(stat(store)).rejects.toThrow(/ENOENT/);
  });

  it('exits 2 on bad usage and 1 on a file that does not exist', async () => {
    const store = freshStore();
    expect((await importCli([], store)).code).toBe(2);
    expect((await importCli([fixture('broken-middle.jsonl'), '--format', 'xml'], store)).code).toBe(2);
    const missing = await importCli([path.join(dir, 'nope.json')], store);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.json: no such file');
  });

  const politifact = benchFile('politifact/claims.jsonl');
  it.skipIf(politifact.skipReason !== undefined)('imports the 19,250 PolitiFact fact-checks as they are, with a truthful summary', async () => {
    const store = freshStore();
    const run = await importCli([politifact.file, '--json'], store);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { records: number; claimsWritten: number; outcomes: Record<string, number>; byVerdict: Record<string, number> };
    expect(summary.records).toBe(19_250);
    expect(Object.values(summary.outcomes).reduce((a, b) => a + b, 0)).toBe(19_250);
    expect(Object.values(summary.byVerdict).reduce((a, b) => a + b, 0)).toBe(summary.claimsWritten);
    expect(await storedClaims(store)).toHaveLength(summary.claimsWritten);
  });
});
