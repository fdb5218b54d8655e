import { MAX_QUERY_LENGTH } from '../core/lookup.js';
import type { ClaimReview } from '../model/claim-review.js';

/** A query built to find the slowest path through a lookup, with what it stands for. */
export interface WorstCaseQuery {
  name: string;
  text: string;
}

/**
 * Texts a chat user can send that make a lookup do the most work, each as long as /factcheck takes
 * (`MAX_QUERY_LENGTH`): many distinct words, one endless word (which the compound split and the
 * typo search see whole), misspellings, hashtags, numbers, links, other scripts. The bench times
 * each, so that a path whose cost grows faster than the text (one took 17 s for 4,000 letters)
 * shows up as a number, not as a bot frozen for every user. Deterministic: words are drawn from the
 * set's claims in a fixed order.
 */
export function worstCaseQueries(claims: readonly Pick<ClaimReview, 'claim'>[]): WorstCaseQuery[] {
  const words = claims.slice(0, 2_000).flatMap((claim) => claim.claim.split(/\s+/).filter(Boolean));
  const word = (index: number) => words.length === 0 ? 'claim' : words[(index * 7_919) % words.length]!;
  const wordsFrom = (count: number, shape: (text: string, index: number) => string = (text) => text) =>
    Array.from({ length: count }, (_, index) => shape(word(index), index)).join(' ');
  const fill = (text: string) => text.repeat(Math.ceil(MAX_QUERY_LENGTH / Math.max(1, text.length))).slice(0, MAX_QUERY_LENGTH);
  const cases: WorstCaseQuery[] = [
    { name: 'distinct claim words', text: wordsFrom(800) },
    { name: 'claims pasted together', text: fill(claims.slice(0, 60).map((claim) => `${claim.claim} `).join('') || 'claim ') },
    { name: 'claim words run together', text: wordsFrom(800).replace(/\s+/g, '') },
    { name: 'one letter repeated', text: fill('a') },
    { name: 'the alphabet repeated', text: fill('abcdefghijklmnopqrstuvwxyz') },
    { name: 'four endless words', text: ['a', 'b', 'c', 'd'].map((letter) => letter.repeat(MAX_QUERY_LENGTH / 4 - 1)).join(' ') },
    { name: 'every vowel mistyped', text: wordsFrom(800).replace(/[aeiou]/g, 'x') },
    { name: 'hashtags', text: wordsFrom(400, (text) => `#${text.replace(/\W/g, '')}Now`) },
    { name: 'numbers', text: Array.from({ length: 900 }, (_, index) => String(index * 37)).join(' ') },
    { name: 'links', text: Array.from({ length: 80 }, (_, index) => `https://example${index}.com/${word(index)}?utm_source=x`).join(' ') },
    { name: 'mentions', text: Array.from({ length: 400 }, (_, index) => `@user${index}`).join(' ') },
    { name: 'one word repeated', text: fill('the ') },
    { name: 'emoji', text: fill('😀🔥') },
    { name: 'Chinese', text: fill('中文字符测试') },
    { name: 'combining marks', text: fill('z̸̛̤a̷͙͝l̴̰̈g̶͔̕o̷̪͐ ') },
    { name: 'dashes and spaces before a tweet signature', text: `${fill('- ').slice(0, MAX_QUERY_LENGTH - 60)}— Jane Doe (@jdoe) September 3, 2019` },
    { name: 'a link 4,000 characters long', text: `https://example.com/${'a'.repeat(MAX_QUERY_LENGTH - 20)}` },
  ];
  return cases.map(({ name, text }) => ({ name, text: text.slice(0, MAX_QUERY_LENGTH) }));
}
