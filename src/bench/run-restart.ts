import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SEMANTIC_AUTO_MAX_ENTRIES } from '../app/build-core.js';
import { LongestHold } from '../async/longest-hold.js';
import { LookupService } from '../core/lookup.js';
import { SemanticLayer } from '../semantic/semantic-layer.js';
import { loadSnapshotFile } from '../core/snapshot-load.js';
import { storeDataSchema } from '../model/store-data.js';
import { JsonFileStore } from '../store/json-file-store.js';
import { serializeStoreData } from '../store/store-data-codec.js';
import type { Store } from '../store/store.js';
import { dropBenchSchema, loadBenchStore, openBenchStore } from './bench-postgres.js';
import type { BenchSet } from './bench-set.js';
import { scaledClaims, scaledClaimStream } from './scale-store.js';

export interface StartTiming {
  /** Opening the store: reading, parsing and validating the JSON file, or connecting to PostgreSQL. */
  store_ms: number;
  /** Building the indexes, or loading the text index from the snapshot (and, for PostgreSQL, reading what changed since). */
  index_ms: number;
  first_lookup_ms: number;
  total_ms: number;
  /**
   * Until every entry's links are indexed, from the start: after a snapshot start they are read in
   * the background (for the JSON store, once its entries are parsed), and link lookups wait for them.
   */
  links_indexed_ms: number;
  /**
   * Until every claim has its sentence vector, from the start (stores of up to 200,000 entries, as
   * FACTDESK_SEMANTIC=auto): the encoder loads and the claims are embedded in the background, all
   * of them at the first start, then only those the vectors file lacks. Lookups are lexical meanwhile.
   */
  claims_embedded_ms?: number;
  source: 'built' | 'snapshot';
  /**
   * The longest the event loop was held by one piece of work once searchable, until the start's
   * background work was done (links, embeddings, saving the vectors, writing the snapshot): how
   * long a lookup arriving at the worst moment would wait to start.
   */
  longest_hold_ms: number;
}

export interface RestartReport {
  set: string;
  claims: number;
  store: 'json' | 'postgres';
  /** The JSON store file's size (absent for PostgreSQL). */
  store_file_mb?: number;
  snapshot_file_mb: number;
  cold: StartTiming;
  snapshot: StartTiming;
  /** How many claims `after_import` added (1% of the store) while the bot was down. */
  imported: number;
  /** A start from the same snapshot after another process (an import) added claims to the store. */
  after_import: StartTiming;
}

/**
 * Grows the set's claims to `size` (see `scaledClaims`) into a store, a JSON file in a temporary
 * folder or, given `databaseUrl`, PostgreSQL (schema `BENCH_SCHEMA`, dropped before and after), and
 * starts on it as the bot does: cold, with no snapshot (the start writes one); from the snapshot;
 * and from the snapshot again after 1% more claims were written to the store by itself, as
 * `factdesk import` writes them while the bot is down. Each start is timed from opening the store
 * to the first answered lookup.
 */
export async function runRestart(set: BenchSet, size: number, options: { databaseUrl?: string } = {}): Promise<RestartReport> {
  const folder = await mkdtemp(path.join(tmpdir(), 'factdesk-restart-'));
  const query = set.queries[0]?.text ?? set.claims[0]?.claim ?? 'claim';
  const { databaseUrl } = options;
  try {
    if (databaseUrl) {
      await loadBenchStore(databaseUrl, scaledClaimStream(set.claims, size));
      const snapshotPath = path.join(folder, 'postgres.index');
      const start = () => timedStart(() => openBenchStore(databaseUrl), snapshotPath, query, semanticFor(size, `${snapshotPath}.vectors`));
      const cold = await start();
      const snapshot = await start();
      const imported = await importMore(() => openBenchStore(databaseUrl), set, size);
      const afterImport = await start();
      return {
        set: set.name,
        claims: size,
        store: 'postgres',
        snapshot_file_mb: await megabytes(snapshotPath),
        cold,
        snapshot,
        imported,
        after_import: afterImport,
      };
    }
    const storePath = path.join(folder, 'store.json');
    // Written as factdesk writes its store file (an import, an added claim), which a start can read without parsing it first.
    await writeFile(storePath, serializeStoreData(storeDataSchema.parse({ claims: scaledClaims(set.claims, size) })));
    const open = () => JsonFileStore.open({ path: storePath, seedPath: path.join(folder, 'no-seed.json') });
    const semantic = semanticFor(size, `${storePath}.vectors`);
    const cold = await timedStart(open, `${storePath}.index`, query, semantic);
    const snapshot = await timedStart(open, `${storePath}.index`, query, semantic);
    const imported = await importMore(open, set, size);
    const afterImport = await timedStart(open, `${storePath}.index`, query, semantic);
    return {
      set: set.name,
      claims: size,
      store: 'json',
      store_file_mb: await megabytes(storePath),
      snapshot_file_mb: await megabytes(`${storePath}.index`),
      cold,
      snapshot,
      imported,
      after_import: afterImport,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
    if (databaseUrl) await dropBenchSchema(databaseUrl);
  }
}

/** A new semantic layer per start, as the bot makes one (FACTDESK_SEMANTIC=auto), or none for a larger store. */
function semanticFor(size: number, vectorsFile: string): (() => SemanticLayer) | undefined {
  return size <= SEMANTIC_AUTO_MAX_ENTRIES ? () => SemanticLayer.start({ vectorsFile }) : undefined;
}

async function timedStart(openStore: () => Promise<Store>, indexSnapshotPath: string, query: string, semantic?: () => SemanticLayer): Promise<StartTiming> {
  const start = performance.now();
  // As the bot starts (`buildCore`): the snapshot is read and restored while the store opens.
  const indexSnapshot = loadSnapshotFile(indexSnapshotPath);
  const store = await openStore();
  try {
    const opened = performance.now();
    const lookup = await LookupService.fromStore(store, { indexSnapshotPath, indexSnapshot });
    if (semantic) lookup.useSemantic(semantic());
    const indexed = performance.now();
    await lookup.lookup(query);
    const answered = performance.now();
    const hold = LongestHold.watch();
    await lookup.allLinksIndexed();
    const linked = performance.now();
    await lookup.allClaimsEmbedded();
    const embedded = performance.now();
    await lookup.closeSemantic();
    await lookup.snapshotWritten();
    const longestHold = hold.stop();
    const round = (ms: number) => Math.round(ms);
    return {
      store_ms: round(opened - start),
      index_ms: round(indexed - opened),
      first_lookup_ms: round(answered - indexed),
      total_ms: round(answered - start),
      links_indexed_ms: round(linked - start),
      ...(semantic ? { claims_embedded_ms: round(embedded - start) } : {}),
      source: lookup.indexSource,
      longest_hold_ms: Math.round(longestHold),
    };
  } finally {
    await store.close();
  }
}

/** Adds 1% more claims (new ids, varied as `scaledClaims` varies them) to the store, as an import does; resolves to how many. */
async function importMore(openStore: () => Promise<Store>, set: BenchSet, size: number): Promise<number> {
  const more = Math.max(1, Math.round(size / 100));
  const claims = [...scaledClaimStream(set.claims, size + more)].slice(size);
  const store = await openStore();
  try {
    await store.upsert({ claims });
  } finally {
    await store.close();
  }
  return claims.length;
}

async function megabytes(file: string): Promise<number> {
  return Math.round((await stat(file)).size / 2 ** 20);
}
