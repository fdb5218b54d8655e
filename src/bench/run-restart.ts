import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LookupService } from '../core/lookup.js';
import { storeDataSchema } from '../model/store-data.js';
import { JsonFileStore } from '../store/json-file-store.js';
import type { BenchSet } from './bench-set.js';
import { scaledClaims } from './scale-store.js';

export interface StartTiming {
  /** Opening the JSON store: reading, parsing and validating the file. */
  store_ms: number;
  /** Building the indexes, or loading the text index from the snapshot. */
  index_ms: number;
  first_lookup_ms: number;
  total_ms: number;
  source: 'built' | 'snapshot';
}

export interface RestartReport {
  set: string;
  claims: number;
  store_file_mb: number;
  snapshot_file_mb: number;
  cold: StartTiming;
  snapshot: StartTiming;
}

/**
 * Writes a JSON store of `size` claims grown from the set's (see `scaledClaims`) to a temporary
 * folder and starts on it as the bot does (store, then LookupService with the index snapshot
 * beside the file), twice: cold, with no snapshot, then again once the snapshot is written.
 * Each start is timed from opening the store to the first answered lookup.
 */
export async function runRestart(set: BenchSet, size: number): Promise<RestartReport> {
  const folder = await mkdtemp(path.join(tmpdir(), 'factdesk-restart-'));
  try {
    const storePath = path.join(folder, 'store.json');
    const data = JSON.stringify(storeDataSchema.parse({ claims: scaledClaims(set.claims, size) }));
    await writeFile(storePath, data);
    const query = set.queries[0]?.text ?? set.claims[0]?.claim ?? 'claim';
    const cold = await timedStart(storePath, folder, query);
    const snapshot = await timedStart(storePath, folder, query);
    const { statSync } = await import('node:fs');
    return {
      set: set.name,
      claims: size,
      store_file_mb: megabytes(statSync(storePath).size),
      snapshot_file_mb: megabytes(statSync(`${storePath}.index`).size),
      cold,
      snapshot,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function timedStart(storePath: string, folder: string, query: string): Promise<StartTiming> {
  const start = performance.now();
  const store = await JsonFileStore.open({ path: storePath, seedPath: path.join(folder, 'no-seed.json') });
  try {
    const opened = performance.now();
    const lookup = await LookupService.fromStore(store, { indexSnapshotPath: `${storePath}.index` });
    const indexed = performance.now();
    await lookup.lookup(query);
    const answered = performance.now();
    await lookup.snapshotWritten();
    const round = (ms: number) => Math.round(ms);
    return {
      store_ms: round(opened - start),
      index_ms: round(indexed - opened),
      first_lookup_ms: round(answered - indexed),
      total_ms: round(answered - start),
      source: lookup.indexSource,
    };
  } finally {
    await store.close();
  }
}

function megabytes(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}
