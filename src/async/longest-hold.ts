/** How often the watch looks at the clock: holds shorter than this go unseen. */
const TICK_MS = 5;

/**
 * Watches the event loop for the longest stretch it was held by one piece of work (no timer could
 * run): what a lookup arriving at the worst moment would wait before it even starts. `stop` gives
 * the longest hold seen since `watch`, in milliseconds, less the tick.
 */
export class LongestHold {
  private longest = 0;
  private last = performance.now();
  private readonly timer: NodeJS.Timeout;

  private constructor() {
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  static watch(): LongestHold {
    return new LongestHold();
  }

  stop(): number {
    this.tick();
    clearInterval(this.timer);
    return Math.max(0, this.longest - TICK_MS);
  }

  private tick(): void {
    const now = performance.now();
    this.longest = Math.max(this.longest, now - this.last);
    this.last = now;
  }
}
