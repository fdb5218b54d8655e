import { describe, expect, it } from 'vitest';
import { namesMonth, postDate } from '../../src/search/post-date.js';

describe('postDate', () => {
  it('reads the day a pasted tweet was posted from its signature line', () => {
    expect(postDate('Houses underwater pic.twitter.com/x — Nick Miroff (@NickMiroff) March 27, 2019')).toEqual({ year: 2019, month: 2 });
  });

  it('finds no date in text without a signature, or with a date elsewhere', () => {
    expect(postDate('On March 27, 2019 the river rose.')).toBeUndefined();
    expect(postDate('Workers today are working longer hours for lower wages.')).toBeUndefined();
  });
});

describe('namesMonth', () => {
  const march2019 = { year: 2019, month: 2 };

  it('holds when the claim or its title names the month and year of the post', () => {
    expect(namesMonth(march2019, 'Migrants were housed under a bridge in El Paso in March 2019.')).toBe(true);
    expect(namesMonth(march2019, 'Nothing dated here.', 'Floods of March 14, 2019 in Nebraska')).toBe(true);
  });

  it('does not hold for another month, another year, or a year alone', () => {
    expect(namesMonth(march2019, 'An event in April 2019.')).toBe(false);
    expect(namesMonth(march2019, 'An event in March 2018.')).toBe(false);
    expect(namesMonth(march2019, 'An event in 2019.', undefined)).toBe(false);
  });
});
