import { setImmediate } from 'node:timers/promises';

/**
 * Lets a long loop give way to other work (lookups) whenever it has held the event loop for
 * `sliceMs`: call `giveWay` every few iterations.
 */
export class TimeSlices {
  #sliceEnds: number;

  constructor(private readonly sliceMs: number) {
    this.#sliceEnds = performance.now() + sliceMs;
  }

  async giveWay(): Promise<void> {
    if (performance.now() < this.#sliceEnds) return;
    await setImmediate();
    this.#sliceEnds = performance.now() + this.sliceMs;
  }
}
