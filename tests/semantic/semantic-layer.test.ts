import { afterAll, describe, expect, it } from 'vitest';
import { embeddingText, SemanticLayer } from '../../src/semantic/semantic-layer.js';
import { SentenceEncoder } from '../../src/semantic/sentence-encoder.js';

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
});
