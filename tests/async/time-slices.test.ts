import { describe, expect, it } from 'vitest';
import { TimeSlices } from '../../src/async/time-slices.js';

describe('TimeSlices', () => {
  it('gives way only once its slice has run out', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    const slices = new TimeSlices(60_000);
    await slices.giveWay();
    expect(ran).toBe(false);
    const spent = new TimeSlices(0);
    await spent.giveWay();
    expect(ran).toBe(true);
  });
});
