import { describe, expect, it } from 'vitest';
import { dateFromUrl, toIsoDate } from '../../src/ingest/dates.js';

describe('toIsoDate', () => {
  it.each([
    ['2019-10-30', '2019-10-30'],
    ['2025-04-28T19:23:46Z', '2025-04-28T19:23:46Z'],
    ['2019-10-30 10:00', '2019-10-30T10:00:00'],
    ['2019/10/30', '2019-10-30'],
    ['October 22, 2019', '2019-10-22'],
    ['Sept. 3 2020', '2020-09-03'],
    ['22 October 2019', '2019-10-22'],
    ['stated on October 22, 2019 in a campaign mailer.:', '2019-10-22'],
  ])('reads %s as %s', (text, iso) => {
    expect(toIsoDate(text)).toBe(iso);
  });

  it.each(['10/11/2019', 'yesterday', '2019-02-30', ''])('refuses %j: no unambiguous date', (text) => {
    expect(toIsoDate(text)).toBeUndefined();
  });
});

describe('dateFromUrl', () => {
  it('reads the date publishers put in review addresses', () => {
    expect(dateFromUrl('https://www.politifact.com/factchecks/2019/oct/30/someone/a-title/')).toBe('2019-10-30');
    expect(dateFromUrl('https://www.misbar.com/factcheck/2025/04/28/title')).toBe('2025-04-28');
    expect(dateFromUrl('https://example.org/checks/hot-water')).toBeUndefined();
  });
});
