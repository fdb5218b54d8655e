import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv, storeConfigFrom } from '../../src/config/config.js';

describe('storeConfigFrom', () => {
  it('leaves the sentence encoder to the store size by default (FACTDESK_SEMANTIC=auto)', () => {
    expect(storeConfigFrom(loadEnv({})).semantic).toBe('auto');
    expect(storeConfigFrom(loadEnv({ FACTDESK_SEMANTIC: 'off' })).semantic).toBe('off');
    expect(storeConfigFrom(loadEnv({ FACTDESK_SEMANTIC: 'on' })).semantic).toBe('on');
  });

  it('refuses another value of FACTDESK_SEMANTIC, naming the variable', () => {
    expect(() => loadEnv({ FACTDESK_SEMANTIC: 'yes' })).toThrow(/FACTDESK_SEMANTIC/);
  });

  it('keeps the index snapshot where FACTDESK_INDEX_SNAPSHOT says, nowhere for off, and leaves the default place to the store', () => {
    expect(storeConfigFrom(loadEnv({ FACTDESK_INDEX_SNAPSHOT: 'snapshots/pg.index' })).indexSnapshotPath).toBe(path.resolve('snapshots/pg.index'));
    expect(storeConfigFrom(loadEnv({ FACTDESK_INDEX_SNAPSHOT: 'off' })).indexSnapshotPath).toBe(false);
    expect(storeConfigFrom(loadEnv({ FACTDESK_INDEX_SNAPSHOT: 'OFF' })).indexSnapshotPath).toBe(false);
    expect(storeConfigFrom(loadEnv({})).indexSnapshotPath).toBeUndefined();
    expect(storeConfigFrom(loadEnv({ FACTDESK_INDEX_SNAPSHOT: '  ' })).indexSnapshotPath).toBeUndefined();
  });
});
