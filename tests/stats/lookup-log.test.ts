import { afterEach, describe, expect, it, vi } from 'vitest';
import { LookupLog } from '../../src/stats/lookup-log.js';
import { MemoryStore } from '../../src/store/memory-store.js';

afterEach(() => vi.useRealTimers());

const entry = (query: string) => ({ query, confident: true, resultIds: ['c1'], scope: 'console' });

describe('LookupLog', () => {
  it('keeps lookups in memory and writes them in one batch when flushed', async () => {
    const store = new MemoryStore();
    const write = vi.spyOn(store, 'addLookups');
    const log = new LookupLog(store);
    log.record(entry('one'));
    log.record(entry('two'));
    expect(write).not.toHaveBeenCalled();
    expect(log.pending).toBe(2);
    await log.flush();
    expect(write).toHaveBeenCalledTimes(1);
    expect((await store.listLookups('2000-01-01')).map((record) => record.query)).toEqual(['one', 'two']);
  });

  it('writes on its own after a while, or as soon as enough lookups wait', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    const write = vi.spyOn(store, 'addLookups');
    const log = new LookupLog(store, { flushAfterMs: 1000, maxBuffered: 3 });
    log.record(entry('a'));
    await vi.advanceTimersByTimeAsync(999);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(1);
    log.record(entry('b'));
    log.record(entry('c'));
    log.record(entry('d'));
    await log.flush();
    expect(write.mock.calls.map(([records]) => records.map((record) => record.query))).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('shortens long queries, and drops a batch the store refuses without failing anyone', async () => {
    const store = new MemoryStore();
    vi.spyOn(store, 'addLookups').mockRejectedValueOnce(new Error('read-only'));
    const log = new LookupLog(store);
    log.record(entry('x'.repeat(2000)));
    await expect(log.flush()).resolves.toBeUndefined();
    log.record(entry('y'.repeat(2000)));
    await log.flush();
    const [kept] = await store.listLookups('2000-01-01');
    expect(kept?.query).toHaveLength(300);
    expect(kept?.query.startsWith('y')).toBe(true);
  });
});
