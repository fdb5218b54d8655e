import cliProgress from 'cli-progress';

/** Told how far a long import is; the import calls it, the CLI decides how to show it. */
export interface ProgressSink {
  start(total: number): void;
  update(done: number): void;
  stop(): void;
}

/** Imports smaller than this finish before a bar would be worth drawing. */
export const PROGRESS_THRESHOLD = 2000;
/** Without a terminal, a plain line at most this often. */
const PLAIN_LINE_EVERY_MS = 2000;

const number = (value: number) => value.toLocaleString('en-US');

/**
 * A progress display on `stream` (stderr, so stdout stays clean for `--json`): a bar with counts
 * and rate on a terminal, an occasional plain line in a pipe or log, nothing for small imports.
 */
export function progressFor(stream: NodeJS.WritableStream & { isTTY?: boolean }, now: () => number = Date.now): ProgressSink {
  let sink: ProgressSink | undefined;
  return {
    start(total) {
      if (total < PROGRESS_THRESHOLD) return;
      sink = stream.isTTY ? terminalBar(stream, now) : plainLines(stream, now);
      sink.start(total);
    },
    update(done) {
      sink?.update(done);
    },
    stop() {
      sink?.stop();
      sink = undefined;
    },
  };
}

function terminalBar(stream: NodeJS.WritableStream, now: () => number): ProgressSink {
  const bar = new cliProgress.SingleBar(
    { stream, format: 'Checking [{bar}] {value}/{total} records | {rate} records/s | {duration_formatted}', hideCursor: true, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
  let started = 0;
  return {
    start(total) {
      started = now();
      bar.start(total, 0, { rate: '0' });
    },
    update(done) {
      bar.update(done, { rate: rate(done, now() - started) });
    },
    stop() {
      bar.stop();
    },
  };
}

function plainLines(stream: NodeJS.WritableStream, now: () => number): ProgressSink {
  let started = 0;
  let lastLine = 0;
  let total = 0;
  return {
    start(count) {
      total = count;
      started = lastLine = now();
    },
    update(done) {
      const at = now();
      if (at - lastLine < PLAIN_LINE_EVERY_MS || done >= total) return;
      lastLine = at;
      stream.write(`checked ${number(done)} of ${number(total)} records (${rate(done, at - started)} records/s)\n`);
    },
    stop() {},
  };
}

function rate(done: number, elapsedMs: number): string {
  return elapsedMs > 0 ? number(Math.round((done * 1000) / elapsedMs)) : '0';
}
