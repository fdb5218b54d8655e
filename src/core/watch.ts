import type { Requester } from './command.js';
import type { Store } from '../store/store.js';
import type { WatchMode } from '../model/store-data.js';
import type { LookupService } from './lookup.js';
import { checkMessage, type ChatMessage } from './message-check.js';
import type { Reply } from './reply.js';

export const WATCH_MODE_DESCRIPTIONS: Readonly<Record<WatchMode, string>> = Object.freeze({
  off: 'factdesk does not watch this channel and never posts in it publicly; slash commands are answered privately.',
  commands: 'factdesk answers slash commands only (the default).',
  thread: 'factdesk replies in a thread to messages that match a fact-check rated other than true.',
  reply: 'factdesk replies to messages that match a fact-check rated other than true.',
  moderators: 'matching messages are reported to the moderators’ channel instead of answered here.',
});

/** The same fact-check is not repeated in the same channel within this window. */
export const DEFAULT_WATCH_COOLDOWN_MS = 60 * 60 * 1000;

/** `platform:scope:channel`, the key channel settings are stored under. */
export function channelKeyOf(requester: Pick<Requester, 'platform' | 'scope' | 'channelId'>): string | undefined {
  if (!requester.channelId) return undefined;
  return `${requester.platform}:${requester.scope}:${requester.channelId}`;
}

export interface WatchDecision {
  /** `thread`/`reply` answer in place; `moderators` reports to the moderators' channel. */
  mode: Extract<WatchMode, 'thread' | 'reply' | 'moderators'>;
  reply: Extract<Reply, { kind: 'results' }>;
}

/**
 * Decides whether a message in a watched channel deserves an unprompted answer: only a confident
 * match to a fact-check rated other than true, and never the same fact-check twice in a cooldown.
 */
export class ChannelWatcher {
  private readonly lastPosted = new Map<string, number>();

  constructor(
    private readonly lookup: LookupService,
    private readonly store: Store,
    private readonly options: { cooldownMs?: number; now?: () => number } = {},
  ) {}

  async modeFor(requester: Pick<Requester, 'platform' | 'scope' | 'channelId'>): Promise<WatchMode> {
    const key = channelKeyOf(requester);
    if (!key) return 'commands';
    return (await this.store.getChannelSetting(key))?.mode ?? 'commands';
  }

  async consider(message: ChatMessage, requester: Requester): Promise<WatchDecision | undefined> {
    const mode = await this.modeFor(requester);
    if (mode !== 'thread' && mode !== 'reply' && mode !== 'moderators') return undefined;
    if (!message.text.trim() && (message.links?.length ?? 0) === 0) return undefined;

    // Nobody asked: a watched message is not a lookup for the stats.
    const reply = await checkMessage(this.lookup, message, { scope: requester.scope, record: false });
    if (reply.kind !== 'results') return undefined;
    const now = (this.options.now ?? Date.now)();
    const cooldown = this.options.cooldownMs ?? DEFAULT_WATCH_COOLDOWN_MS;
    const channel = channelKeyOf(requester)!;
    const fresh = reply.results.filter((result) => {
      if (result.verdict === 'true') return false;
      const last = this.lastPosted.get(`${channel}|${result.id}`);
      return last === undefined || now - last >= cooldown;
    });
    if (fresh.length === 0) return undefined;
    for (const result of fresh) this.lastPosted.set(`${channel}|${result.id}`, now);
    return { mode, reply: { ...reply, results: fresh } };
  }
}
