import { describe, expect, it } from 'vitest';
import { RecentReplies } from '../../../src/adapters/discord/recent-replies.js';

const reply = (query: string) => ({ kind: 'results' as const, query, results: [] });

describe('RecentReplies', () => {
  it('gives each reply a short key that finds it again', () => {
    const replies = new RecentReplies();
    const key = replies.remember(reply('a'));
    expect(key).toMatch(/^[\w-]{10}$/);
    expect(replies.recall(key)?.query).toBe('a');
    expect(replies.recall('missing')).toBeUndefined();
  });

  it('forgets the oldest replies beyond its capacity', () => {
    const replies = new RecentReplies(2);
    const first = replies.remember(reply('1'));
    const second = replies.remember(reply('2'));
    const third = replies.remember(reply('3'));
    expect(replies.recall(first)).toBeUndefined();
    expect(replies.recall(second)?.query).toBe('2');
    expect(replies.recall(third)?.query).toBe('3');
  });
});
