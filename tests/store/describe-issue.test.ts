import { describe, expect, it } from 'vitest';
import { storeDataSchema } from '../../src/model/store-data.js';
import { describeFirstIssue } from '../../src/store/describe-issue.js';
import { channelSetting, claim, invalidClaim } from './sample-data.js';

function describeStore(input: unknown): string {
  const parsed = storeDataSchema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be invalid');
  return describeFirstIssue(parsed.error, input);
}

describe('describeFirstIssue', () => {
  it('names the collection, index and id of the first bad record, then the field', () => {
    expect(describeStore({ claims: [claim('ok'), invalidClaim('bad-1'), invalidClaim('bad-2')] })).toMatch(
      /^claims\[1\] \(id "bad-1"\): verdict: Invalid option: expected one of "false"\|.* \(and 1 more problem\)$/,
    );
  });

  it('spells nested fields the way they sit in the file', () => {
    const bad = { ...claim('c1'), reviewer: { name: 'X', url: 'not a url' }, appearances: ['https://ok.example', 'nope'] };
    expect(describeStore({ claims: [bad] })).toMatch(/^claims\[0\] \(id "c1"\): reviewer\.url: .+ \(and \d+ more problems\)$/);
  });

  it('names a channel setting by its key', () => {
    const bad = { ...channelSetting('slack:T:C', 'off'), mode: 'loud' };
    expect(describeStore({ channelSettings: [bad] })).toMatch(/^channelSettings\[0\] \(channelKey "slack:T:C"\): mode: /);
  });

  it('says which record when it has no id at all', () => {
    expect(describeStore({ claims: ['just text'] })).toMatch(/^claims\[0\]: Invalid input: expected object/);
  });

  it('describes problems outside any record', () => {
    expect(describeStore({ version: 2 })).toMatch(/^version: Invalid input: expected 1/);
    expect(describeStore([])).toMatch(/^Invalid input: expected object, received array$/);
  });
});
