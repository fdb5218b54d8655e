import type { Requester } from '../../../core/command.js';
import type { Core } from '../../../core/core.js';
import type { ChatMessage } from '../../../core/message-check.js';
import { decodeSlackText } from './slack-markup.js';

/** Where a Slack request came from; `team_id` scopes feedback and channel settings to one workspace. */
export interface SlackOrigin {
  teamId: string;
  userId?: string;
  channelId?: string;
}

export function requesterFrom(origin: SlackOrigin, permissions?: Requester['permissions']): Requester {
  return {
    platform: 'slack',
    scope: `slack:${origin.teamId}`,
    ...(origin.userId ? { userId: origin.userId } : {}),
    ...(origin.channelId ? { channelId: origin.channelId } : {}),
    ...(permissions ? { permissions } : {}),
  };
}

/** A command run through the core: its name and raw (unvalidated) options. */
export interface DispatchCall {
  command: string;
  options: Record<string, unknown>;
}

/**
 * `/factcheck some claim` → `factcheck {query: "some claim"}`: the text goes to the command's
 * `textOption`, decoded from Slack markup. `/factcheck help` shows help.
 */
export function slashCommandCall(core: Pick<Core, 'findCommand'>, slashCommand: string, rawText: string): DispatchCall {
  const name = slashCommand.replace(/^\//, '').toLowerCase();
  const text = decodeSlackText(rawText).text.trim();
  if (name === 'factcheck' && text.toLowerCase() === 'help') return { command: 'help', options: {} };
  const option = core.findCommand(name)?.textOption;
  return { command: name, options: option ? { [option]: text } : {} };
}

/** The fields of a Slack message factdesk reads (events and shortcut payloads share them). */
export interface SlackMessageFields {
  text?: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  ts?: string;
  thread_ts?: string;
  edited?: unknown;
}

/** A Slack message as the core's ChatMessage: decoded text plus the links Slack marked up. */
export function chatMessageFrom(message: Pick<SlackMessageFields, 'text'>): ChatMessage {
  const decoded = decodeSlackText(message.text ?? '');
  return { text: decoded.text, links: decoded.links };
}

/** Subtypes that are still a person posting something new (a file with a comment, a thread reply sent to the channel). */
const WATCHED_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** Only new messages by people are watched: not bots (factdesk included), edits, deletions or joins. */
export function isWatchableMessage(message: SlackMessageFields): boolean {
  return WATCHED_SUBTYPES.has(message.subtype) && !message.bot_id && Boolean(message.user) && !message.edited;
}
