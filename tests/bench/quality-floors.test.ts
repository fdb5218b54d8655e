import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBenchSet } from '../../src/bench/bench-set.js';
import { runBench } from '../../src/bench/run-bench.js';
import { lexicalEngine } from '../../src/bench/baselines/factdesk-engine.js';
import { DEFAULT_BENCH_ROOT } from '../../src/cli/bench-command.js';

/**
 * MAP@5 on the dev splits, through the bot's own lookup path, must not fall below these floors:
 * a few points under what factdesk reaches (README, "Relevance and speed"), so a change that silently
 * worsens matching fails here. The data lives outside the repository (../shared/bench).
 */
const FLOORS: Record<string, number> = { ct2020: 0.83, politifact: 0.45 };
/** Without the sentence encoder (FACTDESK_SEMANTIC=off, large stores): 0.831 and 0.431 reached. */
const LEXICAL_FLOORS: Record<string, number> = { ct2020: 0.8, politifact: 0.42 };

const available = existsSync(DEFAULT_BENCH_ROOT);
if (!available) {
  console.warn(`Quality floors skipped: no benchmark data at ${DEFAULT_BENCH_ROOT} (see ../shared/bench/README.md).`);
}

describe.skipIf(!available)('quality floors on the dev splits (skipped when ../shared/bench is absent)', () => {
  for (const [name, floor] of Object.entries(FLOORS)) {
    // Embedding every claim first takes 10–20 s on one core.
    it(`keeps ${name} dev MAP@5 at or above ${floor}`, { timeout: 120_000 }, async () => {
      const set = await loadBenchSet(path.join(DEFAULT_BENCH_ROOT, name), 'dev');
      // Relevance comes from the first pass; the warm passes only time lookups.
      const { report } = await runBench(set, { warmPass: false });
      expect(report['map@5']).toBeGreaterThanOrEqual(floor);
    });
  }
  for (const [name, floor] of Object.entries(LEXICAL_FLOORS)) {
    it(`keeps ${name} dev MAP@5 without the sentence encoder at or above ${floor}`, { timeout: 60_000 }, async () => {
      const set = await loadBenchSet(path.join(DEFAULT_BENCH_ROOT, name), 'dev');
      const { report } = await runBench(set, { engine: lexicalEngine, engineName: 'factdesk-lexical', warmPass: false });
      expect(report['map@5']).toBeGreaterThanOrEqual(floor);
    });
  }
});
