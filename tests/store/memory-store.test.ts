import { describe, expect, it } from 'vitest';
import { FaultError } from '../../src/core/errors.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { claim, ids, invalidClaim } from './sample-data.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('MemoryStore', async (initial) => ({ store: new MemoryStore(initial) }));

describe('MemoryStore', () => {
  it('starts empty when given nothing', async () => {
    const store = new MemoryStore();
    expect(await store.listClaims()).toEqual([]);
    expect(await store.listArticles()).toEqual([]);
  });

  it('refuses invalid initial data, naming the bad record', () => {
    expect(() => new MemoryStore({ claims: [claim('ok'), invalidClaim('broken')] })).toThrow(FaultError);
    expect(() => new MemoryStore({ claims: [claim('ok'), invalidClaim('broken')] })).toThrow(
      /Store data is not valid: claims\[1\] \(id "broken"\): verdict:/,
    );
  });

  it('keeps two stores apart', async () => {
    const first = new MemoryStore();
    const second = new MemoryStore();
    await first.upsert({ claims: [claim('only-in-first')] });
    expect(ids(await second.listClaims())).toEqual([]);
  });
});
