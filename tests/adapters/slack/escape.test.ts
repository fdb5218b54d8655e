import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, mrkdwnLink, safeLinkTarget } from '../../../src/adapters/slack/escape.js';

describe('escapeMrkdwn', () => {
  it('escapes &, < and > so no Slack markup can form', () => {
    expect(escapeMrkdwn('a & b <c>')).toBe('a &amp; b &lt;c&gt;');
  });

  it('turns special mentions and user mentions into inert text', () => {
    for (const hostile of ['<!channel>', '<!here>', '<!everyone>', '<@U0123ABC>', '<!subteam^S012|@team>']) {
      expect(escapeMrkdwn(hostile)).not.toMatch(/[<>]/);
    }
  });

  it('cannot produce a disguised link', () => {
    const escaped = escapeMrkdwn('<https://evil.example|bbc.com>');
    expect(escaped).not.toContain('<');
    expect(escaped).toContain('https://evil.example');
  });

  it('breaks bare @channel, @here and @everyone so they never notify', () => {
    const escaped = escapeMrkdwn('ping @channel and @here and @Everyone');
    expect(escaped).not.toMatch(/@(channel|here|everyone)/i);
    expect(escaped.replace(/\u200B/g, '')).toBe('ping @channel and @here and @Everyone');
  });

  it('escapes & first, so existing entities stay visible as typed', () => {
    expect(escapeMrkdwn('&lt;!channel&gt;')).toBe('&amp;lt;!channel&amp;gt;');
  });
});

describe('safeLinkTarget', () => {
  it('accepts http(s) URLs only', () => {
    expect(safeLinkTarget('https://factdesk.example/a')).toBe('https://factdesk.example/a');
    expect(safeLinkTarget('javascript:alert(1)')).toBeUndefined();
    expect(safeLinkTarget('mailto:a@b.example')).toBeUndefined();
    expect(safeLinkTarget(undefined)).toBeUndefined();
  });

  it('percent-encodes characters that would end or split link markup', () => {
    expect(safeLinkTarget('https://x.example/a|b>c')).toBe('https://x.example/a%7Cb%3Ec');
  });
});

describe('mrkdwnLink', () => {
  it('links a stored URL with an escaped label', () => {
    expect(mrkdwnLink('https://factdesk.example/a', 'Tea <!here>')).toBe('<https://factdesk.example/a|Tea &lt;!here&gt;>');
  });

  it('falls back to the plain label without a usable URL', () => {
    expect(mrkdwnLink(undefined, 'Tea & co')).toBe('Tea &amp; co');
  });
});
