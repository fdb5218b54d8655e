import { describe, expect, it } from 'vitest';
import { decodeButtonId, encodeButtonId } from '../../../src/adapters/discord/custom-ids.js';

describe('button custom ids', () => {
  it('carry the action, the reply key and the result id, and read back', () => {
    const id = encodeButtonId('wrong', 'Ab_9-xYz01', 'claim-vitabrisk:cures', 0);
    expect(id).toBe('fd:wrong:Ab_9-xYz01:claim-vitabrisk:cures');
    expect(decodeButtonId(id)).toEqual({ action: 'wrong', replyKey: 'Ab_9-xYz01', result: { id: 'claim-vitabrisk:cures' } });
  });

  it('fall back to the result position when the id would pass 100 characters', () => {
    const id = encodeButtonId('share', 'key', 'x'.repeat(120), 2);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeButtonId(id)).toEqual({ action: 'share', replyKey: 'key', result: { index: 2 } });
  });

  it("ignore ids that are not factdesk's", () => {
    expect(decodeButtonId('other-bot:share:1')).toBeUndefined();
    expect(decodeButtonId('fd:delete:key:1')).toBeUndefined();
  });
});
