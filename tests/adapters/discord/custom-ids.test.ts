import { describe, expect, it } from 'vitest';
import { decodeActionId, decodeButtonId, decodeFormId, encodeActionId, encodeButtonId, encodeFormId } from '../../../src/adapters/discord/custom-ids.js';

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

describe('action and form custom ids', () => {
  it('point at a remembered reply action by key and position, and read back', () => {
    const id = encodeActionId('Ab_9-xYz01', 0);
    expect(id).toBe('fd:act:Ab_9-xYz01:0');
    expect(decodeActionId(id)).toEqual({ actionsKey: 'Ab_9-xYz01', index: 0 });
    expect(decodeButtonId(id)).toBeUndefined();
  });

  it('name the form command and the key of the options given with it, within 100 characters', () => {
    const id = encodeFormId('factcheck-add', 'Ab_9-xYz01');
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeFormId(id)).toEqual({ command: 'factcheck-add', optionsKey: 'Ab_9-xYz01' });
    expect(decodeFormId('fd:form:../etc:key')).toBeUndefined();
    expect(decodeActionId('fd:act:key:first')).toBeUndefined();
  });
});
