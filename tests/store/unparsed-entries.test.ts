import { describe, expect, it } from 'vitest';
import { storeDataSchema } from '../../src/model/store-data.js';
import { serializeStoreData } from '../../src/store/store-data-codec.js';
import { findStoreFileLayout } from '../../src/store/store-file-layout.js';
import { UnparsedEntries } from '../../src/store/unparsed-entries.js';
import { article, claim } from './sample-data.js';

function unparsed(claims: ReturnType<typeof claim>[], articles: ReturnType<typeof article>[] = []): UnparsedEntries {
  const bytes = Buffer.from(serializeStoreData(storeDataSchema.parse({ claims, articles })));
  return new UnparsedEntries(bytes, findStoreFileLayout(bytes)!, 'digest');
}

describe('UnparsedEntries', () => {
  it('reads the few entries asked for by id, leaving out unknown ids and asking twice once', () => {
    const entries = unparsed([claim('c1'), claim('c2'), claim('shared')], [article('a1'), article('shared')]);
    expect(entries.count).toBe(5);
    expect(entries.get(['c2', 'missing', 'c2', 'a1'])).toEqual({ claims: [claim('c2')], articles: [article('a1')] });
    // A claim and an article may share an id: both are returned, as the store returns them.
    expect(entries.get(['shared'])).toEqual({ claims: [claim('shared')], articles: [article('shared')] });
  });

  it('parses all entries in file order', async () => {
    const claims = Array.from({ length: 300 }, (_, index) => claim(`c${index}`));
    expect(await unparsed(claims, [article('a1')]).parseAll()).toEqual({ claims, articles: [article('a1')] });
  });

  it('lets other work run while it parses many entries', async () => {
    const claims = Array.from({ length: 40_000 }, (_, index) => claim(`c${index}`));
    const entries = unparsed(claims);
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    try {
      const parsed = await entries.parseAll();
      expect(parsed.claims).toHaveLength(40_000);
    } finally {
      clearInterval(ticking);
    }
    expect(ticks).toBeGreaterThan(0);
  });
});
