import { describe, expect, it } from 'vitest';
import { NO_MENTIONS, renderMessage, toRestBody } from '../../../src/adapters/discord/render-message.js';
import { decodeActionId, decodeButtonId } from '../../../src/adapters/discord/custom-ids.js';
import type { Reply, ResultItem } from '../../../src/core/reply.js';

const item: ResultItem = {
  id: 'claim-1', kind: 'claim', title: 'Claim', verdict: 'false', rating: 'False', source: { name: 'Desk' },
  language: 'en', score: 0.9, matchedBy: 'text', reason: 'text',
};
const replies: Reply[] = [
  { kind: 'results', query: 'q', results: [item] },
  { kind: 'no-match', query: 'q', message: 'None.', suggestions: [] },
  { kind: 'notice', tone: 'info', text: 'Hi' },
  { kind: 'help', intro: 'i', commands: [] },
];

describe('renderMessage', () => {
  it('never lets any kind of reply mention anyone', () => {
    for (const reply of replies) expect(renderMessage(reply, { buttonsKey: 'k' }).allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(toRestBody(renderMessage(replies[0]!)).allowed_mentions).toEqual({ parse: [] });
    expect(NO_MENTIONS.parse).toEqual([]);
  });

  it('puts Share and Wrong match buttons on results, pointing at the best result and the remembered reply', () => {
    const [row] = renderMessage(replies[0]!, { buttonsKey: 'abc123' }).components;
    const ids = row!.components.map((button) => ('custom_id' in button ? button.custom_id : ''));
    expect(ids.map(decodeButtonId)).toEqual([
      { action: 'share', replyKey: 'abc123', result: { id: 'claim-1' } },
      { action: 'wrong', replyKey: 'abc123', result: { id: 'claim-1' } },
    ]);
  });

  it("gives a no-match reply's actions buttons pointing at the remembered actions", () => {
    const action = { kind: 'request-factcheck' as const, label: 'Request a fact-check', command: 'factcheck-request', options: { text: 'q' } };
    const reply: Reply = { kind: 'no-match', query: 'q', message: 'None.', suggestions: [], actions: [action] };
    const [row] = renderMessage(reply, { actionsKey: 'k1' }).components;
    expect(row!.components.map((button) => ('label' in button ? button.label : ''))).toEqual(['Request a fact-check']);
    expect(row!.components.map((button) => decodeActionId('custom_id' in button ? button.custom_id : ''))).toEqual([{ actionsKey: 'k1', index: 0 }]);
    expect(renderMessage(reply).components).toEqual([]);
  });

  it('adds no buttons without a reply key or to anything but results', () => {
    expect(renderMessage(replies[0]!).components).toEqual([]);
    for (const reply of replies.slice(1)) expect(renderMessage(reply, { buttonsKey: 'k' }).components).toEqual([]);
  });

  it('keeps its own content within 2,000 characters', () => {
    expect(renderMessage(replies[2]!, { content: 'x'.repeat(3000) }).content).toHaveLength(2000);
  });
});
