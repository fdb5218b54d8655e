import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import type { ClaimReview } from '../../src/model/claim-review.js';
import { storeDataSchema, type StoreData } from '../../src/model/store-data.js';
import { serializeStoreData } from '../../src/store/store-data-codec.js';
import { withUpserted } from '../../src/store/store-data-ops.js';
import { findStoreFileLayout } from '../../src/store/store-file-layout.js';
import { withEntriesOf, withUpsertedEntries, type LaidOutBytes } from '../../src/store/entry-bytes.js';
import { article, claim, feedback } from './sample-data.js';

function laidOut(data: StoreData): LaidOutBytes {
  const bytes = Buffer.from(serializeStoreData(data));
  return { bytes, layout: findStoreFileLayout(bytes)! };
}

function positionIn(ids: readonly string[], id: string): number | undefined {
  const position = ids.indexOf(id);
  return position < 0 ? undefined : position;
}

/**
 * Upserts both ways: into the bytes, and into the parsed data then serialized. They must agree
 * byte for byte, and the layout worked out while assembling must be the one a scan finds.
 */
async function bothWays(data: StoreData, incoming: { claims?: ClaimReview[]; articles?: Article[] }) {
  const entries = { claims: incoming.claims ?? [], articles: incoming.articles ?? [] };
  const file = laidOut(data);
  const viaBytes = await withUpsertedEntries({ ...file, positionOf: (key, id) => positionIn(file.layout[key].ids, id) }, entries);
  expect(viaBytes.layout).toEqual(findStoreFileLayout(viaBytes.bytes));
  const viaData = withUpserted(data, entries);
  return { viaBytes: { text: viaBytes.bytes.toString('utf8'), result: viaBytes.result }, viaData: { text: serializeStoreData(viaData.data), result: viaData.result } };
}

const STORE = storeDataSchema.parse({
  claims: [claim('c1'), claim('c2'), claim('c3'), claim('c4')],
  articles: [article('a1')],
  feedback: [feedback('slack:T1', 'q', 'c1')],
});

describe('withUpsertedEntries', () => {
  it.each([
    ['a new claim, appended', { claims: [claim('c5')] }],
    ['the first claim replaced', { claims: [claim('c1', { claim: 'Reworded c1' })] }],
    ['the last claim replaced', { claims: [claim('c4', { verdict: 'true', rating: 'True' })] }],
    ['claims replaced in the middle and appended at once', { claims: [claim('c3', { summary: 'Why:\n"quoted"' }), claim('c2'), claim('c9')] }],
    ['articles too', { claims: [claim('c5')], articles: [article('a1', { title: 'New title' }), article('a2')] }],
    ['nothing', {}],
  ])('gives the file that serializing the upserted data gives: %s', async (_name, incoming) => {
    const { viaBytes, viaData } = await bothWays(STORE, incoming);
    expect(viaBytes).toEqual(viaData);
  });

  it('fills empty arrays', async () => {
    const { viaBytes, viaData } = await bothWays(storeDataSchema.parse({}), { claims: [claim('c1'), claim('c2')], articles: [article('a1')] });
    expect(viaBytes).toEqual(viaData);
    expect(viaBytes.result).toEqual({ added: 3, updated: 0 });
  });
});

describe('withEntriesOf', () => {
  it('puts the entries of one file into the data around them, as serializing the whole gives', async () => {
    const changed = { ...STORE, feedback: [...STORE.feedback, feedback('discord:G1', 'other', 'c2')], requests: [] };
    const frame = laidOut({ ...changed, claims: [], articles: [] });
    const joined = await withEntriesOf(frame, laidOut(STORE));
    expect(joined.bytes.toString('utf8')).toBe(serializeStoreData(changed));
    expect(joined.layout).toEqual(findStoreFileLayout(joined.bytes));
  });
});
