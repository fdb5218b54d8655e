import { describe, expect, it } from 'vitest';
import {
  decodeShareValue,
  decodeWrongMatchValue,
  encodeShareValue,
  encodeWrongMatchValue,
} from '../../../src/adapters/slack/interactions.js';

describe('button values', () => {
  it('round-trip a share request and a wrong-match report', () => {
    const share = { command: 'factcheck', options: { query: 'tea & <diabetes>' } };
    expect(decodeShareValue(encodeShareValue(share))).toEqual(share);
    const wrong = { query: 'tea', resultId: 'claim-1' };
    expect(decodeWrongMatchValue(encodeWrongMatchValue(wrong))).toEqual(wrong);
  });

  it('refuse values that do not fit in a Slack button', () => {
    expect(encodeShareValue({ command: 'factcheck', options: { query: 'x'.repeat(2000) } })).toBeUndefined();
    expect(encodeWrongMatchValue({ query: 'x'.repeat(2000), resultId: 'a' })).toBeUndefined();
  });

  it('decode garbage as nothing', () => {
    expect(decodeShareValue('not json')).toBeUndefined();
    expect(decodeShareValue('{"c":""}')).toBeUndefined();
    expect(decodeWrongMatchValue(undefined)).toBeUndefined();
    expect(decodeWrongMatchValue('{"q":"a"}')).toBeUndefined();
  });
});
