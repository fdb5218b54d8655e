import { setImmediate } from 'node:timers/promises';

/** How long one slice of background work (parsing, hashing, encoding) may hold the event loop. */
export const SLICE_MS = 8;

/**
 * Lets a long loop give way to other work (lookups) whenever it has held the event loop for
 * `sliceMs`: call `giveWay` every few iterations.
 */
export class TimeSlices {
  #sliceEnds: number;

  constructor(private readonly sliceMs: number = SLICE_MS) {
    this.#sliceEnds = performance.now() + sliceMs;
  }

  async giveWay(): Promise<void> {
    if (performance.now() < this.#sliceEnds) return;
    await setImmediate();
    this.#sliceEnds = performance.now() + this.sliceMs;
  }
}
