/** Zero-width characters, bidi controls and the soft hyphen: invisible, but they split or glue words. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\u061C\uFEFF]/g;

/** Scripts whose combining marks are accents (é, ё, ά): dropping them is folding, not damage. */
const ACCENTED_BASE = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

/**
 * Arabic harakat, superscript alef and Quranic annotation marks, plus Hebrew points: optional
 * vocalisation. Devanagari, Thai and other Indic marks are not here: there they are letters.
 */
const OPTIONAL_VOWEL_MARK = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0591-\u05C7]/u;

const COMBINING_MARK = /\p{M}/u;

/** Typographic variants NFKC keeps apart but a reader does not. */
const TYPOGRAPHIC: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u02BC': "'",
  '\u201C': '"',
  '\u201D': '"',
  ß: 'ss',
  ς: 'σ',
  '\u0640': '', // Arabic tatweel only stretches a word.
};
const TYPOGRAPHIC_PATTERN = new RegExp(`[${Object.keys(TYPOGRAPHIC).join('')}]`, 'gu');

/**
 * Folds text to the form the index compares: Unicode NFKC, lower case, accents and optional
 * vowel marks removed, invisible characters removed, whitespace collapsed. Letters of every
 * script survive; only marks that are decoration on their base letter are dropped.
 */
export function normalizeText(text: string): string {
  const folded = text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(TYPOGRAPHIC_PATTERN, (char) => TYPOGRAPHIC[char] ?? char);
  return stripFoldableMarks(folded).replace(/\s+/gu, ' ').trim();
}

function stripFoldableMarks(text: string): string {
  // Plain ASCII has no marks to strip; most text is, so skip the decompose/recompose round trip.
  if (!/[^\x00-\x7F]/.test(text)) return text;
  let out = '';
  let baseIsAccented = false;
  for (const char of text.normalize('NFD')) {
    if (COMBINING_MARK.test(char)) {
      if (baseIsAccented || OPTIONAL_VOWEL_MARK.test(char)) continue;
    } else {
      baseIsAccented = ACCENTED_BASE.test(char);
    }
    out += char;
  }
  return out.normalize('NFC');
}
