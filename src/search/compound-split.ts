export interface CompoundLimits {
  /** Most known words a split may have (default 3). */
  maxParts?: number;
  /** Longest known word (default: the whole word): no longer slice is ever looked up. */
  maxPartLength?: number;
}

/**
 * Splits a run-together word into the fewest known words ("singlepayer" → single, payer;
 * "prayforamazonia" → pray, for, amazonia), or returns undefined when no split into at most
 * `maxParts` known words exists. Dynamic programming over split points, looking up only slices no
 * longer than the longest known word: O(length × maxPartLength) lookups, so a 4,000-letter "word"
 * pasted into a chat costs milliseconds, where trying every slice took seconds.
 */
export function splitCompound(word: string, isKnown: (part: string) => boolean, limits: CompoundLimits = {}): string[] | undefined {
  const length = word.length;
  const maxParts = limits.maxParts ?? 3;
  const maxPartLength = limits.maxPartLength ?? length;
  if (length > maxParts * maxPartLength) return undefined;
  // fewest[i]: fewest known words that spell word[0, i); from[i]: where the last of them starts.
  const fewest = new Array<number>(length + 1).fill(Infinity);
  const from = new Array<number>(length + 1).fill(-1);
  fewest[0] = 0;
  for (let end = 1; end <= length; end++) {
    for (let start = Math.max(0, end - maxPartLength); start < end; start++) {
      // A split already at maxParts words cannot be extended.
      if (fewest[start]! >= maxParts || fewest[start]! + 1 >= fewest[end]!) continue;
      if (isKnown(word.slice(start, end))) {
        fewest[end] = fewest[start]! + 1;
        from[end] = start;
      }
    }
  }
  if (fewest[length]! < 2 || fewest[length]! > maxParts) return undefined;
  const parts: string[] = [];
  for (let end = length; end > 0; end = from[end]!) parts.unshift(word.slice(from[end]!, end));
  return parts;
}
