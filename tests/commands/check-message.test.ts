import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import { consoleRequester, seedCore } from '../helpers/seed-core.js';

let core: Core;
let dispose: () => Promise<void>;
beforeAll(async () => ({ core, dispose } = await seedCore()));
afterAll(() => dispose());

describe('/check-message', () => {
  it('looks up each link and claim-like sentence of a message and merges the answers without duplicates', async () => {
    const claims = await core.store.listClaims();
    const appearance = claims.find((claim) => claim.appearances.length > 0)!;
    const shared = new URL(appearance.appearances[0]!);
    shared.searchParams.set('utm_medium', 'social');
    const text = `lol look at this ${shared} and also: Russia and China have de facto concluded a military alliance. Russia and China have de facto concluded a military alliance!`;
    const reply = await core.dispatch('check-message', { text }, consoleRequester);
    expect(reply.kind).toBe('results');
    if (reply.kind !== 'results') return;
    const ids = reply.results.map((result) => result.id);
    expect(ids).toContain(appearance.id);
    expect(ids.some((id) => id.includes('ru-cn'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(reply.results.find((result) => result.id === appearance.id)!.matchedPart).toContain(new URL(appearance.appearances[0]!).hostname);
  });

  it('answers politely when a message has nothing to check', async () => {
    expect(await core.dispatch('check-message', { text: '' }, consoleRequester)).toMatchObject({ kind: 'notice', tone: 'info' });
    expect(await core.dispatch('check-message', { text: 'ok thanks!' }, consoleRequester)).toMatchObject({ kind: 'notice', tone: 'info' });
  });

  it('checks the beginning of a message too long to read whole, instead of refusing it', async () => {
    const claim = 'Russia and China have de facto concluded a military alliance.';
    const text = `${claim} ${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(800)}`;
    expect(text.length).toBeGreaterThan(40_000);
    const reply = await core.dispatch('check-message', { text }, consoleRequester);
    expect(reply.kind).toBe('results');
    if (reply.kind === 'results') expect(reply.results.some((result) => result.id.includes('ru-cn'))).toBe(true);
  });
});
