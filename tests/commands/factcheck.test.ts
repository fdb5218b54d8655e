import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import { consoleRequester, seedCore } from '../helpers/seed-core.js';

let core: Core;
let dispose: () => Promise<void>;
beforeAll(async () => ({ core, dispose } = await seedCore()));
afterAll(() => dispose());

describe('/factcheck', () => {
  it('GIVEN the seed THEN "russia china military alliance" answers with the real article first, its label, source and caveat', async () => {
    const reply = await core.dispatch('factcheck', { query: 'russia china military alliance' }, consoleRequester);
    expect(reply.kind).toBe('results');
    if (reply.kind !== 'results') return;
    const [first] = reply.results;
    expect(first).toMatchObject({ id: 'article-ru-cn-alliance', kind: 'article', rating: 'Fact-checked', verdict: 'misleading', matchedBy: 'text' });
    expect(first!.source.name).toContain('The National Interest');
    expect(first!.context).toContain('not yet committed to a specific military alliance');
  });

  it('still finds it when every word is misspelt', async () => {
    const reply = await core.dispatch('factcheck', { query: 'rusia chna milatary aliance' }, consoleRequester);
    expect(reply.kind).toBe('results');
    if (reply.kind === 'results') expect(reply.results[0]!.id).toMatch(/ru-cn/);
  });

  it('auto-detects a link and finds the claim it is an appearance of, despite tracking parameters', async () => {
    const claims = await core.store.listClaims();
    const withAppearance = claims.find((claim) => claim.appearances.length > 0)!;
    const shared = new URL(withAppearance.appearances[0]!);
    shared.searchParams.set('utm_source', 'whatsapp');
    shared.searchParams.set('fbclid', 'IwAR0abc');
    const reply = await core.dispatch('factcheck', { query: shared.toString() }, consoleRequester);
    expect(reply).toMatchObject({ kind: 'results', results: [{ id: withAppearance.id, matchedBy: 'url', reason: 'url', score: 1 }] });
  });

  it('finds claims in other languages', async () => {
    const reply = await core.dispatch('factcheck', { query: 'С 1 марта запретят наличные в магазинах Верхнеозёрска' }, consoleRequester);
    expect(reply).toMatchObject({ kind: 'results', results: [{ id: 'claim-verkhneozyorsk-cash-ban', verdict: 'false' }] });
  });

  it('says there is no confident match for something unrelated, offering suggestions only as such', async () => {
    const reply = await core.dispatch('factcheck', { query: 'quarterly earnings of a semiconductor foundry in Taiwan' }, consoleRequester);
    expect(reply.kind).toBe('no-match');
  });

  it('asks for a query when given only spaces, and changes nothing', async () => {
    const before = JSON.stringify(await core.store.listClaims());
    const reply = await core.dispatch('factcheck', { query: '   ' }, consoleRequester);
    expect(reply).toMatchObject({ kind: 'notice', tone: 'error' });
    expect(JSON.stringify(await core.store.listClaims())).toBe(before);
  });

  it('honours the result limit', async () => {
    const reply = await core.dispatch('factcheck', { query: 'Lake Verrow', limit: 1 }, consoleRequester);
    const shown = reply.kind === 'results' ? reply.results : reply.kind === 'no-match' ? reply.suggestions : [];
    expect(shown.length).toBeLessThanOrEqual(1);
  });

  it('stops offering a result marked as a wrong match for that query in that scope only', async () => {
    const query = 'VitaBrisk tea reverses diabetes';
    const first = await core.dispatch('factcheck', { query }, consoleRequester);
    if (first.kind !== 'results') throw new Error('expected results');
    const wrong = first.results[0]!.id;
    await core.lookup.recordWrongMatch({ scope: 'slack:T1', query, resultId: wrong });
    const elsewhere = await core.dispatch('factcheck', { query }, consoleRequester);
    const there = await core.dispatch('factcheck', { query }, { ...consoleRequester, platform: 'slack', scope: 'slack:T1' });
    expect(elsewhere.kind === 'results' && elsewhere.results[0]!.id).toBe(wrong);
    const thereIds = there.kind === 'results' ? there.results.map((r) => r.id) : there.kind === 'no-match' ? there.suggestions.map((r) => r.id) : [];
    expect(thereIds).not.toContain(wrong);
  });
});
