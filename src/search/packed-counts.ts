/**
 * A posting's per-field counts (claim, title, summary) in one byte: claim 0-3 in bits 0-1, title
 * 0-3 in bits 2-3, summary 0-14 in bits 4-7. Nearly every posting fits; the few that do not are
 * stored as `ESCAPED` and their exact counts kept aside (`exactCounts`), so scores never change.
 */
export const ESCAPED = 255;

export function packCounts(claim: number, title: number, summary: number): number {
  return claim <= 3 && title <= 3 && summary <= 14 ? claim | (title << 2) | (summary << 4) : ESCAPED;
}

/** The three counts (each capped at 255) in one number, for a posting that does not pack. */
export function exactCounts(claim: number, title: number, summary: number): number {
  return Math.min(claim, 255) | (Math.min(title, 255) << 8) | (Math.min(summary, 255) << 16);
}
