import { describe, expect, it } from 'vitest';
import { decodeActionValue, decodeShareValue, decodeWrongMatchValue, INTERACTION_IDS, REPLY_ACTION_PATTERN } from '../../../../src/adapters/slack/interactions.js';
import { renderReply } from '../../../../src/adapters/slack/render/render-reply.js';
import type { Block } from '../../../../src/adapters/slack/render/blocks.js';
import { commands } from '../../../../commands/index.js';
import { resultItem, resultsReply, visibleTexts } from '../fixtures.js';

const now = new Date('2026-11-28T12:00:00Z');

function buttons(blocks: Block[]) {
  return blocks.flatMap((block) => (block.type === 'actions' ? block.elements : [])) as Array<{
    action_id: string;
    url?: string;
    value?: string;
    text: { text: string };
  }>;
}

describe('renderReply: results', () => {
  const reply = resultsReply([
    resultItem(),
    resultItem({ id: 'b', title: 'Second claim', verdict: 'mostly-false' }),
    resultItem({ id: 'c', title: 'Third claim', verdict: 'misleading' }),
    resultItem({ id: 'd', title: 'Fourth claim', verdict: 'unproven' }),
  ]);

  it('gives the best result a full card and lists at most two more compactly', () => {
    const text = visibleTexts(renderReply(reply, { now }).blocks).join('\n');
    expect(text).toContain('Drinking three cups');
    expect(text).toContain('Second claim');
    expect(text).toContain('Third claim');
    expect(text).not.toContain('Fourth claim');
  });

  it('has a text fallback naming the verdict and claim', () => {
    expect(renderReply(reply, { now }).text).toMatch(/^False: Drinking three cups.*\(\+2 more\)$/);
  });

  it('offers a link to the stored fact-check, Wrong match and Share when asked', () => {
    const share = { command: 'factcheck', options: { query: 'vitabrisk tea cures diabetes' } };
    const [open, wrong, shareButton] = buttons(renderReply(reply, { now, share, wrongMatch: true }).blocks);
    expect(open).toMatchObject({ action_id: INTERACTION_IDS.openLink, url: 'https://factdesk.example/checks/2026/vitabrisk-tea-diabetes' });
    expect(wrong?.action_id).toBe(INTERACTION_IDS.wrongMatch);
    expect(decodeWrongMatchValue(wrong?.value)).toEqual({ query: 'vitabrisk tea cures diabetes', resultId: 'claim-vitabrisk-cures-diabetes' });
    expect(shareButton?.action_id).toBe(INTERACTION_IDS.share);
    expect(decodeShareValue(shareButton?.value)).toEqual(share);
  });

  it('records a wrong match against the part of the message that matched', () => {
    const partReply = resultsReply([resultItem({ matchedPart: 'https://social.example.com/p/1' })], 'whole message text');
    const wrong = buttons(renderReply(partReply, { now, wrongMatch: true }).blocks).find((b) => b.action_id === INTERACTION_IDS.wrongMatch);
    expect(decodeWrongMatchValue(wrong?.value)?.query).toBe('https://social.example.com/p/1');
  });

  it('shows only the link button on public cards, and who shared it', () => {
    const message = renderReply(reply, { now, sharedBy: 'U0SHARER' });
    expect(buttons(message.blocks).map((b) => b.action_id)).toEqual([INTERACTION_IDS.openLink]);
    expect(visibleTexts(message.blocks).join('\n')).toContain('Shared by <@U0SHARER>');
  });

  it('never wraps a non-id in mention markup', () => {
    const message = renderReply(reply, { now, sharedBy: '!channel' });
    expect(JSON.stringify(message)).not.toContain('<!channel>');
    expect(JSON.stringify(message)).not.toContain('<@!channel>');
  });

  it('leaves the Share button out when its value would not fit in a button', () => {
    const share = { command: 'check-message', options: { text: 'x'.repeat(3000) } };
    expect(buttons(renderReply(reply, { now, share }).blocks).map((b) => b.action_id)).not.toContain(INTERACTION_IDS.share);
  });

  it('shows the note on link-word matches', () => {
    const noted = { ...reply, note: 'No fact-check is linked to that exact URL' };
    expect(visibleTexts(renderReply(noted, { now }).blocks).join('\n')).toContain('No fact-check is linked to that exact URL');
  });

  it('has no button without a stored http(s) URL', () => {
    const noUrl = resultsReply([resultItem({ source: { name: 'Unnamed news site' } })]);
    expect(buttons(renderReply(noUrl, { now }).blocks)).toEqual([]);
  });
});

