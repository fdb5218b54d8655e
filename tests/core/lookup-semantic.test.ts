import { afterAll, describe, expect, it } from 'vitest';
import { LookupService } from '../../src/core/lookup.js';
import { SemanticLayer } from '../../src/semantic/semantic-layer.js';
import { SentenceEncoder } from '../../src/semantic/sentence-encoder.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { claim } from '../store/sample-data.js';

// Fictional claims (sample data).
const bridge = claim('bridge', { claim: 'The Verrow bridge will be painted pink next year' });
const ferry = claim('ferry', { claim: 'The Verrow ferry runs every twenty minutes' });
const tunnel = claim('tunnel', { claim: 'A tunnel under the Verrow river opens in spring' });

describe('LookupService with the sentence encoder (FACTDESK_SEMANTIC=on)', () => {
  const encoder = SentenceEncoder.load();
  afterAll(async () => (await encoder).release());

  it('embeds every claim after the start, and a claim added later on its own', async () => {
    const semantic = new SemanticLayer(encoder);
    const store = new MemoryStore({ claims: [bridge, ferry] });
    const lookup = await LookupService.fromStore(store, { semantic });
    await lookup.allClaimsEmbedded();
    expect(semantic.embedded).toBe(2);

    await lookup.add({ claims: [tunnel] });
    await lookup.allClaimsEmbedded();
    expect(semantic.embedded).toBe(3);
    const outcome = await lookup.lookup('Verrow river tunnel opening in spring');
    expect(outcome.results[0]?.id).toBe('tunnel');
  });

  it('answers the same claims lexically while claims are still being embedded', async () => {
    const slow = new SemanticLayer(new Promise<SentenceEncoder>(() => {}));
    const withEncoder = await LookupService.fromStore(new MemoryStore({ claims: [bridge, ferry, tunnel] }), { semantic: slow });
    const without = await LookupService.fromStore(new MemoryStore({ claims: [bridge, ferry, tunnel] }));
    const ids = async (lookup: LookupService) => (await lookup.lookup('Verrow ferry every twenty minutes')).results.map((result) => result.id);
    expect(await ids(withEncoder)).toEqual(await ids(without));
  });

  it('embeds an edited claim again, from its new text', async () => {
    const semantic = new SemanticLayer(encoder);
    const lookup = await LookupService.fromStore(new MemoryStore({ claims: [bridge, ferry] }), { semantic });
    await lookup.allClaimsEmbedded();
    const edited = 'The Verrow bridge will be painted blue next year';
    await lookup.add({ claims: [{ ...bridge, claim: edited }] });
    await lookup.allClaimsEmbedded();
    const query = 'bridge painted blue';
    const [queryVector, editedVector, originalVector] = await (await encoder).embedAll([query, edited, bridge.claim]);
    const cosine = (other: Float32Array) => queryVector!.reduce((sum, value, i) => sum + value * other[i]!, 0);
    const stored = (await semantic.similarityTo(query))!('bridge')!;
    // Stored vectors are bytes, a few thousandths off the exact cosine.
    expect(Math.abs(stored - cosine(editedVector!))).toBeLessThan(0.01);
    expect(Math.abs(stored - cosine(editedVector!))).toBeLessThan(Math.abs(stored - cosine(originalVector!)));
  });
});
