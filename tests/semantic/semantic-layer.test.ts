import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddingText, SemanticLayer } from '../../src/semantic/semantic-layer.js';
import { SentenceEncoder } from '../../src/semantic/sentence-encoder.js';
import { useTemporaryFolder } from '../helpers/temporary-folder.js';

describe('embeddingText', () => {
  it('gives claims that differ only in their quote marks the same text', () => {
    const twins = [
      'The shooter was "a Democrat Socialist."',
      "The shooter was 'a Democrat Socialist.'",
      'The shooter was “a Democrat Socialist.”',
    ];
    expect(new Set(twins.map(embeddingText)).size).toBe(1);
  });

  it('keeps apostrophes inside words, as plain ones', () => {
    expect(embeddingText('Beto O’Rourke doesn’t  say “so”')).toBe("Beto O'Rourke doesn't say so");
  });
});

describe('SemanticLayer', () => {
  const encoder = SentenceEncoder.load();
  afterAll(async () => (await encoder).release());

  it('embeds queued claims in the background and then measures a query against them', async () => {
    const layer = new SemanticLayer(encoder);
    layer.embedMissing([
      { id: 'c1', text: 'The new vaccine makes people infertile.' },
      { id: 'c2', text: 'The city council approved a budget for road repairs.' },
    ]);
    await layer.whenEmbedded();
    expect(layer.embedded).toBe(2);
    const similarity = (await layer.similarityTo('Getting the shot will leave you unable to have children'))!;
    expect(similarity('c1')!).toBeGreaterThan(similarity('c2')!);
  });

  it('has no similarity for a claim whose text changed until it is embedded again', async () => {
    const layer = new SemanticLayer(encoder);
    layer.embedMissing([{ id: 'c1', text: 'Old wording of the claim.' }]);
    await layer.whenEmbedded();
    const similarity = (await layer.similarityTo('a query'))!;
    expect(similarity('c1')).toBeTypeOf('number');
    expect(similarity('unknown')).toBeUndefined();
    layer.embedMissing([{ id: 'c1', text: 'New wording of the claim.' }]);
    expect(similarity('c1')).toBeUndefined();
    await layer.whenEmbedded();
    expect((await layer.similarityTo('a query'))!('c1')).toBeTypeOf('number');
  });

  it('answers without similarity when the encoder cannot load, so lookups go on lexically', async () => {
    const layer = new SemanticLayer(Promise.reject(new Error('no native runtime here')));
    layer.embedMissing([{ id: 'c1', text: 'A claim.' }]);
    await layer.whenEmbedded();
    expect(await layer.similarityTo('a query')).toBeUndefined();
    expect(layer.embedded).toBe(0);
  });

  describe('with a vectors file', () => {
    const folder = useTemporaryFolder('factdesk-semantic-');

    /** The real encoder, counting the texts it is given. */
    async function countingEncoder(): Promise<{ encoder: SentenceEncoder; texts: string[] }> {
      const real = await encoder;
      const texts: string[] = [];
      const counting = Object.create(real) as SentenceEncoder;
      counting.embedAll = async (batch) => {
        texts.push(...batch);
        return real.embedAll(batch);
      };
      counting.release = async () => {};
      return { encoder: counting, texts };
    }

    it('embeds again, after a restart, only the claims that are new or changed', async () => {
      const vectorsFile = path.join(folder(), 'store.json.vectors');
      const claims = [
        { id: 'c1', text: 'The new vaccine makes people infertile.' },
        { id: 'c2', text: 'The city council approved a budget for road repairs.' },
      ];
      const first = await countingEncoder();
      const before = new SemanticLayer(first.encoder, { vectorsFile });
      before.embedMissing(claims);
      await before.whenEmbedded();
      await before.close();
      expect(first.texts).toHaveLength(2);

      const second = await countingEncoder();
      const after = new SemanticLayer(second.encoder, { vectorsFile });
      after.embedMissing([claims[0]!, { id: 'c2', text: 'The council approved a budget for bridges.' }, { id: 'c3', text: 'A third claim.' }]);
      await after.whenEmbedded();
      expect(second.texts).toEqual(['The council approved a budget for bridges.', 'A third claim.']);
      expect(after.embedded).toBe(3);
      const similarity = (await after.similarityTo('Getting the shot will leave you unable to have children'))!;
      expect(similarity('c1')!).toBeGreaterThan(similarity('c3')!);
    });
  });
});
