import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/ingest/fold-text.js';
import { readVerdict } from '../../src/ingest/normalize-verdict.js';
import { VERDICT_TABLE } from '../../src/ingest/verdict-table.js';
import type { Verdict } from '../../src/model/verdict.js';

describe('readVerdict: publishers’ rating texts onto the canonical scale', () => {
  it.each<[language: string, rating: string, verdict: Verdict]>([
    ['en', 'Pants on Fire', 'false'],
    ['en', 'Pants on Fire!', 'false'],
    ['en', 'Four Pinocchios', 'false'],
    ['en', 'Three Pinocchios', 'mostly-false'],
    ['en', 'One Pinocchio', 'mostly-true'],
    ['en', 'Half True', 'mixed'],
    ['en', 'Barely True', 'mostly-false'],
    ['en', 'Mostly True', 'mostly-true'],
    ['en', 'Missing context', 'misleading'],
    ['en', 'Miscaptioned', 'misleading'],
    ['en', 'Mixture', 'mixed'],
    ['en', 'Unproven', 'unproven'],
    ['en', 'Labeled Satire', 'satire'],
    ['en', 'Correct Attribution', 'true'],
    ['en', 'Misattributed', 'false'],
    ['en', 'Full Flop', 'other'],
    ['en', 'No Flip', 'other'],
    ['en', '❌ FALSE!', 'false'],
    ['es', 'Falso', 'false'],
    ['es', 'Engañoso', 'misleading'],
    ['es', 'Verdad a medias', 'mixed'],
    ['es', 'Verdadero pero', 'mostly-true'],
    ['es', 'Sátira', 'satire'],
    ['pt', 'Falso', 'false'],
    ['pt', 'Enganoso', 'misleading'],
    ['pt', 'Verdadeiro', 'true'],
    ['pt', 'Insustentável', 'unproven'],
    ['fr', 'Faux', 'false'],
    ['fr', 'Plutôt vrai', 'mostly-true'],
    ['fr', 'Trompeur', 'misleading'],
    ['fr', 'Partiellement faux', 'mixed'],
    ['de', 'Irreführend', 'misleading'],
    ['de', 'Falsch', 'false'],
    ['de', 'Größtenteils richtig', 'mostly-true'],
    ['de', 'Unbelegt', 'unproven'],
    ['ar', 'زائف', 'false'],
    ['ar', 'مضلّل', 'misleading'],
    ['ar', 'مضلل', 'misleading'],
    ['ar', 'إشاعة', 'false'],
    ['ar', 'اشاعة', 'false'],
    ['ar', 'صحيح جزئياً', 'mixed'],
    ['ar', 'صحيح جزئيًا', 'mixed'],
    ['ar', 'صحيح', 'true'],
    ['ar', 'غير مثبت', 'unproven'],
    ['ru', 'Фейк', 'false'],
    ['ru', 'Полуправда', 'mixed'],
    ['ru', 'Манипуляция', 'misleading'],
    ['ru', 'Правда', 'true'],
  ])('%s: “%s” is %s, and the original text is kept as the rating', (_language, rating, verdict) => {
    expect(readVerdict({ text: rating })).toMatchObject({ verdict, rating, known: true });
  });

  it('takes canonical verdicts as they are', () => {
    expect(readVerdict({ text: 'mostly-false' })).toMatchObject({ verdict: 'mostly-false', via: 'canonical' });
    expect(readVerdict({ text: 'Misleading' })).toMatchObject({ verdict: 'misleading', via: 'canonical' });
  });

  it('shows PolitiFact’s rating slugs by the labels the publisher uses', () => {
    expect(readVerdict({ text: 'pants-fire' })).toEqual({ verdict: 'false', rating: 'Pants on Fire', known: true, via: 'table' });
    expect(readVerdict({ text: 'barely-true' })).toMatchObject({ verdict: 'mostly-false', rating: 'Mostly False' });
    expect(readVerdict({ text: 'half-flip' })).toMatchObject({ verdict: 'other', rating: 'Half Flip', known: true });
  });

  it.each<[value: number | string, best: number | string | undefined, worst: number | string | undefined, verdict: Verdict]>([
    [1, 5, 1, 'false'],
    [2, 5, 1, 'mostly-false'],
    ['3', '5', '1', 'mixed'],
    [4, undefined, undefined, 'mostly-true'],
    [5, 5, 1, 'true'],
    [0, 1, 0, 'false'],
    ['1', '1', '0', 'true'],
    [7, 10, 0, 'mostly-true'],
  ])('reads ratingValue %s on a best %s / worst %s scale as %s', (value, best, worst, verdict) => {
    expect(readVerdict({ value, best, worst })).toMatchObject({ verdict, known: true, via: 'scale' });
  });

  it('prefers a known rating text over the number beside it', () => {
    expect(readVerdict({ text: 'Misleading', value: 1, best: 5, worst: 1 })).toMatchObject({ verdict: 'misleading' });
  });

  it('reads a rating text written into ratingValue', () => {
    expect(readVerdict({ value: 'False' })).toMatchObject({ verdict: 'false', rating: 'False' });
  });

  it('finds the verdict inside an explanation when every verdict word in it agrees', () => {
    const explanation = 'تحقق يوب يوب من الادعاء ووجد أنه مضلل إذ أن الفيديو نشر في يوليو 2022';
    expect(readVerdict({ text: explanation })).toMatchObject({ verdict: 'misleading', known: true, via: 'phrase', rating: explanation });
  });

  it('does not guess when an explanation names different verdicts', () => {
    expect(readVerdict({ text: 'The photo is real but the caption is false' })).toMatchObject({ verdict: 'other', known: false });
  });

  it('maps unknown ratings and values off the scale to other, marked unknown', () => {
    expect(readVerdict({ text: 'Spicy' })).toEqual({ verdict: 'other', rating: 'Spicy', known: false, via: 'unknown' });
    expect(readVerdict({ value: 9, best: 5, worst: 1 })).toMatchObject({ verdict: 'other', known: false, rating: '9 of 5' });
  });

  it('has nothing to read when there is no rating', () => {
    expect(readVerdict({})).toBeUndefined();
    expect(readVerdict({ text: '  ' })).toBeUndefined();
  });

  it('covers English, Spanish, Portuguese, French, German, Arabic and Russian, each text once', () => {
    expect(Object.keys(VERDICT_TABLE)).toEqual(expect.arrayContaining(['en', 'es', 'pt', 'fr', 'de', 'ar', 'ru']));
    const seen = new Map<string, Verdict>();
    for (const byVerdict of Object.values(VERDICT_TABLE)) {
      for (const [verdict, texts] of Object.entries(byVerdict) as [Verdict, string[]][]) {
        for (const text of texts) {
          const key = foldText(text);
          expect(seen.get(key) ?? verdict, `"${text}" is listed under two verdicts`).toBe(verdict);
          seen.set(key, verdict);
          expect(readVerdict({ text })?.verdict, `"${text}"`).toBe(verdict);
        }
      }
    }
  });
});
