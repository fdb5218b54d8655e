import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LookupService } from '../../src/core/lookup.js';
import { importSource } from '../../src/ingest/import-source.js';
import { describeIssue } from '../../src/ingest/types.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { claim, ids, request } from '../store/sample-data.js';

const fixture = (name: string) => readFile(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('importSource', () => {
  it('writes nothing when one record in the middle is invalid, and names it by line and field', async () => {
    const store = new MemoryStore({ claims: [claim('kept')] });
    const upsert = vi.spyOn(store, 'upsert');
    const summary = await importSource(store, { text: await fixture('broken-middle.jsonl'), file: 'broken-middle.jsonl', format: 'auto' });
    expect(summary).toMatchObject({ records: 5, invalid: 1, skipped: 0, written: false });
    expect(summary.issues.map(describeIssue)).toEqual(['broken-middle.jsonl line 3 (id "broken-3"): reviewUrl: must be an http(s) URL']);
    expect(upsert).not.toHaveBeenCalled();
    expect(ids(await store.listClaims())).toEqual(['kept']);
  });

  it('with skipInvalid, writes the valid records and says how many were skipped', async () => {
    const store = new MemoryStore();
    const summary = await importSource(store, { text: await fixture('broken-middle.jsonl'), file: 'b.jsonl', format: 'jsonl', skipInvalid: true });
    expect(summary).toMatchObject({ invalid: 1, skipped: 1, written: true, outcomes: { added: 4 } });
    expect(ids(await store.listClaims())).toEqual(['ok-1', 'ok-2', 'ok-4', 'ok-5']);
  });

  it('in a dry run reports what would change and writes nothing', async () => {
    const store = new MemoryStore({ claims: [claim('ok-1', { claim: 'First claim', reviewUrl: 'https://desk.example.org/1' })] });
    const upsert = vi.spyOn(store, 'upsert');
    const text = (await fixture('broken-middle.jsonl')).split('\n').filter((line) => !line.includes('broken-3')).join('\n');
    const summary = await importSource(store, { text, file: 'ok.jsonl', format: 'auto', dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, written: false, outcomes: { added: 3, updated: 1 }, claimsWritten: 4 });
    expect(upsert).not.toHaveBeenCalled();
    expect(ids(await store.listClaims())).toEqual(['ok-1']);
  });

  it('writes the whole import in one upsert, and updates the running bot’s index at once', async () => {
    const store = new MemoryStore();
    const lookup = await LookupService.fromStore(store);
    const upsert = vi.spyOn(store, 'upsert');
    const summary = await importSource(store, { text: await fixture('claimreview-graph.json'), file: 'g.json', format: 'auto', lookup });
    expect(summary).toMatchObject({ written: true, outcomes: { added: 2 } });
    expect(upsert).toHaveBeenCalledTimes(1);
    expect(upsert.mock.calls[0]?.[0].claims).toHaveLength(2);
    const found = await lookup.lookup('is the moon made of cheese');
    expect(found.results[0]?.title).toBe('The moon is made of cheese.');
  });

  it('counts verdicts and languages of what it wrote, and lists ratings the table does not know', async () => {
    const lines = [
      { claim: 'One', rating: 'Falso', reviewer: 'D', language: 'es' },
      { claim: 'Two', rating: 'Spicy', reviewer: 'D' },
      { claim: 'Three', rating: 'Spicy', reviewer: 'D' },
      { claim: 'Four', reviewer: 'D' },
    ];
    const summary = await importSource(new MemoryStore(), { text: lines.map((line) => JSON.stringify(line)).join('\n'), file: 'x.jsonl', format: 'auto' });
    expect(summary.byVerdict).toMatchObject({ false: 1, other: 3 });
    expect(summary.byLanguage).toEqual({ en: 3, es: 1 });
    expect(summary.unknownRatings).toEqual([{ rating: 'Spicy', count: 2 }]);
    expect(summary.notRated).toBe(1);
  });

  it('marks an open request answered when an imported fact-check matches it', async () => {
    const store = new MemoryStore();
    await store.changeRequests(['r1'], (current, id) => request(id, { text: 'Is the moon made of cheese?', key: 'is the moon made of cheese' }));
    await store.changeRequests(['r2'], (current, id) => request(id, { text: 'Do cats dream in colour?', key: 'do cats dream in colour' }));
    const summary = await importSource(store, { text: await fixture('claimreview-graph.json'), file: 'g.json', format: 'auto' });
    expect(summary.answeredRequests).toBe(1);
    const moon = (await store.listClaims()).find((item) => item.claim === 'The moon is made of cheese.')!;
    const [answered] = await store.listRequests({ status: 'answered' });
    expect(answered).toMatchObject({ id: 'r1', answer: { via: 'import', results: [{ id: moon.id }] } });
    expect(ids(await store.listRequests({ status: 'open' }))).toEqual(['r2']);
  });
});
