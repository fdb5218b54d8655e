import { describe, expect, it } from 'vitest';
import { formatChangeToken, parseChangeToken, snapshotXmax } from '../../src/store/postgres-change-token.js';

describe('PostgreSQL change tokens', () => {
  it('carry the place they were taken from and the snapshot, and read back as written', () => {
    const token = formatChangeToken('7714568079082395793.16386.40960', '9007199254741000:9007199254741005:9007199254741001,9007199254741003');
    expect(parseChangeToken(token)).toEqual({
      origin: '7714568079082395793.16386.40960',
      snapshot: '9007199254741000:9007199254741005:9007199254741001,9007199254741003',
      // Beyond 2^53: transaction ids are 64-bit, so they are compared as bigints.
      xmax: 9007199254741005n,
    });
    expect(parseChangeToken(formatChangeToken('0.1.2', '5:5:'))?.xmax).toBe(5n);
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
