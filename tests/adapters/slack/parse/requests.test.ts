import { describe, expect, it } from 'vitest';
import { commands } from '../../../../commands/index.js';
import type { Core } from '../../../../src/core/core.js';
import {
  chatMessageFrom,
  isWatchableMessage,
  requesterFrom,
  slashCommandCall,
} from '../../../../src/adapters/slack/parse/requests.js';

const core: Pick<Core, 'findCommand'> = {
  findCommand: (name) => commands.find((command) => command.name === name.replace(/^\//, '')),
};

describe('requesterFrom', () => {
  it('scopes a Slack request to its workspace', () => {
    expect(requesterFrom({ teamId: 'T1', userId: 'U1', channelId: 'C1' }, { manageWatch: true })).toEqual({
      platform: 'slack',
      scope: 'slack:T1',
      userId: 'U1',
      channelId: 'C1',
      permissions: { manageWatch: true },
    });
  });
});

describe('slashCommandCall', () => {
  it("puts the command's text into its text option, decoded", () => {
    expect(slashCommandCall(core, '/factcheck', 'tea &amp; diabetes')).toEqual({ command: 'factcheck', options: { query: 'tea & diabetes' } });
    expect(slashCommandCall(core, '/factcheck-link', '<https://x.example/a?b=1&amp;c=2>')).toEqual({
      command: 'factcheck-link',
      options: { url: 'https://x.example/a?b=1&c=2' },
    });
    expect(slashCommandCall(core, '/factcheck-watch', ' Thread ')).toEqual({ command: 'factcheck-watch', options: { mode: 'Thread' } });
  });

  it('shows help for /factcheck help', () => {
    expect(slashCommandCall(core, '/factcheck', 'help')).toEqual({ command: 'help', options: {} });
  });

  it('passes empty text through, so the core can ask for a query', () => {
    expect(slashCommandCall(core, '/factcheck', '')).toEqual({ command: 'factcheck', options: { query: '' } });
  });
});

describe('chatMessageFrom', () => {
  it('gives the core decoded text and the marked-up links', () => {
    expect(chatMessageFrom({ text: 'Look <https://social.example.com/p/1|this>!' })).toEqual({
      text: 'Look https://social.example.com/p/1!',
      links: ['https://social.example.com/p/1'],
    });
  });

  it('treats a message without text (a file) as empty', () => {
    expect(chatMessageFrom({})).toEqual({ text: '', links: [] });
  });
});

describe('isWatchableMessage', () => {
  it('watches new messages from people, including file shares and thread broadcasts', () => {
    expect(isWatchableMessage({ user: 'U1', text: 'hi' })).toBe(true);
    expect(isWatchableMessage({ user: 'U1', subtype: 'file_share' })).toBe(true);
    expect(isWatchableMessage({ user: 'U1', subtype: 'thread_broadcast' })).toBe(true);
  });

  it('ignores bots, edits, deletions and channel joins', () => {
    expect(isWatchableMessage({ user: 'U1', bot_id: 'B1' })).toBe(false);
    expect(isWatchableMessage({ subtype: 'bot_message', bot_id: 'B1' })).toBe(false);
    expect(isWatchableMessage({ subtype: 'message_changed' })).toBe(false);
    expect(isWatchableMessage({ subtype: 'message_deleted' })).toBe(false);
    expect(isWatchableMessage({ user: 'U1', subtype: 'channel_join' })).toBe(false);
    expect(isWatchableMessage({ user: 'U1', edited: { user: 'U1', ts: '1' } })).toBe(false);
  });
});
