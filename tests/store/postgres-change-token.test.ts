import { describe, expect, it } from 'vitest';
import { formatChangeToken, originOf, parseChangeToken, snapshotXmax } from '../../src/store/postgres-change-token.js';

describe('PostgreSQL change tokens', () => {
  it('carry the place they were taken from and the snapshot, and read back as written', () => {
    const token = formatChangeToken('7714568079082395793.1.16386.40960', '9007199254741000:9007199254741005:9007199254741001,9007199254741003');
    expect(parseChangeToken(token)).toEqual({
      origin: '7714568079082395793.1.16386.40960',
      snapshot: '9007199254741000:9007199254741005:9007199254741001,9007199254741003',
      // Beyond 2^53: transaction ids are 64-bit, so they are compared as bigints.
      xmax: 9007199254741005n,
    });
    expect(parseChangeToken(formatChangeToken('0.1.2', '5:5:'))?.xmax).toBe(5n);
  });

  it('name the timeline of the cluster’s history they were taken on, as a number, and none on a standby', () => {
    const row = { snapshot: '5:5:', database: '16386', entries: '40960' };
    expect(originOf('7714568079082395793', { ...row, timeline: '0000001A' })).toBe('7714568079082395793.26.16386.40960');
    expect(originOf('7714568079082395793', { ...row, timeline: null })).toBe('7714568079082395793.0.16386.40960');
  });

  it('read back one made before the timeline was part of them, so that it is refused as another origin’s, not as garbage', () => {
    expect(parseChangeToken('7714568079082395793.16386.40960/740:745:741')?.origin).toBe('7714568079082395793.16386.40960');
  });

  it('are not taken for anything else: a bare snapshot (an older token), injected SQL, empty parts', () => {
    for (const token of ['740:745:741', '1.2.3/1:2:3\'; DROP TABLE x; --', '1.2/1:2:', '1.2.3/1:2', '', '1.2.3/:2:']) {
      expect(parseChangeToken(token)).toBeUndefined();
    }
  });

  it('read the xmax of a snapshot, and refuse what is not one', () => {
    expect(snapshotXmax('740:745:741,743')).toBe(745n);
    expect(() => snapshotXmax('740')).toThrow('not a pg_snapshot');
  });
});
