import { describe, expect, it } from 'vitest';
import {
  decodeFormMetadata,
  decodeShareValue,
  decodeWrongMatchValue,
  encodeFormMetadata,
  encodeShareValue,
  encodeWrongMatchValue,
  REPLY_ACTION_PATTERN,
  replyActionId,
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

describe('reply actions and forms', () => {
  it('give each action button of a reply its own action id, all matched by one listener', () => {
    expect(replyActionId(0)).not.toBe(replyActionId(1));
    expect([replyActionId(0), replyActionId(12)].every((id) => REPLY_ACTION_PATTERN.test(id))).toBe(true);
    expect(REPLY_ACTION_PATTERN.test('factdesk_share')).toBe(false);
  });

  it("round-trip a form's metadata: the command, its channel and its response_url", () => {
    const metadata = { command: 'factcheck-add', channelId: 'C0DESK', responseUrl: 'https://hooks.slack.com/commands/T0/1/abc' };
    expect(decodeFormMetadata(encodeFormMetadata(metadata))).toEqual(metadata);
    expect(decodeFormMetadata(encodeFormMetadata({ command: 'factcheck-add' }))).toEqual({ command: 'factcheck-add' });
    expect(decodeFormMetadata('{"c":"factcheck-add","r":"not a url"}')).toBeUndefined();
    expect(decodeFormMetadata(undefined)).toBeUndefined();
  });
});
