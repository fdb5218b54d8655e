import { describe, expect, it } from 'vitest';
import {
  compactResultLines,
  isStale,
  matchReasonText,
  resultCardBlocks,
  verdictLine,
} from '../../../../src/adapters/slack/render/result-card.js';
import { VERDICT_STYLES } from '../../../../src/adapters/slack/verdict-style.js';
import { VERDICTS } from '../../../../src/model/verdict.js';
import { resultItem, visibleTexts } from '../fixtures.js';

const now = new Date('2026-11-28T12:00:00Z');

describe('verdictLine', () => {
  it("shows factdesk's verdict with its emoji beside the publisher's own rating", () => {
    expect(verdictLine(resultItem())).toBe(':x: *False* · rated “Total Fabrication”');
  });

  it("calls an article's label the publisher's own", () => {
    expect(verdictLine(resultItem({ kind: 'article', verdict: 'misleading', rating: 'Fact-checked' }))).toBe(
      ':warning: *Misleading* · labelled “Fact-checked” by its publisher',
    );
  });

  it('has a distinct emoji and colour for every canonical verdict', () => {
    const emojis = new Set(VERDICTS.map((verdict) => VERDICT_STYLES[verdict].emoji));
    const colours = new Set(VERDICTS.map((verdict) => VERDICT_STYLES[verdict].color));
    expect(emojis.size).toBe(VERDICTS.length);
    expect(colours.size).toBe(VERDICTS.length);
  });
});

describe('matchReasonText', () => {
  it('says how the result was found, with confidence for text matches', () => {
    expect(matchReasonText(resultItem({ reason: 'url', matchedBy: 'url', score: 1 }))).toBe('Same link');
    expect(matchReasonText(resultItem({ reason: 'text', score: 0.874 }))).toBe('Similar text (87% confidence)');
    expect(matchReasonText(resultItem({ reason: 'url-words', score: 0.6 }))).toBe('Words in the link (60% confidence)');
  });
});

describe('isStale', () => {
  it('is true only for reviews more than a year old', () => {
    expect(isStale('2025-11-27', now)).toBe(true);
    expect(isStale('2025-11-29', now)).toBe(false);
    expect(isStale(undefined, now)).toBe(false);
    expect(isStale('not a date', now)).toBe(false);
  });
});

describe('resultCardBlocks', () => {
  it('shows verdict, claim and claimant, reviewer, date, why it matched and context', () => {
    const text = visibleTexts(resultCardBlocks(resultItem(), { now })).join('\n');
    expect(text).toContain('*False*');
    expect(text).toContain('Drinking three cups of VitaBrisk tea');
    expect(text).toContain('VitaBrisk social media ads');
    expect(text).toContain('Sample Desk (fictional)');
    expect(text).toContain('2026-03-09');
    expect(text).toContain('Similar text (91% confidence)');
    expect(text).toContain('marketing survey');
  });

  it('adds a staleness note to old reviews and none to recent ones', () => {
    const old = visibleTexts(resultCardBlocks(resultItem({ date: '2023-06-02' }), { now })).join('\n');
    const recent = visibleTexts(resultCardBlocks(resultItem(), { now })).join('\n');
    expect(old).toMatch(/more than a year ago/);
    expect(recent).not.toMatch(/more than a year ago/);
  });

  it('marks sample entries as examples', () => {
    expect(visibleTexts(resultCardBlocks(resultItem({ sample: true }), { now })).join('\n')).toMatch(/not a real fact-check/);
  });

  it('names the part of a message a result answers', () => {
    const text = visibleTexts(resultCardBlocks(resultItem({ matchedPart: 'https://social.example.com/p/1' }), { now })).join('\n');
    expect(text).toContain('*Part of the message*\nhttps://social.example.com/p/1');
  });

  it('cuts long context short, within the section limit', () => {
    const blocks = resultCardBlocks(resultItem({ context: 'word '.repeat(2000) }), { now });
    for (const text of visibleTexts(blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    expect(visibleTexts(blocks).some((text) => text.endsWith('…'))).toBe(true);
  });
});

describe('compactResultLines', () => {
  it('lists each result on one line with a link to its stored URL', () => {
    const lines = compactResultLines([
      resultItem({ verdict: 'mostly-false', title: 'VitaBrisk lowers blood sugar', source: { name: 'Desk', url: 'https://factdesk.example/b' } }),
      resultItem({ verdict: 'true', title: 'No URL here', source: { name: 'Desk' } }),
    ]).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('<https://factdesk.example/b|VitaBrisk lowers blood sugar>');
    expect(lines[1]).toContain('No URL here');
    expect(lines[1]).not.toContain('<');
  });
});
