const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Twitter's embed signature ends a pasted post with the day it was posted: "— Name (@handle) January 6, 2020". */
const SIGNATURE_DATE = new RegExp(`\\(@\\w+\\)\\s+(${MONTHS.join('|')})\\s+\\d{1,2},\\s+(\\d{4})\\s*$`, 'iu');

export interface PostDate {
  year: number;
  /** 0 = January. */
  month: number;
}

/** When a pasted post was posted, from its signature line; undefined for any other text. */
export function postDate(raw: string): PostDate | undefined {
  const match = SIGNATURE_DATE.exec(raw);
  if (!match) return undefined;
  return { year: Number(match[2]), month: MONTHS.indexOf(match[1]!.toLowerCase()) };
}

const MONTH_YEAR = new RegExp(`\\b(${MONTHS.join('|')})(?:\\s+\\d{1,2})?,?\\s+(\\d{4})\\b`, 'giu');

/**
 * Whether a fact-check names the month a post was made in ("in March 2019"): a post mostly
 * retells what just happened, and a check dated by its event is then about that post's event.
 * (Years alone, the same or another, told nothing on the train splits.)
 */
export function namesMonth(posted: PostDate, ...texts: (string | undefined)[]): boolean {
  const year = String(posted.year);
  for (const text of texts) {
    // Most claims name no year: a plain substring test spares them the pattern.
    if (!text?.includes(year)) continue;
    for (const match of text.matchAll(MONTH_YEAR)) {
      if (Number(match[2]) === posted.year && MONTHS.indexOf(match[1]!.toLowerCase()) === posted.month) return true;
    }
  }
  return false;
}
