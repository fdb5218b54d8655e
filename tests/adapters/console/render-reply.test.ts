import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { renderReplyText } from '../../../src/adapters/console/render-reply.js';
import type { ResultItem } from '../../../src/core/reply.js';
import { resultItem } from '../../helpers/replies.js';

const plain = pc.createColors(false);
const colored = pc.createColors(true);

const result: ResultItem = resultItem({
  id: 'c1',
  title: 'VitaBrisk tea reverses diabetes',
  source: { name: 'Sample Desk (fictional)', url: 'https://factdesk.example/checks/vitabrisk' },
  date: '2026-03-02',
  context: 'No trial found any effect.',
  claimant: undefined,
  sample: true,
});

describe('renderReplyText', () => {
  it('shows verdict, publisher rating, claim, source with date, full link, context and why it matched', () => {
    const text = renderReplyText({ kind: 'results', query: 'q', results: [result] }, plain);
    expect(text).toContain('FALSE');
    expect(text).toContain('“Total Fabrication”');
    expect(text).toContain('VitaBrisk tea reverses diabetes');
    expect(text).toContain('Sample Desk (fictional), 2026-03-02');
    expect(text).toContain('https://factdesk.example/checks/vitabrisk');
    expect(text).toContain('No trial found any effect.');
    expect(text).toContain('Matched by similar text, confidence 91%');
    expect(text).toContain('sample data');
  });

  it('colours verdicts differently', () => {
    const falseText = renderReplyText({ kind: 'results', query: 'q', results: [result] }, colored);
    const trueText = renderReplyText({ kind: 'results', query: 'q', results: [{ ...result, verdict: 'true' }] }, colored);
    expect(falseText).toContain('\u001b[31m');
    expect(trueText).toContain('\u001b[32m');
  });

  it('labels link-word matches as weaker and no-match suggestions as suggestions', () => {
    const weaker = renderReplyText({ kind: 'results', query: 'q', note: 'weaker match', results: [{ ...result, reason: 'url-words' }] }, plain);
    expect(weaker).toContain('weaker match');
    expect(weaker).toContain('words of the link (weaker)');
    const none = renderReplyText({ kind: 'no-match', query: 'q', message: 'No confident match.', suggestions: [result] }, plain);
    expect(none.split('\n')[0]).toBe('No confident match.');
    expect(none).toContain('· VitaBrisk tea reverses diabetes');
    expect(none).toContain('similarity 91%');
  });

  it('calls a suggestion under 1% a weak match rather than "similarity 0%"', () => {
    const text = renderReplyText({ kind: 'no-match', query: 'q', message: 'No confident match.', suggestions: [{ ...result, score: 0.003 }] }, plain);
    expect(text).toContain('weak match');
    expect(text).not.toContain('similarity 0%');
  });

  it('tells how to take the action offered under a no-match reply', () => {
    const action = { kind: 'request-factcheck' as const, label: 'Request a fact-check', command: 'factcheck-request', options: { text: 'q' } };
    const text = renderReplyText({ kind: 'no-match', query: 'q', message: 'Nothing.', suggestions: [], actions: [action] }, plain);
    expect(text.split('\n').at(-1)).toBe('→ Request a fact-check: type /request');
  });

  it('never lets stored text drive the terminal with escape sequences', () => {
    const text = renderReplyText({ kind: 'results', query: 'q', results: [{ ...result, title: 'evil\u001b[2Jtitle', context: 'a\u0007b' }] }, plain);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('evil[2Jtitle');
  });
});
