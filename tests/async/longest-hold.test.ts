import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LongestHold } from '../../src/async/longest-hold.js';

const holdFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('LongestHold', () => {
  it('reports the longest stretch the event loop was held, not the time that passed', async () => {
    const started = performance.now();
    const hold = LongestHold.watch();
    await sleep(20);
    holdFor(80);
    await sleep(20);
    holdFor(30);
    await sleep(20);
    const longest = hold.stop();
    expect(longest).toBeGreaterThanOrEqual(70);
    // One hold, not the sum of both nor the time that passed (which includes 60 ms of sleep).
    expect(longest).toBeLessThan(performance.now() - started - 50);
  });
});
