import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBenchSet } from '../../src/bench/bench-set.js';
import { useTemporaryFolder } from '../helpers/temporary-folder.js';

const folder = useTemporaryFolder('factdesk-bench-set-');

// A set in the bench's format; its claims are fictional.
async function writeSet(claims: object[], queries = 'q1\tthe moon is cheese\n', qrels = 'q1 0 c1 1\n'): Promise<string> {
  const dir = path.join(folder(), 'example');
  await mkdir(dir);
  await writeFile(path.join(dir, 'claims.jsonl'), claims.map((claim) => JSON.stringify(claim)).join('\n'));
  await writeFile(path.join(dir, 'dev.queries.tsv'), queries);
  await writeFile(path.join(dir, 'dev.qrels'), qrels);
  return dir;
}

const ONE_CLAIM = [{ id: 'c1', claim: 'The moon is made of cheese.' }];

describe('loadBenchSet', () => {
  it('makes ordinary claim reviews, with the set rating read onto the canonical scale as an import reads it', async () => {
    const dir = await writeSet([
      { id: 1, claim: 'The moon is made of cheese.', verdict: 'pants-fire', speaker: 'A fictional senator', url: 'https://checks.example/1' },
      { id: 'c2', claim: 'Tides are caused by wind.', verdict: 'half-true' },
      { id: 'c3', claim: 'Rain is wet.' },
    ]);
    const set = await loadBenchSet(dir, 'dev');
    expect(set.name).toBe('example');
    expect(set.claims.map((claim) => [claim.id, claim.verdict, claim.rating])).toEqual([
      ['1', 'false', 'Pants on Fire'],
      ['c2', 'mixed', 'Half True'],
      ['c3', 'other', 'Not rated'],
    ]);
    expect(set.claims[0]).toMatchObject({ claimant: 'A fictional senator', reviewUrl: 'https://checks.example/1', reviewer: { name: 'example' } });
    expect(set.queries).toEqual([{ id: 'q1', text: 'the moon is cheese' }]);
    expect(set.qrels.get('q1')).toEqual(new Set(['c1']));
  });

  it("reads CheckThat!'s query files as published: a header row, and texts quoted as in CSV when they hold quote marks", async () => {
    // With a byte-order mark and Windows line ends too, as a file saved by a spreadsheet has them.
    const published = [
      '\uFEFF\ttweet_content',
      '1029\t"Asked who is the best guitarist, he said ""Ask Prince"".  — A Fan (@fan) April 21, 2016"',
      '1030\t"Fake news" says a poster, unquoted — B (@b) May 1, 2016',
      '1031\ta "quoted" word mid-text',
      '',
    ].join('\r\n');
    const dir = await writeSet(ONE_CLAIM, published, '1029 0 c1 1\r\n1030 0 c1 1\r\n1031 0 c1 1\r\n');
    const set = await loadBenchSet(dir, 'dev');
    expect(set.queries).toEqual([
      { id: '1029', text: 'Asked who is the best guitarist, he said "Ask Prince".  — A Fan (@fan) April 21, 2016' },
      { id: '1030', text: '"Fake news" says a poster, unquoted — B (@b) May 1, 2016' },
      { id: '1031', text: 'a "quoted" word mid-text' },
    ]);
    expect(set.unjudged).toBe(0);
  });

  it('leaves out the queries that the qrels name no relevant claim for, as the lab scorer does, and counts them', async () => {
    // The qrels also hold another split's lines and a judged-irrelevant pair: neither brings a query in.
    const qrels = ['q1 0 c1 1', 'q2 0 c1 0', 'train7 0 c1 1', ''].join('\n');
    const dir = await writeSet(ONE_CLAIM, 'q1\tthe moon is cheese\nq2\tthe moon is rock\nq3\ttides\n', qrels);
    const set = await loadBenchSet(dir, 'dev');
    expect(set.queries.map((query) => query.id)).toEqual(['q1']);
    expect(set.unjudged).toBe(2);
  });

  it('refuses a query row without a tab, and qrels that judge none of the queries, naming the file', async () => {
    await expect(loadBenchSet(await writeSet(ONE_CLAIM, 'q1 the moon is cheese\n'), 'dev')).rejects.toThrow(/dev\.queries\.tsv row 1: expected "id<TAB>text"/);
    await rm(path.join(folder(), 'example'), { recursive: true });
    await expect(loadBenchSet(await writeSet(ONE_CLAIM, 'q1\tthe moon\n', 'q9 0 c1 1\n'), 'dev')).rejects.toThrow(/dev\.qrels names no relevant claim/);
  });
});
