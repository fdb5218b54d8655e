import { describe, expect, it } from 'vitest';
import { renderUnfurl } from '../../../../src/adapters/slack/render/render-unfurl.js';
import { VERDICT_STYLES } from '../../../../src/adapters/slack/verdict-style.js';
import { resultItem, visibleTexts } from '../fixtures.js';

describe('renderUnfurl', () => {
  it('is a card coloured by verdict with the verdict, claim and a link to the fact-check', () => {
    const unfurl = renderUnfurl(resultItem({ reason: 'url', matchedBy: 'url', score: 1 }), new Date('2026-11-28'));
    expect(unfurl.color).toBe(VERDICT_STYLES.false.color);
    const text = visibleTexts(unfurl.blocks).join('\n');
    expect(text).toContain('*False*');
    expect(text).toContain('Same link');
    expect(JSON.stringify(unfurl.blocks)).toContain('"url":"https://factdesk.example/checks/2026/vitabrisk-tea-diabetes"');
    expect(unfurl.fallback).toMatch(/^False: /);
  });

  it('has no feedback or share buttons', () => {
    const json = JSON.stringify(renderUnfurl(resultItem()).blocks);
    expect(json).not.toContain('factdesk_share');
    expect(json).not.toContain('factdesk_wrong_match');
  });
});
