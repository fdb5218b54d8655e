import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { loadBenchSet } from '../bench/bench-set.js';
import { ENGINE_NAMES, type EngineName } from '../bench/baselines/engine.js';
import { ENGINES } from '../bench/baselines/engines.js';
import { calibrate, formatCalibration } from '../bench/calibration.js';
import { runBench, WARM_UP_LOOKUPS, type BenchReport } from '../bench/run-bench.js';
import { runRestart, type RestartReport } from '../bench/run-restart.js';
import { BENCH_SCHEMA } from '../bench/bench-postgres.js';
import { runScale } from '../bench/run-scale.js';
import { PROJECT_ROOT } from '../config/config.js';
import { MAX_QUERY_LENGTH } from '../core/lookup.js';
import { CONFIDENT_MATCH } from '../search/config.js';
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
  engine: string;
  scale?: string;
  restart?: string;
  store: string;
  calibration?: boolean;
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
    .option('--engine <name>', `ranking engine: ${ENGINE_NAMES.join(' | ')} (factdesk-lexical is factdesk without the sentence encoder, FACTDESK_SEMANTIC=off; fuse and bm25 are comparison baselines)`, 'factdesk')
    .option('--scale <n>', "grow the set's claims to N (speakers, dates, wording varied; seeded) and report build time, peak RSS and latency, ranked as the bot ranks a store that size (with the sentence encoder up to 200,000 claims; --engine factdesk-lexical: without)")
    .option(
      '--store <kind>',
      `with --scale or --restart: memory (claims held in the process; for --restart a JSON store file) or postgres (claims written to DATABASE_URL, schema ${BENCH_SCHEMA}, dropped after; the process holds only the index)`,
      'memory',
    )
    .option('--restart <n>', "write a store of N claims grown from the set's (see --store) and time a start on it (store open to first answer), cold and from the index snapshot")
    .option('--calibration', `also report how the confidence threshold (${CONFIDENT_MATCH}) does: confident-but-wrong answers and right claims below it`)
    .action(async (options: BenchOptions) => {
      const limit = positiveInteger(options.limit, '--limit');
      const scale = positiveInteger(options.scale, '--scale');
      const restart = positiveInteger(options.restart, '--restart');
      if (!ENGINE_NAMES.includes(options.engine as EngineName)) throw new UsageError(`--engine must be one of ${ENGINE_NAMES.join(', ')}.`);
      const engineName = options.engine as EngineName;
      if (scale !== undefined && engineName !== 'factdesk' && engineName !== 'factdesk-lexical') throw new UsageError('--scale measures factdesk only (factdesk-lexical: without the sentence encoder at any size).');
      if (restart !== undefined && engineName !== 'factdesk') throw new UsageError('--restart measures factdesk only.');
      if (!['memory', 'postgres'].includes(options.store)) throw new UsageError('--store must be memory or postgres.');
      const databaseUrl = options.store === 'postgres' ? process.env.DATABASE_URL : undefined;
      if (options.store === 'postgres' && !databaseUrl) {
        throw new UsageError('--store postgres writes the grown claims to DATABASE_URL: set it (e.g. postgres://postgres@127.0.0.1:5432/test).');
      }
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
        // A malformed or missing file of the set is the user's input, told as such (not as a fault of factdesk).
        const set = await loadBenchSet(dir, options.split).catch((error: unknown) => {
          throw new UsageError(`${dir}: ${error instanceof Error ? error.message : String(error)}`);
        });
        if (restart !== undefined) {
          const report = await runRestart(set, restart, { databaseUrl });
          process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : formatRestart(report));
          continue;
        }
        if (scale !== undefined) {
          // factdesk ranks as the bot would a store that size (the encoder up to 200,000 claims); factdesk-lexical never uses it.
          const report = await runScale(set, scale, { limit, databaseUrl, semantic: engineName === 'factdesk-lexical' ? false : undefined });
          const loaded = report.load_ms === undefined ? '' : `, written to PostgreSQL in ${report.load_ms} ms`;
          process.stdout.write(
            options.json
              ? `${JSON.stringify(report)}\n`
              : formatReport(report, options.split, `${report.claims} claims in ${report.store}${loaded}, peak RSS ${report.peak_rss_mb} MB`),
          );
          continue;
        }
        const { report, runLines, ranked } = await runBench(set, { limit, engine: ENGINES[engineName], engineName });
        if (options.run) await writeFile(options.run, `${runLines.join('\n')}\n`);
        const calibration = options.calibration ? calibrate(ranked, CONFIDENT_MATCH) : undefined;
        if (options.json) process.stdout.write(`${JSON.stringify(calibration ? { ...report, calibration } : report)}\n`);
        else process.stdout.write(formatReport(report, options.split) + (calibration ? formatCalibration(calibration) : ''));
      }
    });
}

function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!(Number.isInteger(number) && number > 0)) throw new UsageError(`${flag} must be a positive whole number.`);
  return number;
}

function setsWithSplit(root: string, split: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(root, entry.name))
    .filter((dir) => existsSync(path.join(dir, 'claims.jsonl')) && existsSync(path.join(dir, `${split}.queries.tsv`)))
    .sort();
}

function formatRestart(report: RestartReport): string {
  const line = (name: string, timing: RestartReport['cold']) =>
    `  ${name}: searchable in ${timing.total_ms} ms (store ${timing.store_ms} ms, index ${timing.index_ms} ms [${timing.source}], first lookup ${timing.first_lookup_ms} ms; links indexed after ${timing.links_indexed_ms} ms${timing.claims_embedded_ms === undefined ? '' : `, claims embedded after ${timing.claims_embedded_ms} ms`}; longest hold of the event loop since searchable ${timing.longest_hold_ms} ms)`;
  return [
    `${report.set} restart, ${report.claims} claims (${report.store === 'json' ? `store file ${report.store_file_mb} MB` : 'PostgreSQL'}, index snapshot ${report.snapshot_file_mb} MB)`,
    line('cold', report.cold),
    line('snapshot', report.snapshot),
    line(`after importing ${report.imported} more`, report.after_import),
    '',
  ].join('\n');
}

function timing(report: BenchReport): string {
  if (report.timed_pass === 'cold') return ' (first pass)';
  return ` (warm: ${report.timed_lookups} lookups timed after ${WARM_UP_LOOKUPS}; first pass: p95 ${report.cold_p95_ms} ms, ${report.cold_lookups_per_s} lookups/s)`;
}

function formatReport(report: BenchReport, split: string, extra?: string): string {
  return [
    `${report.set} ${split} (${report.engine}${extra ? `, ${extra}` : ''}): ${report.queries} queries${report.unjudged_queries ? ` (${report.unjudged_queries} more left out: the qrels name no relevant claim for them)` : ''}`,
    `  MAP@1 ${report['map@1'].toFixed(3)}  MAP@5 ${report['map@5'].toFixed(3)}  MRR ${report.mrr.toFixed(3)}  R@1 ${report['r@1'].toFixed(3)}  R@5 ${report['r@5'].toFixed(3)}`,
    `  index build ${report.build_ms} ms, heap ${report.heap_mb} MB; latency p50 ${report.p50_ms} ms, p95 ${report.p95_ms} ms, p99 ${report.p99_ms} ms; ${report.lookups_per_s} lookups/s${timing(report)}`,
    ...(report.worst_case_ms === undefined ? [] : [`  worst-case texts (up to ${MAX_QUERY_LENGTH} characters): slowest lookup ${report.worst_case_ms} ms ("${report.worst_case_query}")`]),
    '',
  ].join('\n');
}
