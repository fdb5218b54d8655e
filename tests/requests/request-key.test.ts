import { describe, expect, it } from 'vitest';
import { requestIdentity } from '../../src/requests/request-key.js';

describe('requestIdentity: when two asks are the same request', () => {
  it('treats the same text in another case, spacing or punctuation as the same request', () => {
    expect(requestIdentity('Eating glass boosts immunity!').id).toBe(requestIdentity('  eating glass   boosts immunity ').id);
    expect(requestIdentity('Eating glass boosts immunity').id).not.toBe(requestIdentity('Eating sand boosts immunity').id);
  });

  it('treats the same link with other tracking parameters as the same request, and keeps it canonical', () => {
    const first = requestIdentity('https://www.news.example.com/story?utm_source=x');
    expect(first.id).toBe(requestIdentity('news.example.com/story').id);
    expect(first.links).toEqual(['https://news.example.com/story']);
  });

  it('collects the links inside a text', () => {
    expect(requestIdentity('Is this true? https://social.example.com/p/1 and www.news.example.com/a').links).toEqual([
      'https://social.example.com/p/1',
      'https://news.example.com/a',
    ]);
  });
});
