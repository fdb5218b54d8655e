const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
/** "October 22, 2019" and "Oct. 22 2019". */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
/** "22 October 2019". */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_NAME}\\s+(\\d{4})\\b`, 'i');
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED_YEAR_FIRST = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

/**
 * Reads a date as feeds write it (`2019-10-30`, `2019-10-30 10:00:00`, `October 22, 2019`,
 * PolitiFact's "stated on October 22, 2019 in a campaign mailer.:") into ISO 8601: a timestamp
 * when it had a time, else a calendar date. Undefined when no unambiguous date is found
 * (`10/11/2019` could be either October or November).
 */
export function toIsoDate(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = ISO_LIKE.exec(trimmed);
  if (iso) {
    const [, year, month, day, time, zone] = iso;
    if (!validDay(Number(year), Number(month), Number(day))) return undefined;
    if (!time) return `${year}-${month}-${day}`;
    const seconds = time.length === 5 ? `${time}:00` : time;
    return `${year}-${month}-${day}T${seconds}${zone ?? ''}`;
  }
  const slashed = SLASHED_YEAR_FIRST.exec(trimmed);
  if (slashed) return calendarDate(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]));
  const monthFirst = MONTH_DAY_YEAR.exec(trimmed);
  if (monthFirst) return calendarDate(Number(monthFirst[3]), monthNumber(monthFirst[1]!), Number(monthFirst[2]));
  const dayFirst = DAY_MONTH_YEAR.exec(trimmed);
  if (dayFirst) return calendarDate(Number(dayFirst[3]), monthNumber(dayFirst[2]!), Number(dayFirst[1]));
  return undefined;
}

/** A fact-check's date from its address, as many publishers put it there (`/2019/oct/30/`, `/2025/04/28/`). */
export function dateFromUrl(url: string): string | undefined {
  const match = new RegExp(`/(\\d{4})/(\\d{1,2}|${MONTH_NAME})/(\\d{1,2})(?:/|$)`, 'i').exec(url);
  if (!match) return undefined;
  const month = /^\d+$/.test(match[2]!) ? Number(match[2]) : monthNumber(match[2]!);
  return calendarDate(Number(match[1]), month, Number(match[match.length - 1]));
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace('.', '').slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
}

function calendarDate(year: number, month: number, day: number): string | undefined {
  if (!validDay(year, month, day)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