describe('renderReply: escaping user text', () => {
  const hostile = '<!channel> <!here> <@U0BOSS> @everyone <https://evil.example|bbc.com>';

  it('echoes a hostile query with no mention and no disguised link', () => {
    const json = JSON.stringify(renderReply({ kind: 'no-match', query: hostile, message: 'Nothing found.', suggestions: [] }));
    expect(json).not.toMatch(/<!(channel|here|everyone)/);
    expect(json).not.toContain('<@U0BOSS>');
    expect(json).not.toContain('<https://evil.example');
    expect(json).not.toMatch(/@everyone/);
  });

  it('escapes stored text too: a claim cannot carry markup into the card', () => {
    const message = renderReply(resultsReply([resultItem({ title: hostile, context: hostile, claimant: hostile })], hostile), { now });
    const json = JSON.stringify(message);
    expect(json).not.toMatch(/<!(channel|here)/);
    expect(json).not.toContain('<https://evil.example');
    expect(message.text).not.toContain('<!');
  });
});

describe('renderReply: other kinds', () => {
  it('shows no-match suggestions as suggestions, never as answers', () => {
    const message = renderReply({
      kind: 'no-match',
      query: 'tea',
      message: 'No confident match in the fact-check store.',
      suggestions: [resultItem({ score: 0.3 })],
    });
    const text = visibleTexts(message.blocks).join('\n');
    expect(text).toContain('No confident match');
    expect(text).toContain('Closest entries');
    expect(buttons(message.blocks)).toEqual([]);
  });

  it('offers the reply\'s actions as buttons that carry the command and options to dispatch', () => {
    const action = { kind: 'request-factcheck' as const, label: 'Request a fact-check', command: 'factcheck-request', options: { text: 'zebras <!here> are horses' } };
    const message = renderReply({ kind: 'no-match', query: 'zebras', message: 'No fact-check matches.', suggestions: [], actions: [action] });
    const [request] = buttons(message.blocks);
    expect(request?.text.text).toBe('Request a fact-check');
    expect(request?.action_id).toMatch(REPLY_ACTION_PATTERN);
    expect(decodeActionValue(request?.value)).toEqual({ command: 'factcheck-request', options: action.options });
  });

  it('leaves out an action whose options would not fit in a button', () => {
    const action = { kind: 'request-factcheck' as const, label: 'Request a fact-check', command: 'factcheck-request', options: { text: '"'.repeat(1500) } };
    expect(buttons(renderReply({ kind: 'no-match', query: 'q', message: 'm', suggestions: [], actions: [action] }).blocks)).toEqual([]);
  });

  it('continues a long notice (a staff list) in further sections, split between lines', () => {
    const lines = Array.from({ length: 80 }, (_, index) => `${index + 1}. “A request that people keep asking about, number ${index + 1}”: 3 people`);
    const message = renderReply({ kind: 'notice', tone: 'info', text: lines.join('\n') });
    expect(message.blocks.length).toBeGreaterThan(1);
    const shown = message.blocks.map((block) => (block.type === 'section' ? block.text!.text : ''));
    for (const text of shown) expect(text.length).toBeLessThanOrEqual(3000);
    expect(shown.join('\n')).toBe(lines.join('\n'));
  });

  it('marks error notices with a warning', () => {
    expect(renderReply({ kind: 'notice', tone: 'error', text: 'Nope <!here>' }).text).toBe(':warning: Nope &lt;!here&gt;');
  });

  it("lists Slack's slash commands and the message shortcut in help", async () => {
    const help = await commands.find((command) => command.name === 'help')!.handler({}, {
      commands,
    } as never);
    const text = visibleTexts(renderReply(help).blocks).join('\n');
    // Slack shows &lt; as "<": usage text is escaped like any other text.
    expect(text).toContain('`/factcheck &lt;claim or link&gt;`');
    expect(text).toContain('`/factcheck-link &lt;url&gt;`');
    expect(text).toContain('/factcheck-watch');
    expect(text).toContain('/factcheck-add [claim]');
    expect(text).toContain('/factcheck-request &lt;claim or link&gt;');
    expect(text).toContain('Check this message');
  });
});

describe('renderReply: limits', () => {
  it('keeps every block, field and button within Slack limits for oversized input', () => {
    const huge = 'x'.repeat(10_000);
    const results = Array.from({ length: 60 }, (_, index) =>
      resultItem({ id: `r${index}`, title: huge, context: huge, claimant: huge, rating: huge, matchedPart: huge, source: { name: huge, url: `https://factdesk.example/${'y'.repeat(3100)}` } }),
    );
    const message = renderReply(resultsReply(results, huge), { now, wrongMatch: true, share: { command: 'factcheck', options: { query: 'q' } } });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(message.text.length).toBeLessThanOrEqual(3000);
    for (const block of message.blocks) {
      if (block.type === 'section') {
        expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
        expect(block.fields?.length ?? 0).toBeLessThanOrEqual(10);
        for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
      }
      if (block.type === 'context') for (const element of block.elements) expect('text' in element ? element.text.length : 0).toBeLessThanOrEqual(2000);
    }
    for (const b of buttons(message.blocks)) {
      expect(b.text.text.length).toBeLessThanOrEqual(75);
      expect(b.url?.length ?? 0).toBeLessThanOrEqual(3000);
      expect(b.value?.length ?? 0).toBeLessThanOrEqual(2000);
    }
  });
});
