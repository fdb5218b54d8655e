import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/links/extract-links.js';

describe('extractLinks', () => {
  it('finds http(s) links and bare domain links in order of appearance', () => {
    const text = 'Seen on bbc.co.uk/news/world-123 and https://example.com/story, also www.example.org today';
    expect(extractLinks(text)).toEqual(['bbc.co.uk/news/world-123', 'https://example.com/story', 'www.example.org']);
  });

  it('returns nothing for a message without links', () => {
    expect(extractLinks('The vaccine contains microchips, says a viral post.')).toEqual([]);
    expect(extractLinks('')).toEqual([]);
  });

  it('trims sentence punctuation after a link', () => {
    expect(extractLinks('Is this true? https://example.com/story.')).toEqual(['https://example.com/story']);
    expect(extractLinks('Look: example.com/story!')).toEqual(['example.com/story']);
    expect(extractLinks('"https://example.com/quoted",')).toEqual(['https://example.com/quoted']);
  });

  it('trims unbalanced closing brackets but keeps balanced ones inside the link', () => {
    expect(extractLinks('(see https://example.com/story)')).toEqual(['https://example.com/story']);
    expect(extractLinks('(see https://en.wikipedia.org/wiki/Mercury_(planet)).')).toEqual(['https://en.wikipedia.org/wiki/Mercury_(planet)']);
  });

  it('keeps one link per canonical form, as first written', () => {
    const text = 'https://www.example.com/story?utm_source=x then example.com/story/ then http://m.example.com/story#top';
    expect(extractLinks(text)).toEqual(['https://www.example.com/story?utm_source=x']);
  });

  it('does not take abbreviations, numbers, file names or e-mail addresses for links', () => {
    const text = 'e.g. 3.5 million U.S. troops; see file.txt and setup.py, or mail john.smith@example.com';
    expect(extractLinks(text)).toEqual([]);
    // The local part of this address is itself a valid domain name.
    expect(extractLinks('write to press.info@example.com')).toEqual([]);
  });

  it('does not take a missing space after a full stop for a link', () => {
    expect(extractLinks('He said so.Then he left.')).toEqual([]);
  });

  it('ignores non-web schemes', () => {
    expect(extractLinks('javascript:alert(1) ftp://files.example.com/x mailto:a@example.com')).toEqual([]);
  });

  it('takes the target, not the label, of a Slack link', () => {
    expect(extractLinks('<https://x.com/a|label>')).toEqual(['https://x.com/a']);
    expect(extractLinks('<https://evil.example|bbc.com>')).toEqual(['https://evil.example']);
    expect(extractLinks('<https://evil.example|https://bbc.com>')).toEqual(['https://evil.example']);
  });

  it('takes the target, not the label, of a Markdown link', () => {
    expect(extractLinks('[label](https://x.com/a)')).toEqual(['https://x.com/a']);
    expect(extractLinks('[bbc.com](https://evil.example)')).toEqual(['https://evil.example']);
    expect(extractLinks('[https://bbc.com/news](https://evil.example/x)')).toEqual(['https://evil.example/x']);
    expect(extractLinks('[bbc.com [1]](https://evil.example)')).toEqual(['https://evil.example']);
  });

  it('reads a text of 16,000 brackets or letters with no link in it', () => {
    expect(extractLinks('['.repeat(16_000))).toEqual([]);
    expect(extractLinks(`${'a'.repeat(16_000)}@`)).toEqual([]);
  });

  it('does not take an e-mail address glued to a word for a link', () => {
    expect(extractLinks('write to jane.doe@example.org or x.y+tag@example.org')).toEqual([]);
  });

  it('ignores Slack mentions and channel references', () => {
    expect(extractLinks('<@U123ABC> <#C024BE7LR|general> <!here> check this')).toEqual([]);
  });

  it('finds links with non-ASCII hosts and paths', () => {
    expect(extractLinks('Quelle: bücher.de/straße und https://例え.jp/ページ')).toEqual(['bücher.de/straße', 'https://例え.jp/ページ']);
  });
});
