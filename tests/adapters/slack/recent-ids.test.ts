import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../../src/adapters/slack/recent-ids.js';

describe('RecentIds', () => {
  it('says yes to the first delivery of an id and no to its retries', () => {
    const ids = new RecentIds();
    expect(ids.firstTime('Ev1')).toBe(true);
    expect(ids.firstTime('Ev1')).toBe(false);
    expect(ids.firstTime('Ev2')).toBe(true);
  });

  it('forgets ids after the TTL', () => {
    let now = 0;
    const ids = new RecentIds({ ttlMs: 1000, now: () => now });
    ids.firstTime('Ev1');
    now = 999;
    expect(ids.firstTime('Ev1')).toBe(false);
    now = 1000;
    expect(ids.firstTime('Ev1')).toBe(true);
  });

  it('stays bounded, dropping the oldest ids first', () => {
    const ids = new RecentIds({ maxIds: 2 });
    ids.firstTime('a');
    ids.firstTime('b');
    ids.firstTime('c');
    expect(ids.size).toBe(2);
    expect(ids.firstTime('a')).toBe(true);
  });
});
