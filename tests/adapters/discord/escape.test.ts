import { describe, expect, it } from 'vitest';
import { escapeText, markdownLink, plainText, safeUrl } from '../../../src/adapters/discord/escape.js';

const MASKED_LINK = /(?<!\\)\[[^\]]*(?<!\\)\]\(/;

describe('escapeText', () => {
  it('breaks @everyone and @here so they cannot ping or look like a ping', () => {
    const escaped = escapeText('@everyone and @here, look');
    expect(escaped).not.toMatch(/@(everyone|here)/);
    expect(escaped.replace(/\u200B/g, '')).toBe('@everyone and @here, look');
  });

  it('breaks user, role, channel and slash-command mentions', () => {
    const escaped = escapeText('<@123> <@!123> <@&456> <#789> </factcheck:1>');
    expect(escaped).not.toMatch(/<(@[!&]?|#|\/)/);
  });

  it('stops masked links from forming, keeping the real target visible', () => {
    const escaped = escapeText('[bbc.com](https://evil.example)');
    expect(escaped).not.toMatch(MASKED_LINK);
    expect(escaped).toContain('https://evil.example');
  });

  it('shows markdown as typed: bold, spoilers, headings, lists, code', () => {
    expect(escapeText('**big** ||secret|| `code`')).toBe('\\*\\*big\\*\\* \\|\\|secret\\|\\| \\`code\\`');
    expect(escapeText('# Title\n- item\n-# small')).toBe('\\# Title\n\\- item\n\\-# small');
  });

  it('drops control characters but keeps line breaks', () => {
    expect(escapeText('a\u0000b\nc\u001b')).toBe('ab\nc');
  });
});

describe('plainText', () => {
  it('breaks mentions without adding markdown escapes', () => {
    const text = plainText('@everyone <@1> under_score');
    expect(text).not.toMatch(/@everyone|<@1>/);
    expect(text).toContain('under_score');
  });
});

describe('safeUrl and markdownLink', () => {
  it('accepts only http(s) URLs and encodes characters that would end a markdown link', () => {
    expect(safeUrl('https://example.org/a_(b)')).toBe('https://example.org/a_%28b%29');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('https://exa mple.org')).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
  });

  it('links an escaped label to a stored URL, or shows the label alone', () => {
    expect(markdownLink('[x](https://evil.example)', 'https://factdesk.example/c')).toBe('[\\[x\\](https://evil.example)](https://factdesk.example/c)');
    expect(markdownLink('plain', 'ftp://nope')).toBe('plain');
  });
});
