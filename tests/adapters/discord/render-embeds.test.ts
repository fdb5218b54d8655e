import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { embedLength, fitEmbeds, renderEmbeds } from '../../../src/adapters/discord/render-embeds.js';
import { VERDICT_COLORS } from '../../../src/adapters/discord/verdict-colors.js';
import type { Reply, ResultItem } from '../../../src/core/reply.js';
import { VERDICTS } from '../../../src/model/verdict.js';

const NOW = new Date('2026-12-01T00:00:00Z');

function result(overrides: Partial<ResultItem> = {}): ResultItem {
  return {
    id: 'claim-1',
    kind: 'claim',
    title: 'The bridge was closed for 14 months.',
    verdict: 'false',
    rating: 'Pants on Fire',
    source: { name: 'Check Desk', url: 'https://checks.example/bridge' },
    date: '2026-04-10',
    context: 'Repairs took nine months.',
    claimant: 'A viral post',
    language: 'en',
    score: 0.91,
    matchedBy: 'text',
    reason: 'text',
    ...overrides,
  };
}

function results(items: ResultItem[], extra: Partial<Extract<Reply, { kind: 'results' }>> = {}): Reply {
  return { kind: 'results', query: 'bridge closed 14 months', results: items, ...extra };
}

function fieldValue(embed: APIEmbed | undefined, name: string): string | undefined {
  return embed?.fields?.find((field) => field.name === name)?.value;
}

describe('renderEmbeds: results', () => {
  it('colours the card by canonical verdict, one distinct colour per verdict', () => {
    for (const verdict of VERDICTS) {
      expect(renderEmbeds(results([result({ verdict })]), { now: NOW })[0]?.color).toBe(VERDICT_COLORS[verdict]);
    }
    expect(new Set(Object.values(VERDICT_COLORS)).size).toBe(VERDICTS.length);
  });

  it('titles the card with the claim, linked to the stored fact-check URL', () => {
    const [card] = renderEmbeds(results([result()]), { now: NOW });
    expect(card).toMatchObject({ title: 'The bridge was closed for 14 months.', url: 'https://checks.example/bridge' });
  });

  it('leaves the title unlinked when the store has no usable URL', () => {
    expect(renderEmbeds(results([result({ source: { name: 'Desk' } })]), { now: NOW })[0]?.url).toBeUndefined();
    expect(renderEmbeds(results([result({ source: { name: 'Desk', url: 'javascript:alert(1)' } })]), { now: NOW })[0]?.url).toBeUndefined();
  });

  it("shows the verdict with the publisher's own rating, the reviewer and date, the claimant and the context", () => {
    const [card] = renderEmbeds(results([result()]), { now: NOW });
    expect(fieldValue(card, 'Verdict')).toBe('**False** · rated “Pants on Fire”');
    expect(fieldValue(card, 'Checked by')).toBe('Check Desk, Apr 10, 2026');
    expect(fieldValue(card, 'Said by')).toBe('A viral post');
    expect(card?.description).toContain('Repairs took nine months.');
  });

  it('does not repeat a rating that says the same as the verdict', () => {
    expect(fieldValue(renderEmbeds(results([result({ rating: 'false' })]), { now: NOW })[0], 'Verdict')).toBe('**False**');
  });

  it('says why it matched, with the confidence and the part of a message it answers', () => {
    const byText = renderEmbeds(results([result()]), { now: NOW })[0];
    expect(fieldValue(byText, 'Why it matched')).toBe('Similar text, 91% confidence');
    const byLink = renderEmbeds(results([result({ reason: 'url', matchedBy: 'url', score: 1, matchedPart: 'https://x.example/p' })]), { now: NOW })[0];
    expect(fieldValue(byLink, 'Why it matched')).toBe('Same link as a known appearance, 100% confidence for “https://x.example/p”');
    const byLinkWords = renderEmbeds(results([result({ reason: 'url-words', score: 0.6 })], { note: 'Weaker match.' }), { now: NOW })[0];
    expect(fieldValue(byLinkWords, 'Why it matched')).toContain('Words in the link');
    expect(byLinkWords?.description).toContain('Weaker match.');
  });

  it('notes a fact-check more than a year old, and not a recent one', () => {
    expect(renderEmbeds(results([result({ date: '2023-06-02' })]), { now: NOW })[0]?.description).toContain('more than a year ago');
    expect(renderEmbeds(results([result({ date: '2026-04-10' })]), { now: NOW })[0]?.description).not.toContain('more than a year ago');
  });

  it('marks sample entries as such', () => {
    expect(renderEmbeds(results([result({ sample: true })]), { now: NOW })[0]?.description).toContain('Sample entry');
  });

  it('shows up to two more results beneath the best one', () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => result({ id, title: `Claim ${id}`, verdict: id === 'b' ? 'true' : 'false' }));
    const embeds = renderEmbeds(results(four), { now: NOW });
    expect(embeds.map((embed) => embed.title)).toEqual(['Claim a', 'Claim b', 'Claim c']);
    expect(embeds[1]?.color).toBe(VERDICT_COLORS.true);
    expect(embeds[1]?.description).toContain('**True**');
  });

  it('escapes stored text so it cannot mention anyone or disguise a link', () => {
    const hostile = result({ title: '@everyone [bbc.com](https://evil.example)', context: '<@&1> **now**', source: { name: '@here' } });
    const text = JSON.stringify(renderEmbeds(results([hostile]), { now: NOW }));
    expect(text).not.toMatch(/@(everyone|here)|<@&1>/);
    expect(text).not.toContain('[bbc.com](');
  });

  it('keeps within every embed limit whatever the input size', () => {
    const huge = 'word '.repeat(5000);
    const big = result({ title: huge, context: huge, rating: huge, claimant: huge, source: { name: huge, url: 'https://checks.example/x' }, matchedPart: huge });
    const embeds = renderEmbeds({ kind: 'results', query: huge, results: [big, big, big], note: huge }, { now: NOW });
    expect(embeds.length).toBeLessThanOrEqual(10);
    for (const embed of embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(256);
        expect(field.value.length).toBeLessThanOrEqual(1024);
      }
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    }
    expect(embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(6000);
    expect(embeds[0]?.fields?.map((field) => field.name)).toContain('Verdict');
  });
});

