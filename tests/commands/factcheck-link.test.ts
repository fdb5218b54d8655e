import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import { consoleRequester, seedCore } from '../helpers/seed-core.js';

let core: Core;
let dispose: () => Promise<void>;
beforeAll(async () => ({ core, dispose } = await seedCore()));
afterAll(() => dispose());

describe('/factcheck-link', () => {
  it('matches the review URL itself, in any shared form', async () => {
    const claim = (await core.store.listClaims()).find((c) => c.reviewUrl)!;
    const shared = claim.reviewUrl!.replace('https://', 'http://www.') + '#comments';
    const reply = await core.dispatch('factcheck-link', { url: shared }, consoleRequester);
    expect(reply).toMatchObject({ kind: 'results', results: [{ id: claim.id, reason: 'url' }] });
  });

  it('falls back to the words of an unknown link, labelled as a weaker match', async () => {
    const reply = await core.dispatch('factcheck-link', { url: 'https://blog.example.com/2026/04/vitabrisk-tea-reverses-type-2-diabetes' }, consoleRequester);
    const results = reply.kind === 'results' ? reply.results : reply.kind === 'no-match' ? reply.suggestions : [];
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.reason === 'url-words' && result.matchedBy === 'text')).toBe(true);
    if (reply.kind === 'results') expect(reply.note).toMatch(/weaker/);
  });

  it('refuses text that is not a link with a friendly error', async () => {
    const reply = await core.dispatch('factcheck-link', { url: 'not a link at all' }, consoleRequester);
    expect(reply).toMatchObject({ kind: 'notice', tone: 'error', text: expect.stringContaining('does not look like a web link') });
  });
});
