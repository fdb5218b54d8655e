import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBenchSet } from '../../src/bench/bench-set.js';
import { useTemporaryFolder } from '../helpers/temporary-folder.js';

const folder = useTemporaryFolder('factdesk-bench-set-');

// A set in the bench's format; its claims are fictional.
async function writeSet(claims: object[]): Promise<string> {
  const dir = path.join(folder(), 'example');
  await mkdir(dir);
  await writeFile(path.join(dir, 'claims.jsonl'), claims.map((claim) => JSON.stringify(claim)).join('\n'));
  await writeFile(path.join(dir, 'dev.queries.tsv'), 'q1\tthe moon is cheese\n');
  await writeFile(path.join(dir, 'dev.qrels'), 'q1 0 c1 1\n');
  return dir;
}

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
});
