import { describe, expect, it } from 'vitest';
import { LinkIndex } from '../../src/links/link-index.js';

describe('LinkIndex', () => {
  it('finds an entry by any shared form of one of its links', () => {
    const index = new LinkIndex();
    index.add('claim-1', 'claim', ['https://factcheck.example/review-1', 'https://www.example.com/story-123']);

    for (const form of [
      'https://example.com/story-123',
      'http://m.example.com/story-123/?utm_source=facebook',
      'example.com/story-123#comments',
      'https://web.archive.org/web/20211123000000/https://www.example.com/story-123',
    ]) {
      expect(index.find(form), form).toEqual([{ id: 'claim-1', kind: 'claim' }]);
    }
    expect(index.find('https://factcheck.example/review-1')).toEqual([{ id: 'claim-1', kind: 'claim' }]);
  });

  it('finds nothing for an unknown link or for text that is not a link', () => {
    const index = new LinkIndex();
    index.add('claim-1', 'claim', ['https://example.com/story']);
    expect(index.find('https://example.com/other')).toEqual([]);
    expect(index.find('hello world')).toEqual([]);
  });

  it('returns every entry that shares a link, in the order they were added', () => {
    const index = new LinkIndex();
    index.add('claim-1', 'claim', ['https://twitter.com/User/status/1249712404260421633']);
    index.add('article-1', 'article', ['https://x.com/user/status/1249712404260421633?s=20']);
    expect(index.find('https://mobile.twitter.com/user/status/1249712404260421633')).toEqual([
      { id: 'claim-1', kind: 'claim' },
      { id: 'article-1', kind: 'article' },
    ]);
    expect(index.size).toBe(1);
  });

  it('forgets an entry on remove, keeping the others that share its link', () => {
    const index = new LinkIndex();
    index.add('claim-1', 'claim', ['https://example.com/story']);
    index.add('claim-2', 'claim', ['https://example.com/story', 'https://example.com/other']);
    index.remove('claim-2');
    expect(index.find('https://example.com/story')).toEqual([{ id: 'claim-1', kind: 'claim' }]);
    expect(index.find('https://example.com/other')).toEqual([]);
    expect(index.size).toBe(1);
    index.remove('claim-1');
    expect(index.size).toBe(0);
  });

  it('replaces the links of an entry added again', () => {
    const index = new LinkIndex();
    index.add('claim-1', 'claim', ['https://example.com/old']);
    index.add('claim-1', 'claim', ['https://example.com/new']);
    expect(index.find('https://example.com/old')).toEqual([]);
    expect(index.find('https://example.com/new')).toEqual([{ id: 'claim-1', kind: 'claim' }]);
  });

  it('skips links that are not valid URLs and lists an entry once per link', () => {
    const index = new LinkIndex();
    index.add('claim-1', 'claim', ['not a link', 'javascript:alert(1)', 'https://example.com/a', 'http://www.example.com/a/']);
    expect(index.find('https://example.com/a')).toEqual([{ id: 'claim-1', kind: 'claim' }]);
    expect(index.size).toBe(1);
  });

  it('ignores removing an entry it never had', () => {
    const index = new LinkIndex();
    expect(() => index.remove('missing')).not.toThrow();
  });

  it('restores from its exported keys to answer exactly as before, links never canonicalised again', () => {
    const index = new LinkIndex();
    index.add('claim-1', 'claim', ['https://twitter.com/User/status/1249712404260421633', 'https://example.com/a']);
    index.add('article-1', 'article', ['https://x.com/user/status/1249712404260421633?s=20']);
    index.add('claim-2', 'claim', []);
    index.add('claim-3', 'claim', ['https://example.com/b']);
    const ids = ['claim-1', null, 'article-1', 'claim-2', 'claim-3'];
    // Kinds by position, as an index state keeps them by slot.
    const kinds = ['claim', undefined, 'article', 'claim', 'claim'] as const;
    const restored = LinkIndex.fromKeys(ids, (position) => kinds[position], index.exportKeys(ids));
    expect(restored.find('https://x.com/user/status/1249712404260421633')).toEqual([{ id: 'claim-1', kind: 'claim' }, { id: 'article-1', kind: 'article' }]);
    for (const link of ['https://twitter.com/user/status/1249712404260421633', 'https://example.com/a', 'https://example.com/b', 'https://example.com/c']) {
      expect(restored.find(link), link).toEqual(index.find(link));
    }
    expect(restored.size).toBe(index.size);
  });

  it('restores its keys a slice at a time, answering for the entries restored so far', () => {
    const index = new LinkIndex();
    index.add('claim-1', 'claim', ['https://example.com/a']);
    index.add('claim-2', 'claim', ['https://example.com/b', 'https://example.com/c']);
    index.add('claim-3', 'claim', ['https://example.com/c']);
    const ids = ['claim-1', 'claim-2', 'claim-3'];
    const restoring = LinkIndex.restoring(ids, () => 'claim', index.exportKeys(ids));
    expect(restoring.restore(2)).toBe(false);
    expect(restoring.links.find('https://example.com/b')).toEqual([{ id: 'claim-2', kind: 'claim' }]);
    expect(restoring.links.find('https://example.com/c')).toEqual([{ id: 'claim-2', kind: 'claim' }]);
    expect(restoring.restore(2)).toBe(true);
    expect(restoring.links.find('https://example.com/c')).toEqual([{ id: 'claim-2', kind: 'claim' }, { id: 'claim-3', kind: 'claim' }]);
    expect(restoring.restore(1)).toBe(true);
    expect(restoring.links.size).toBe(index.size);
  });
});
