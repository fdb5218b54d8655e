/**
 * Splits a run-together word into the fewest known words ("singlepayer" → single, payer;
 * "prayforamazonia" → pray, for, amazonia), or returns undefined when no split into at most
 * `maxParts` known words exists. Dynamic programming over split points: O(length²) lookups.
 */
export function splitCompound(word: string, isKnown: (part: string) => boolean, maxParts = 3): string[] | undefined {
  const length = word.length;
  // fewest[i]: fewest known words that spell word[0, i); from[i]: where the last of them starts.
  const fewest = new Array<number>(length + 1).fill(Infinity);
  const from = new Array<number>(length + 1).fill(-1);
  fewest[0] = 0;
  for (let end = 1; end <= length; end++) {
    for (let start = 0; start < end; start++) {
      if (fewest[start]! + 1 >= fewest[end]!) continue;
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
