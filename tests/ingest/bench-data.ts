import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/seed-core.js';

/** The shared benchmark data, beside the repository (never copied into it). */
export const BENCH_DIR = path.resolve(REPO_ROOT, '../shared/bench');

/** A benchmark file's path, and why tests that need it are skipped when it is not there. */
export function benchFile(relative: string): { file: string; skipReason?: string } {
  const file = path.join(BENCH_DIR, relative);
  if (existsSync(file)) return { file };
  const skipReason = `skipped: benchmark file ${file} is not there (it lives in ../shared/bench beside the repository)`;
  console.warn(skipReason);
  return { file, skipReason };
}
