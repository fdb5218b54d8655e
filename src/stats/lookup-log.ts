import { logger } from '../log/logger.js';
import type { LookupRecord } from '../model/store-data.js';
import type { Store } from '../store/store.js';

export interface LookupLogOptions {
  /** Written at the latest this long after the first buffered lookup (default 30 s). */
  flushAfterMs?: number;
  /** Written at once when this many lookups are waiting (default 100). */
  maxBuffered?: number;
}

/** Queries are kept this long at most: enough to recognise a claim, not a whole pasted message. */
const MAX_QUERY = 300;

/**
 * Remembers lookups for `factcheck-stats` without costing a store write per lookup: records are
 * buffered in memory and written in batches. Best effort: a failed write is logged and dropped,
 * never turned into a failed lookup.
 */
export class LookupLog {
  #buffer: LookupRecord[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly options: LookupLogOptions = {},
  ) {}

  record(entry: Omit<LookupRecord, 'query' | 'at'> & { query: string; at?: string }): void {
    this.#buffer.push({ ...entry, at: entry.at ?? new Date().toISOString(), query: entry.query.trim().slice(0, MAX_QUERY) });
    if (this.#buffer.length >= (this.options.maxBuffered ?? 100)) {
      void this.flush();
    } else if (!this.#timer) {
      this.#timer = setTimeout(() => void this.flush(), this.options.flushAfterMs ?? 30_000);
      // Waiting lookups never keep a process alive (a one-shot CLI lookup exits at once).
      this.#timer.unref();
    }
  }

  /** Lookups not yet written. */
  get pending(): number {
    return this.#buffer.length;
  }

  /** Writes what is buffered; resolves once every earlier record is in the store (or dropped). */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#buffer;
    this.#buffer = [];
    this.#flushing = this.#flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.store.addLookups(batch);
      } catch (error) {
        logger.warn({ err: error, lookups: batch.length }, 'could not record lookups for stats');
      }
    });
    return this.#flushing;
  }
}
