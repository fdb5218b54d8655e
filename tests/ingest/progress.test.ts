import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PROGRESS_THRESHOLD, progressFor } from '../../src/ingest/progress.js';

function stream(isTTY: boolean) {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { output: Object.assign(output, { isTTY, columns: 120 }), text: () => text };
}

describe('import progress', () => {
  it('draws a bar with counts and rate on a terminal', () => {
    const { output, text } = stream(true);
    let now = 0;
    const progress = progressFor(output, () => now);
    progress.start(10_000);
    now = 500;
    progress.update(5_000);
    progress.stop();
    expect(text()).toMatch(/5000\/10000 records \| 10,000 records\/s/);
  });

  it('writes an occasional plain line when not on a terminal', () => {
    const { output, text } = stream(false);
    let now = 0;
    const progress = progressFor(output, () => now);
    progress.start(30_000);
    now = 1_000;
    progress.update(5_000);
    now = 2_500;
    progress.update(10_000);
    progress.stop();
    expect(text()).toBe('checked 10,000 of 30,000 records (4,000 records/s)\n');
  });

  it('shows nothing for a small import', () => {
    const { output, text } = stream(true);
    const progress = progressFor(output);
    progress.start(PROGRESS_THRESHOLD - 1);
    progress.update(100);
    progress.stop();
    expect(text()).toBe('');
  });
});
