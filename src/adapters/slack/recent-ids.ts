/** Slack retries an event it thinks we missed for up to about an hour; remember ids a bit longer. */
const DEFAULT_TTL_MS = 90 * 60 * 1000;
const DEFAULT_MAX_IDS = 10_000;

/**
 * A small TTL set that answers "have we seen this id before?", so a retried delivery (same
 * `event_id`, `X-Slack-Retry-Num` set) is handled once. Oldest ids go first when it is full.
 */
export class RecentIds {
  private readonly seenAt = new Map<string, number>();

  constructor(private readonly options: { ttlMs?: number; maxIds?: number; now?: () => number } = {}) {}

  /** True the first time an id is offered within the TTL; false for every repeat. */
  firstTime(id: string): boolean {
    const now = (this.options.now ?? Date.now)();
    this.forgetExpired(now);
    if (this.seenAt.has(id)) return false;
    this.seenAt.set(id, now);
    const max = this.options.maxIds ?? DEFAULT_MAX_IDS;
    while (this.seenAt.size > max) this.seenAt.delete(this.seenAt.keys().next().value!);
    return true;
  }

  get size(): number {
    return this.seenAt.size;
  }

  private forgetExpired(now: number): void {
    const ttl = this.options.ttlMs ?? DEFAULT_TTL_MS;
    // Insertion order is arrival order, so expired ids are all at the front.
    for (const [id, at] of this.seenAt) {
      if (now - at < ttl) break;
      this.seenAt.delete(id);
    }
  }
}
