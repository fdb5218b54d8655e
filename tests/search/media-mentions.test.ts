import { describe, expect, it } from 'vitest';
import { carriesMedia, speaksOfMedia } from '../../src/search/media-mentions.js';

describe('carriesMedia', () => {
  it('sees a tweet image link or a named picture or video', () => {
    expect(carriesMedia('Look at this pic.twitter.com/0eJtwJyS1J')).toBe(true);
    expect(carriesMedia('This VIDEO shows the drone strike')).toBe(true);
  });

  it('ignores a post with no picture', () => {
    expect(carriesMedia('The Amazon has been burning for 3 weeks https://t.co/x')).toBe(false);
    expect(carriesMedia('imagine photosynthesis')).toBe(false);
  });
});

describe('speaksOfMedia', () => {
  it('recognises fact-checks about photographs, memes and footage', () => {
    expect(speaksOfMedia('A photograph shows wedding rings taken from Holocaust victims.')).toBe(true);
    expect(speaksOfMedia('Does this meme show accurate statistics?')).toBe(true);
    expect(speaksOfMedia('Portions of the Amazon rainforest were on fire in August 2019.')).toBe(false);
  });
});
