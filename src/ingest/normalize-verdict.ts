import { VERDICTS, type Verdict } from '../model/verdict.js';
import { foldText } from './fold-text.js';
import { RATING_SLUG_LABELS, VERDICT_TABLE, WHOLE_RATING_ONLY } from './verdict-table.js';

/** A rating as publishers give it: a text, a number on a scale, or both. */
export interface RatingInput {
  /** "Pants on Fire", "Falso", "زائف", or a canonical verdict. */
  text?: string;
  /** schema.org `ratingValue`: a number, or a number written as text. */
  value?: number | string;
  /** schema.org `bestRating` / `worstRating` (default 5 and 1). */
  best?: number | string;
  worst?: number | string;
}

/**
 * How a rating was read. `known` is false when nothing in the rating was recognised: the verdict
 * is then `other`, and the import summary lists the rating so a curator can extend the table.
 */
export interface VerdictReading {
  verdict: Verdict;
  /** The publisher's rating as it should be shown (a known slug becomes its label). */
  rating: string;
  known: boolean;
  via: 'canonical' | 'table' | 'phrase' | 'scale' | 'unknown';
}

const CANONICAL = new Map(VERDICTS.map((verdict) => [foldText(verdict), verdict] as const));
const TABLE = buildTable();
const LONGEST_PHRASE = Math.max(...[...TABLE.keys()].map((key) => key.split(' ').length));

/** Reads a rating onto the canonical scale; undefined when there is no rating at all. */
export function readVerdict(input: RatingInput): VerdictReading | undefined {
  const text = input.text?.trim() || undefined;
  const value = toNumber(input.value);
  if (text === undefined && value === undefined) {
    const raw = typeof input.value === 'string' ? input.value.trim() : '';
    return raw ? readVerdict({ text: raw }) : undefined;
  }
  const rating = text !== undefined ? (RATING_SLUG_LABELS[text.toLowerCase()] ?? text) : describeValue(value!, input);
  if (text !== undefined) {
    const key = foldText(text);
    const canonical = CANONICAL.get(key);
    if (canonical) return { verdict: canonical, rating, known: true, via: 'canonical' };
    const listed = TABLE.get(key);
    if (listed) return { verdict: listed, rating, known: true, via: 'table' };
  }
  const scaled = value !== undefined ? onScale(value, toNumber(input.best) ?? 5, toNumber(input.worst) ?? 1) : undefined;
  if (scaled) return { verdict: scaled, rating, known: true, via: 'scale' };
  const phrased = text !== undefined ? findInPhrase(foldText(text)) : undefined;
  if (phrased) return { verdict: phrased, rating, known: true, via: 'phrase' };
  return { verdict: 'other', rating, known: false, via: 'unknown' };
}

/** Every table text, folded, with its verdict; a text listed under two verdicts is a bug in the table. */
function buildTable(): Map<string, Verdict> {
  const table = new Map<string, Verdict>();
  for (const [language, byVerdict] of Object.entries(VERDICT_TABLE)) {
    for (const [verdict, texts] of Object.entries(byVerdict) as [Verdict, readonly string[]][]) {
      for (const text of texts) {
        const key = foldText(text);
        const existing = table.get(key);
        if (existing && existing !== verdict) {
          throw new Error(`verdict table: "${text}" (${language}) is listed as both ${existing} and ${verdict}`);
        }
        table.set(key, verdict);
      }
    }
  }
  return table;
}

/**
 * The table's texts found inside a longer rating ("…ووجد أنه مضلل إذ أن…"): used only when they all
 * agree. Everyday words ("real", "correct") never decide alone, but still veto: "the photo is
 * real but the caption is false" names two verdicts, so none is chosen.
 */
function findInPhrase(key: string): Verdict | undefined {
  const words = key.split(' ');
  if (words.length < 2) return undefined;
  const decisive = new Set<Verdict>();
  const all = new Set<Verdict>();
  for (let start = 0; start < words.length; ) {
    let matched = 0;
    for (let length = Math.min(LONGEST_PHRASE, words.length - start); length >= 1; length--) {
      const phrase = words.slice(start, start + length).join(' ');
      const verdict = TABLE.get(phrase) ?? CANONICAL.get(phrase);
      if (verdict) {
        all.add(verdict);
        if (!WHOLE_RATING_ONLY.has(phrase)) decisive.add(verdict);
        matched = length;
        break;
      }
    }
    start += Math.max(1, matched);
  }
  return decisive.size === 1 && all.size === 1 ? [...decisive][0] : undefined;
}

/** A value on a best/worst scale, in five steps from false to true; undefined when off the scale. */
function onScale(value: number, best: number, worst: number): Verdict | undefined {
  if (best === worst) return undefined;
  const position = (value - worst) / (best - worst);
  if (position < 0 || position > 1) return undefined;
  if (position < 0.125) return 'false';
  if (position < 0.375) return 'mostly-false';
  if (position < 0.625) return 'mixed';
  if (position < 0.875) return 'mostly-true';
  return 'true';
}

function describeValue(value: number, input: RatingInput): string {
  return `${value} of ${toNumber(input.best) ?? 5}`;
}

function toNumber(value: number | string | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : undefined;
}
