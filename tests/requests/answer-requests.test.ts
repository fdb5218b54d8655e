import { describe, expect, it, vi } from 'vitest';
import { LookupService } from '../../src/core/lookup.js';
import { answerOpenRequests } from '../../src/requests/answer-requests.js';
import { recordRequest } from '../../src/requests/record-request.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { claim } from '../store/sample-data.js';

const asker = { platform: 'console' as const, scope: 'console', userId: 'me' };
const glass = claim('glass', { claim: 'Eating glass boosts your immune system', reviewUrl: 'https://checks.example.org/glass', appearances: ['https://social.example.com/p/7'] });

describe('answerOpenRequests', () => {
  it('marks a request answered by a confident text match among the new fact-checks', async () => {
    const store = new MemoryStore();
    await recordRequest(store, 'Does eating glass boost the immune system?', asker);
    const lookup = LookupService.fromEntries({ claims: [glass] });
    const answered = await answerOpenRequests({ store, searcher: lookup, answerIds: new Set(['glass']), via: 'factcheck-add' });
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({ status: 'answered', answer: { via: 'factcheck-add', results: [{ id: 'glass' }] } });
  });

  it('marks a request answered by a link where the claim circulated', async () => {
    const store = new MemoryStore();
    await recordRequest(store, 'https://social.example.com/p/7?utm_source=share', asker);
    const answered = await answerOpenRequests({ store, searcher: LookupService.fromEntries({ claims: [glass] }), answerIds: new Set(['glass']), via: 'import' });
    expect(answered[0]?.answer?.results).toEqual([{ id: 'glass', score: 1 }]);
  });

  it('ignores fact-checks that were already there, and requests they do not match', async () => {
    const store = new MemoryStore();
    await recordRequest(store, 'Does eating glass boost the immune system?', asker);
    await recordRequest(store, 'Do cats dream in colour?', asker);
    const lookup = LookupService.fromEntries({ claims: [glass] });
    expect(await answerOpenRequests({ store, searcher: lookup, answerIds: new Set(['other']), via: 'import' })).toEqual([]);
    expect(await store.listRequests({ status: 'open' })).toHaveLength(2);
  });

  it('does not search at all when no request is open', async () => {
    const store = new MemoryStore();
    const lookup = LookupService.fromEntries({ claims: [glass] });
    const search = vi.spyOn(lookup, 'lookupText');
    expect(await answerOpenRequests({ store, searcher: lookup, answerIds: new Set(['glass']), via: 'import' })).toEqual([]);
    expect(search).not.toHaveBeenCalled();
  });
});
