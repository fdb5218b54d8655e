/** Arabic letter variants that spelling uses interchangeably in ratings ("اشاعة" / "إشاعة"). */
const ARABIC_VARIANTS: Record<string, string> = { ى: 'ي', ة: 'ه', '\u0640': '' };
const ARABIC_PATTERN = /[ىة\u0640]/gu;

/**
 * Folds text to the form ratings and near-duplicate claims are compared in: lower case, no
 * accents or vowel marks (so "Enganoso" matches "Engañoso", "مضلّل" matches "مضلل"), Arabic letter
 * variants unified, every run of punctuation, symbols and spaces one space ("❌ FALSE!" → "false",
 * `A "law"` → `a law`).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(ARABIC_PATTERN, (char) => ARABIC_VARIANTS[char] ?? char)
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
