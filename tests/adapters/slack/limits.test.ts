import { describe, expect, it } from 'vitest';
import { truncate, truncateMrkdwn } from '../../../src/adapters/slack/limits.js';

describe('truncate', () => {
  it('leaves short text alone and cuts long text to the limit with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('a'.repeat(100), 10);
    expect(cut).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('truncateMrkdwn', () => {
  it('never cuts a link or an entity in half', () => {
    const link = `see <https://factdesk.example/${'a'.repeat(50)}|the check>`;
    expect(truncateMrkdwn(link, 30)).toBe('see…');
    expect(truncateMrkdwn('fish &amp; chips', 9)).toBe('fish…');
  });

  it('keeps complete links before the cut', () => {
    expect(truncateMrkdwn('<https://x.example|x> and more text here', 30)).toBe('<https://x.example|x> and mor…');
  });
});
