import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LongestHold } from '../../src/async/longest-hold.js';
import { LookupJournal } from '../../src/store/lookup-journal.js';
import { lookupRecord } from './sample-data.js';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const queries = (records: readonly { query: string }[]) => records.map((record) => record.query);
const fileLines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean);

describe('LookupJournal', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'factdesk-journal-'));
    file = path.join(dir, 'store.json.lookups.jsonl');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a month of a busy bot\'s lookups a slice at a time, letting other work in between', async () => {
    const record = JSON.stringify(lookupRecord('did unemployment fall last year', daysAgo(1)));
    await writeFile(file, `${record}\n`.repeat(50_000));
    const started = performance.now();
    const hold = LongestHold.watch();
    const journal = await LookupJournal.open(file);
    const longest = hold.stop();
    expect(journal.since('2000-01-01')).toHaveLength(50_000);
    // Read in one piece, the parse was nearly all of the time taken.
    expect(longest).toBeLessThan((performance.now() - started) / 2);
  });

  it('starts empty without a file, and appends one line per record, read back after a reopen', async () => {
    const journal = await LookupJournal.open(file);
    expect(journal.since('2000-01-01')).toEqual([]);
    await journal.append([lookupRecord('one', daysAgo(2)), lookupRecord('two', daysAgo(1))]);
    await journal.append([lookupRecord('three', daysAgo(0))]);
    expect(await fileLines(file)).toHaveLength(3);
    const reopened = await LookupJournal.open(file);
    expect(queries(reopened.since('2000-01-01'))).toEqual(['one', 'two', 'three']);
    expect(queries(reopened.since(daysAgo(1.5)))).toEqual(['two', 'three']);
  });

  it('never lists a record older than the retention period, and drops such records from the file once they are most of it', async () => {
    const journal = await LookupJournal.open(file);
    await journal.append([lookupRecord('ancient', daysAgo(90)), lookupRecord('old', daysAgo(60))]);
    await journal.append([lookupRecord('today', daysAgo(0))]);
    expect(queries(journal.since('2000-01-01'))).toEqual(['today']);
    expect(queries((await fileLines(file)).map((line) => JSON.parse(line) as { query: string }))).toEqual(['today']);
  });

  it('drops a line cut short by a crash, keeps a whole last record missing only its newline, and repairs the file so appends start clean', async () => {
    const whole = JSON.stringify(lookupRecord('whole', daysAgo(1)));
    await writeFile(file, `${whole}\n{"query":"cut sh`);
    let journal = await LookupJournal.open(file);
    expect(queries(journal.since('2000-01-01'))).toEqual(['whole']);
    await journal.repair();
    await journal.append([lookupRecord('after', daysAgo(0))]);
    journal = await LookupJournal.open(file);
    expect(queries(journal.since('2000-01-01'))).toEqual(['whole', 'after']);

    await writeFile(file, `${whole}\n${JSON.stringify(lookupRecord('unterminated', daysAgo(0)))}`);
    journal = await LookupJournal.open(file);
    await journal.append([lookupRecord('next', daysAgo(0))]);
    expect(queries((await LookupJournal.open(file)).since('2000-01-01'))).toEqual(['whole', 'unterminated', 'next']);
  });

  it('skips lines that are not lookup records', async () => {
    await writeFile(file, `not json\n${JSON.stringify({ query: 'no date' })}\n${JSON.stringify(lookupRecord('fine', daysAgo(0)))}\n`);
    expect(queries((await LookupJournal.open(file)).since('2000-01-01'))).toEqual(['fine']);
  });

  it('leaves a healthy file alone at repair', async () => {
    const journal = await LookupJournal.open(file);
    await journal.append([lookupRecord('kept', daysAgo(0))]);
    const before = await readFile(file, 'utf8');
    await (await LookupJournal.open(file)).repair();
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