describe('renderEmbeds: other replies', () => {
  it('lists no-match suggestions as closest entries, linked to their fact-checks, in a neutral colour', () => {
    const [embed] = renderEmbeds({ kind: 'no-match', query: 'q', message: 'No confident match.', suggestions: [result({ score: 0.4 })] }, { now: NOW });
    expect(embed?.title).toBe('No confident match');
    expect(embed?.description).toContain('No confident match.');
    expect(embed?.description).toContain('[The bridge was closed for 14 months.](https://checks.example/bridge)');
    expect(embed?.description).toContain('40% similar');
    expect(Object.values(VERDICT_COLORS)).not.toContain(embed?.color);
  });

  it('shows notices as escaped text, red for errors', () => {
    const [error] = renderEmbeds({ kind: 'notice', tone: 'error', text: '"@everyone" does not look like a web link.' });
    expect(error?.color).toBe(0xd0021b);
    expect(error?.description).not.toContain('@everyone');
  });

  it('continues a long notice (a staff list) in further embeds, split between lines, within the limits', () => {
    const lines = Array.from({ length: 120 }, (_, index) => `${index + 1}. “A request people keep asking about, number ${index + 1}”: 3 people`);
    const embeds = renderEmbeds({ kind: 'notice', tone: 'info', text: lines.join('\n') });
    expect(embeds.length).toBeGreaterThan(1);
    expect(embeds.at(-1)!.description).toMatch(/…$/);
    for (const embed of embeds) expect(embed.description!.length).toBeLessThanOrEqual(4096);
    expect(embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(6000);
    // Whole lines only: Discord shows the escaped "\." as ".".
    const shown = embeds.map((embed) => embed.description!.replace(/\\(.)/g, '$1'));
    expect(shown[0]!.split('\n')).toEqual(lines.slice(0, shown[0]!.split('\n').length));
  });

  it('lists help commands, using the Discord way in when a command is not a slash command', () => {
    const [embed] = renderEmbeds(
      { kind: 'help', intro: 'factdesk looks claims up.', commands: [{ name: 'factcheck', description: 'Look up', usage: 'factcheck <claim>' }, { name: 'check-message', description: 'Check a message', usage: 'check-message <text>' }] },
      { commandHints: { 'check-message': 'Apps → Check claim' } },
    );
    expect(embed?.fields?.map((field) => field.name)).toEqual(['/factcheck <claim>', 'Apps → Check claim']);
  });
});

describe('fitEmbeds', () => {
  it('drops the least relevant (last) embeds first to stay within 6,000 characters and 10 embeds', () => {
    const embed = (title: string): APIEmbed => ({ title, description: 'x'.repeat(1500) });
    const fitted = fitEmbeds(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].map(embed));
    expect(fitted.map((item) => item.title)).toEqual(['a', 'b', 'c']);
  });

  it('shortens the first description when it alone is too long with its fields', () => {
    const fields = Array.from({ length: 25 }, (_, index) => ({ name: `f${index}`, value: 'v'.repeat(200) }));
    const [fitted] = fitEmbeds([{ title: 't', description: 'd'.repeat(4096), fields }]);
    expect(embedLength(fitted!)).toBeLessThanOrEqual(6000);
    expect(fitted?.fields).toHaveLength(25);
  });
});
