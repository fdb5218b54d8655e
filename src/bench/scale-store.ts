import type { ClaimReview } from '../model/claim-review.js';

/** A small deterministic PRNG (mulberry32): the same seed always builds the same store. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * A store of `size` claims grown from real ones: the originals first, unchanged (so the bench's
 * judgements still hold), then variants of them with another speaker, another date, a few words
 * swapped for words of other claims and numbers changed, in claim, title and summary alike. Every
 * variant has its own strings, as entries read from a store file would.
 */
export function scaledClaims(originals: readonly ClaimReview[], size: number, seed = 2020): ClaimReview[] {
  return [...scaledClaimStream(originals, size, seed)];
}

/** `scaledClaims` one claim at a time, for filling a store without holding every claim at once. */
export function* scaledClaimStream(originals: readonly ClaimReview[], size: number, seed = 2020): Generator<ClaimReview> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const speakers = [...new Set(originals.map((claim) => claim.claimant).filter((name): name is string => Boolean(name)))];
  const vocabulary = originals.flatMap((claim) => claim.claim.split(/\s+/).filter((word) => /^[a-z]{4,}$/i.test(word)));
  const vary = (text: string | undefined, swaps: number): string | undefined => {
    if (!text) return text;
    const words = text.split(' ');
    for (let i = 0; i < swaps; i++) {
      const at = Math.floor(random() * words.length);
      if (/^[a-z]{4,}$/i.test(words[at]!)) words[at] = pick(vocabulary);
    }
    return words.map((word) => (/^\d+$/.test(word) ? String(Number(word) + 1 + Math.floor(random() * 9)) : word)).join(' ');
  };
  const kept = Math.min(size, originals.length);
  for (let i = 0; i < kept; i++) yield originals[i]!;
  for (let i = kept; i < size; i++) {
    const original = originals[i % originals.length]!;
    const date = new Date(Date.UTC(2007 + Math.floor(random() * 15), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
    yield {
      ...original,
      id: `scale-${i}`,
      claim: vary(original.claim, 2)!,
      title: vary(original.title, 1),
      summary: vary(original.summary, 4),
      claimant: speakers.length > 0 ? pick(speakers) : original.claimant,
      reviewDate: date.toISOString().slice(0, 10),
      reviewUrl: `https://factchecks.example.org/scale/${i}`,
      appearances: [],
    };
  }
}

/** Items in arrays of `size`, the last one shorter. */
export function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
