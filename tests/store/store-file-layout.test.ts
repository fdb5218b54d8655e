import { describe, expect, it } from 'vitest';
import { storeDataSchema, type StoreData } from '../../src/model/store-data.js';
import { serializeStoreData } from '../../src/store/store-data-codec.js';
import { entriesDigest, findStoreFileLayout, parseEntryAt, textWithoutEntries } from '../../src/store/store-file-layout.js';
import { article, claim, feedback, request } from './sample-data.js';

/** A store file exactly as factdesk writes it. */
function written(data: Partial<StoreData>): Buffer {
  return Buffer.from(serializeStoreData(storeDataSchema.parse(data)));
}

const AWKWARD_IDS = ['plain', 'with "quotes"', 'back\\slash', 'ünïcödé', 'line\nbreak', 'ends with \\'];

describe('findStoreFileLayout', () => {
  it('finds every claim and article of a file factdesk wrote, each range parsing to its entry', () => {
    const data = storeDataSchema.parse({
      claims: AWKWARD_IDS.map((id) => claim(id, { summary: 'A summary\nover "two" lines, {braces} and [brackets]\n    }' })),
      articles: [article('a1'), article('a2', { claimIds: ['plain'] })],
      feedback: [feedback('slack:T1', 'q', 'plain')],
    });
    const bytes = written(data);
    const layout = findStoreFileLayout(bytes)!;
    expect(layout.claims.ids).toEqual(AWKWARD_IDS);
    expect(layout.articles.ids).toEqual(['a1', 'a2']);
    data.claims.forEach((entry, index) => expect(parseEntryAt(bytes, layout.claims, index)).toEqual(entry));
    data.articles.forEach((entry, index) => expect(parseEntryAt(bytes, layout.articles, index)).toEqual(entry));
  });

  it('leaves everything but the entries to parse at once, in the same order', () => {
    const data = storeDataSchema.parse({ claims: [claim('c1')], articles: [article('a1')], requests: [request('r1')] });
    const bytes = written(data);
    const rest = JSON.parse(textWithoutEntries(bytes, findStoreFileLayout(bytes)!)) as StoreData;
    expect(rest).toEqual({ ...data, claims: [], articles: [] });
    expect(Object.keys(rest)).toEqual(Object.keys(data));
  });

  it('handles empty arrays', () => {
    const bytes = written({});
    const layout = findStoreFileLayout(bytes)!;
    expect(layout.claims.ids).toEqual([]);
    expect(layout.articles.ids).toEqual([]);
    expect(JSON.parse(textWithoutEntries(bytes, layout))).toEqual(storeDataSchema.parse({}));
  });

  it('finds nothing in a file laid out any other way, which is then parsed whole', () => {
    const data = storeDataSchema.parse({ claims: [claim('c1')] });
    expect(findStoreFileLayout(Buffer.from(JSON.stringify(data)))).toBeUndefined();
    expect(findStoreFileLayout(Buffer.from(JSON.stringify(data, null, 4)))).toBeUndefined();
    expect(findStoreFileLayout(Buffer.from(`\uFEFF${serializeStoreData(data)}`))).toBeUndefined();
    // Hand-edited: an entry whose id is not its first key.
    const { id, ...rest } = data.claims[0]!;
    expect(findStoreFileLayout(Buffer.from(serializeStoreData({ ...data, claims: [{ ...rest, id }] })))).toBeUndefined();
  });
});

describe('entriesDigest', () => {
  const digestOf = (data: Partial<StoreData>) => {
    const bytes = written(data);
    return entriesDigest(bytes, findStoreFileLayout(bytes)!);
  };

  it('stays the same when only other data changes, so a snapshot of the index stays usable', async () => {
    const entries = { claims: [claim('c1')], articles: [article('a1')] };
    expect(await digestOf({ ...entries, feedback: [feedback('slack:T1', 'q', 'c1')] })).toBe(await digestOf(entries));
  });

  it('changes with any claim or article', async () => {
    const before = await digestOf({ claims: [claim('c1')], articles: [article('a1')] });
    expect(await digestOf({ claims: [claim('c1', { claim: 'Reworded' })], articles: [article('a1')] })).not.toBe(before);
    expect(await digestOf({ claims: [claim('c1')], articles: [article('a1'), article('a2')] })).not.toBe(before);
    expect(await digestOf({ claims: [claim('c1')], articles: [] })).not.toBe(before);
  });
});
