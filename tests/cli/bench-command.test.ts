import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// A made-up two-claim set in the bench format (../shared/bench's README), so these run without the real sets.
let setDir: string;
beforeAll(async () => {
  setDir = await mkdtemp(path.join(os.tmpdir(), 'factdesk-bench-set-'));
  const claims = [
    { id: '1', claim: 'Unemployment doubled during the last 4 years of the administration', title: 'Did unemployment double?', speaker: 'Ann Smith' },
    { id: '2', claim: 'The governor cut school funding by 300 million dollars', title: 'Were schools cut?', speaker: 'Bob Jones' },
  ];
  await writeFile(path.join(setDir, 'claims.jsonl'), claims.map((claim) => JSON.stringify(claim)).join('\n') + '\n');
  await writeFile(path.join(setDir, 'dev.queries.tsv'), 'q1\tdid unemployment double during the administration\n');
  await writeFile(path.join(setDir, 'dev.qrels'), 'q1\t0\t1\t1\n');
});
afterAll(() => rm(setDir, { recursive: true, force: true }));

describe('factdesk bench --scale', () => {
  it('measures factdesk without the sentence encoder when asked for factdesk-lexical', async () => {
    const run = await runCli(['bench', '--set', setDir, '--split', 'dev', '--scale', '40', '--engine', 'factdesk-lexical', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ engine: 'factdesk-lexical', claims: 40, store: 'memory' });
  });

  it('refuses the comparison engines, which it does not measure, with a clear message', async () => {
    const run = await runCli(['bench', '--set', setDir, '--split', 'dev', '--scale', '40', '--engine', 'bm25']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--scale measures factdesk only');
  });
});

describe('factdesk bench on a split with unjudged queries', () => {
  it("reads CheckThat!'s published query file and leaves out, and reports, the queries without a relevant claim", async () => {
    // As CheckThat! 2020 publishes its test tweets: a header row; its gold labels skip one repeated tweet.
    await writeFile(path.join(setDir, 'test.queries.tsv'), '\ttweet_content\nt1\t"The governor ""cut"" school funding"\nt2\tthe governor cut school funding again\n');
    await writeFile(path.join(setDir, 'test.qrels'), 't1\t0\t2\t1\n');
    const text = await runCli(['bench', '--set', setDir, '--split', 'test', '--engine', 'factdesk-lexical']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('1 queries (1 more left out: the qrels name no relevant claim for them)');
    expect(text.stdout).toContain('MAP@5 1.000');
    const json = await runCli(['bench', '--set', setDir, '--split', 'test', '--engine', 'factdesk-lexical', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ queries: 1, unjudged_queries: 1, 'map@5': 1 });
  });

  it('says which file is malformed', async () => {
    await writeFile(path.join(setDir, 'broken.queries.tsv'), 'q1 no tab here\n');
    await writeFile(path.join(setDir, 'broken.qrels'), 'q1\t0\t1\t1\n');
    const run = await runCli(['bench', '--set', setDir, '--split', 'broken', '--engine', 'factdesk-lexical']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`${setDir}: broken.queries.tsv row 1: expected "id<TAB>text"`);
    expect(run.stderr).not.toContain('unexpected failure');
  });
});
