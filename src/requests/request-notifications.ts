import type { Requester } from '../core/command.js';
import type { Reply, ResultItem } from '../core/reply.js';
import { logger } from '../log/logger.js';
import type { FactcheckRequest, RequestAsker } from '../model/store-data.js';
import type { Store } from '../store/store.js';
import type { NotificationTarget, Notifier } from './notifier.js';
import { requestMessages } from './request-messages.js';

/** After this many failed deliveries to one asker, factdesk stops trying. */
export const MAX_DELIVERY_FAILURES = 3;
const DEFAULT_INTERVAL_MS = 60_000;

export interface RequestNotificationsOptions {
  store: Store;
  /** Builds the answer's results; a fact-check this process has not indexed yet waits for a restart. */
  lookup: { resultFor(id: string, score?: number): Promise<ResultItem | undefined> };
  /** Only askers on this platform are notified by this instance: each adapter drains its own. */
  platform: Requester['platform'];
  notifier: Notifier;
  /** How often to look for newly answered requests (default one minute). */
  intervalMs?: number;
  now?: () => Date;
}

/**
 * Tells people that the fact-check they asked for is published. Answered requests are stored
 * with each asker's `notifiedAt` empty until told, so whatever answered them (a curator's
 * `factcheck-add` in this process, a CLI import while the bot was down, another process sharing
 * PostgreSQL) the running bot delivers it: at start, every `intervalMs`, and whenever an adapter
 * calls `drain()` (after a command that may have answered requests). Delivery is at least once
 * per asker: marked only after the notifier succeeded.
 */
export class RequestNotifications {
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<number> | undefined;

  constructor(private readonly options: RequestNotificationsOptions) {}

  /** Drains now, then every interval, until `stop()`. */
  start(): void {
    void this.drain();
    this.#timer = setInterval(() => void this.drain(), this.options.intervalMs ?? DEFAULT_INTERVAL_MS);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Delivers every pending notification for this platform; resolves to how many were delivered. Never rejects. */
  drain(): Promise<number> {
    // One drain at a time, so nobody is told twice by overlapping runs.
    this.#draining ??= this.run()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'request notifications failed');
        return 0;
      })
      .finally(() => (this.#draining = undefined));
    return this.#draining;
  }

  private async run(): Promise<number> {
    const { store, platform } = this.options;
    const answered = await store.listRequests({ status: 'answered' });
    const outcomes = new Map<string, { delivered: RequestAsker[]; failed: RequestAsker[] }>();
    let delivered = 0;
    for (const request of answered) {
      const pending = request.askers.filter(
        (asker) => asker.platform === platform && !asker.notifiedAt && (asker.failures ?? 0) < MAX_DELIVERY_FAILURES,
      );
      if (pending.length === 0) continue;
      const reply = await this.replyFor(request);
      if (!reply) continue;
      const outcome = { delivered: [] as RequestAsker[], failed: [] as RequestAsker[] };
      for (const [target, askers] of groupByPlace(pending, platform)) {
        try {
          await this.options.notifier.notify(target, reply);
          outcome.delivered.push(...askers);
          delivered += askers.length;
        } catch (error) {
          logger.warn({ err: error, request: request.id, scope: target.scope, channel: target.channelId }, 'could not deliver a fact-check request notification');
          outcome.failed.push(...askers);
        }
      }
      outcomes.set(request.id, outcome);
    }
    if (outcomes.size > 0) await this.mark(outcomes);
    return delivered;
  }

  private async replyFor(request: FactcheckRequest): Promise<Reply | undefined> {
    const answers = request.answer?.results ?? [];
    const results = (await Promise.all(answers.map((answer) => this.options.lookup.resultFor(answer.id, answer.score)))).filter(
      (result): result is ResultItem => result !== undefined,
    );
    if (results.length === 0) return undefined;
    return { kind: 'results', query: request.text, results, note: requestMessages.answered(request.text, request.firstAskedAt) };
  }

  private async mark(outcomes: Map<string, { delivered: RequestAsker[]; failed: RequestAsker[] }>): Promise<void> {
    const at = (this.options.now?.() ?? new Date()).toISOString();
    await this.options.store.changeRequests([...outcomes.keys()], (current, id) => {
      const outcome = outcomes.get(id);
      if (!current || !outcome) return undefined;
      return {
        ...current,
        askers: current.askers.map((asker) => {
          if (outcome.delivered.some((done) => sameAsk(done, asker))) return { ...asker, notifiedAt: at };
          if (outcome.failed.some((failed) => sameAsk(failed, asker))) return { ...asker, failures: (asker.failures ?? 0) + 1 };
          return asker;
        }),
      };
    });
  }
}

/** Askers grouped by where they asked: one message per channel, mentioning everyone who asked there. */
function groupByPlace(askers: readonly RequestAsker[], platform: Requester['platform']): Map<NotificationTarget, RequestAsker[]> {
  const groups = new Map<string, { target: NotificationTarget; askers: RequestAsker[] }>();
  for (const asker of askers) {
    const key = `${asker.scope}\n${asker.channelId ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { target: { platform, scope: asker.scope, ...(asker.channelId ? { channelId: asker.channelId } : {}), userIds: [] }, askers: [] };
      groups.set(key, group);
    }
    group.askers.push(asker);
    if (asker.userId && !group.target.userIds.includes(asker.userId)) group.target.userIds.push(asker.userId);
  }
  return new Map([...groups.values()].map((group) => [group.target, group.askers]));
}

function sameAsk(a: RequestAsker, b: RequestAsker): boolean {
  return a.platform === b.platform && a.scope === b.scope && a.channelId === b.channelId && a.userId === b.userId && a.at === b.at;
}
