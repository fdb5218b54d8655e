import { describe, expect, it } from 'vitest';
import { decodeSlackText } from '../../../../src/adapters/slack/parse/slack-markup.js';

describe('decodeSlackText', () => {
  it('turns a labelled link into its real target and collects it', () => {
    expect(decodeSlackText('see <https://evil.example/x|bbc.com> now')).toEqual({
      text: 'see https://evil.example/x now',
      links: ['https://evil.example/x'],
    });
  });

  it('decodes entities inside link targets', () => {
    const decoded = decodeSlackText('<https://video.example.net/watch?v=1&amp;t=2>');
    expect(decoded.links).toEqual(['https://video.example.net/watch?v=1&t=2']);
  });

  it('turns mentions and channel references into readable text', () => {
    expect(decodeSlackText('<@U123|alice> said in <#C456|general>: <!here> <!subteam^S1|@editors>').text).toBe(
      '@alice said in #general: @here @editors',
    );
    expect(decodeSlackText('<@U123> hi').text).toBe('@U123 hi');
  });

  it('decodes &amp;, &lt; and &gt; once only', () => {
    expect(decodeSlackText('a &amp;lt; b &lt;c&gt;').text).toBe('a &lt; b <c>');
  });

  it('keeps a mailto label and lists each link once', () => {
    const decoded = decodeSlackText('<mailto:a@b.example|a@b.example> <https://x.example> <https://x.example>');
    expect(decoded.text).toBe('a@b.example https://x.example https://x.example');
    expect(decoded.links).toEqual(['https://x.example']);
  });

  it('leaves plain text alone', () => {
    expect(decodeSlackText('VitaBrisk tea cures diabetes')).toEqual({ text: 'VitaBrisk tea cures diabetes', links: [] });
  });
});
