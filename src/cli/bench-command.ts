import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { loadBenchSet } from '../bench/bench-set.js';
import { runBench, type BenchReport } from '../bench/run-bench.js';
import { PROJECT_ROOT } from '../config/config.js';
import { UsageError } from './exit-codes.js';

/** Where the shared benchmark data lives beside a checkout; never copied into the repository. */
export const DEFAULT_BENCH_ROOT = path.resolve(PROJECT_ROOT, '../shared/bench');

interface BenchOptions {
  set?: string;
  split: string;
  run?: string;
  limit?: string;
  json?: boolean;
  all?: boolean;
}

export function benchCommand(): Command {
  return new Command('bench')
    .exitOverride()
    .description('Measure relevance (MAP@5, MRR, recall) and latency on a benchmark set')
    .option('--set <dir>', 'folder with claims.jsonl, <split>.queries.tsv and <split>.qrels')
    .option('--split <name>', 'which queries to rank', 'dev')
    .option('--run <file>', 'write a TREC run file (top 10 per query)')
    .option('--limit <n>', 'rank only the first N queries')
    .option('--json', 'print one JSON object per set on the last line(s)')
    .option('--all', `every set in ${path.relative(process.cwd(), DEFAULT_BENCH_ROOT) || DEFAULT_BENCH_ROOT} that has the split`)
    .action(async (options: BenchOptions) => {
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError('--limit must be a positive whole number.');
      const dirs = options.all ? setsWithSplit(DEFAULT_BENCH_ROOT, options.split) : options.set ? [options.set] : [];
      if (dirs.length === 0) {
        if (options.all) {
          process.stdout.write(`No benchmark sets with a "${options.split}" split under ${DEFAULT_BENCH_ROOT}; nothing to measure.\n`);
          return;
        }
        throw new UsageError('bench needs --set <dir> (or --all).');
      }
      if (options.run && dirs.length > 1) throw new UsageError('--run writes one file: use it with a single --set.');
      for (const dir of dirs) {
        if (!existsSync(path.join(dir, 'claims.jsonl'))) throw new UsageError(`${dir} has no claims.jsonl.`);
        const { report, runLines } = await runBench(await loadBenchSet(dir, options.split), { limit });
        if (options.run) await writeFile(options.run, `${runLines.join('\n')}\n`);
        process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : formatReport(report, options.split));
      }
    });
}

function setsWithSplit(root: string, split: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(root, entry.name))
    .filter((dir) => existsSync(path.join(dir, 'claims.jsonl')) && existsSync(path.join(dir, `${split}.queries.tsv`)))
    .sort();
}

function formatReport(report: BenchReport, split: string): string {
  return [
    `${report.set} ${split}: ${report.queries} queries`,
    `  MAP@1 ${report['map@1'].toFixed(3)}  MAP@5 ${report['map@5'].toFixed(3)}  MRR ${report.mrr.toFixed(3)}  R@1 ${report['r@1'].toFixed(3)}  R@5 ${report['r@5'].toFixed(3)}`,
    `  index build ${report.build_ms} ms, heap ${report.heap_mb} MB; latency p50 ${report.p50_ms} ms, p95 ${report.p95_ms} ms, p99 ${report.p99_ms} ms`,
    '',
  ].join('\n');
}
