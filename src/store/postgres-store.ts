import pg from 'pg';
import type { z } from 'zod';
import { FaultError } from '../core/errors.js';
import { logger } from '../log/logger.js';
import { articleSchema, type Article } from '../model/article.js';
import { claimReviewSchema, type ClaimReview } from '../model/claim-review.js';
import {
  channelSettingSchema,
  factcheckRequestSchema,
  lookupRecordSchema,
  matchFeedbackSchema,
  type ChannelSetting,
  type FactcheckRequest,
  type LookupRecord,
  type MatchFeedback,
  type StoreData,
} from '../model/store-data.js';
import { describeFirstIssue } from './describe-issue.js';
import { describeLocation, parsePostgresUrl, safeReason, type PostgresLocation } from './postgres-location.js';
import {
  CLUSTER_ID_QUERY,
  currentPointQuery,
  formatChangeToken,
  originOf,
  parseChangeToken,
  snapshotXmax,
  TIMELINE_QUERY,
  type CurrentPointRow,
} from './postgres-change-token.js';
import { applyMigrations, inSchemaLock } from './postgres-migrate.js';
import { validateChannelSetting, validateEntries, validateFeedback, type Entries } from './store-data-ops.js';
import { LOOKUP_RETENTION_DAYS, validateLookups, validateRequest, type RequestChange } from './request-data-ops.js';
import { storeMessages } from './store-messages.js';
import { ChangeTokenRefused, type Store, type StoredEntries, type UpsertResult } from './store.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`. */
  databaseUrl: string;
  /** Keep the tables in this schema (created if missing) instead of the connection's default. */
  schema?: string;
  /** Fills the store on its first open, when it is still empty; called only then. */
  seed?: () => Promise<StoreData>;
  /** Refuse every write (tables are still created, so a fresh database can be read). */
  readOnly?: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** Reads that must all see one moment of the store. */
const READ_ONE_SNAPSHOT = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';
const ROWS_PER_STATEMENT = 500;
/** Deadlock and serialization failure: the transaction may simply be run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

type EntryKind = 'claim' | 'article';
interface Row {
  key: string;
  data: unknown;
}
interface KindRow extends Row {
  kind: EntryKind;
}

/**
 * The store in PostgreSQL, for deployments where several processes serve the same data. Each
 * claim and article is one JSONB row keyed by kind and id; every record is validated with the
 * model's schema on the way in and on the way out, and each write is one transaction.
 */
export class PostgresStore implements Store {
  #closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    readonly description: string,
    private readonly readOnly: boolean,
    /** The cluster's system identifier, the first part of a change token's origin (postgres-change-token.ts). */
    private readonly cluster: string,
    /** The query of where and when a change token is taken, with the timeline when the server tells it. */
    private readonly currentPoint: string,
  ) {}

  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const location = parsePostgresUrl(options.databaseUrl);
    if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
      throw new FaultError(storeMessages.postgresSchemaInvalid(options.schema));
    }
    const where = describeLocation(location);
    const description = `PostgreSQL ${where}${options.schema ? ` (schema ${options.schema})` : ''}`;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      connectionTimeoutMillis: 10_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    pool.on('error', (error) => logger.warn({ reason: safeReason(error, location) }, `${description}: idle connection lost`));

    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw unreachable(location, error);
    }
    let cluster: string;
    let timelines: boolean;
    try {
      await inSchemaLock(client, options.schema, async () => {
        await applyMigrations(client);
        if (options.seed) await seedIfNew(client, options.seed);
      });
      cluster = await clusterId(client);
      timelines = await tellsTimeline(client);
    } catch (error) {
      client.release();
      await pool.end().catch(() => undefined);
      if (error instanceof FaultError) throw error;
      throw new FaultError(`${description}: ${safeReason(error, location)}`, { cause: error });
    }
    client.release();
    return new PostgresStore(pool, description, options.readOnly ?? false, cluster, currentPointQuery(timelines));
  }

  listClaims(): Promise<readonly ClaimReview[]> {
    return this.listEntries('claim', claimReviewSchema);
  }

  listArticles(): Promise<readonly Article[]> {
    return this.listEntries('article', articleSchema);
  }

  async getEntries(ids: readonly string[]): Promise<StoredEntries> {
    this.assertOpen();
    if (ids.length === 0) return { claims: [], articles: [] };
    // Both kinds listed, so the (kind, id) primary key serves the lookup.
    const { rows } = await this.pool.query<KindRow>(
      "SELECT kind, id AS key, data FROM factdesk_entries WHERE kind = ANY('{claim,article}'::text[]) AND id = ANY($1::text[])",
      [[...new Set(ids)]],
    );
    return this.entriesOf(rows);
  }

  async *scanEntries(batchSize: number): AsyncIterable<StoredEntries> {
    this.assertOpen();
    const client = await this.pool.connect();
    try {
      // One snapshot for the whole scan, read through a cursor: never every row in memory at once.
      await client.query(READ_ONE_SNAPSHOT);
      await client.query(
        "DECLARE factdesk_scan NO SCROLL CURSOR FOR SELECT kind, id AS key, data FROM factdesk_entries ORDER BY kind = 'article', position",
      );
      for (;;) {
        const { rows } = await client.query<KindRow>(`FETCH ${Math.max(1, Math.floor(batchSize))} FROM factdesk_scan`);
        if (rows.length === 0) break;
        yield this.entriesOf(rows);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async changeToken(): Promise<string> {
    this.assertOpen();
    const { rows } = await this.pool.query<CurrentPointRow>(this.currentPoint);
    return formatChangeToken(originOf(this.cluster, rows[0]!), rows[0]!.snapshot);
  }

  async changesSince(token: string): Promise<{ entries: StoredEntries; next: string }> {
    this.assertOpen();
    const since = parseChangeToken(token);
    if (!since) throw new FaultError(`${this.description}: not a change token: ${token.slice(0, 40)}`);
    // One snapshot for both reads: what it sees and the token's snapshot did not is exactly what changed.
    return this.transaction(async (client) => {
      const { rows: now } = await client.query<CurrentPointRow>(this.currentPoint);
      const origin = originOf(this.cluster, now[0]!);
      if (since.origin !== origin) throw new ChangeTokenRefused(storeMessages.changeTokenForeign(this.description));
      if (since.xmax > snapshotXmax(now[0]!.snapshot)) throw new ChangeTokenRefused(storeMessages.changeTokenAhead(this.description));
      const { rows } = await client.query<KindRow>(
        `SELECT kind, id AS key, data FROM factdesk_entries
         WHERE writer >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(writer, $1::pg_snapshot)
         ORDER BY position`,
        [since.snapshot],
      );
      return { entries: this.entriesOf(rows), next: formatChangeToken(origin, now[0]!.snapshot) };
    }, READ_ONE_SNAPSHOT);
  }

  async upsert(entries: Entries): Promise<UpsertResult> {
    this.assertWritable();
    const valid = validateEntries(entries, this.refuse);
    return this.transaction(async (client) => {
      const claims = await upsertEntries(client, 'claim', valid.claims);
      const articles = await upsertEntries(client, 'article', valid.articles);
      return { added: claims.added + articles.added, updated: claims.updated + articles.updated };
    });
  }

  async listFeedback(scope: string): Promise<readonly MatchFeedback[]> {
    this.assertOpen();
    const { rows } = await this.pool.query<Row>(
      'SELECT result_id AS key, data FROM factdesk_feedback WHERE scope = $1 ORDER BY position',
      [scope],
    );
    return rows.map((row) => this.parseRow('feedback', matchFeedbackSchema, row));
  }

  async addFeedback(feedback: MatchFeedback): Promise<void> {
    this.assertWritable();
    const valid = validateFeedback(feedback, this.refuse);
    await this.transaction((client) => insertFeedback(client, [valid]));
  }

  async getChannelSetting(channelKey: string): Promise<ChannelSetting | undefined> {
    this.assertOpen();
    const { rows } = await this.pool.query<Row>(
      'SELECT channel_key AS key, data FROM factdesk_channel_settings WHERE channel_key = $1',
      [channelKey],
    );
    return rows[0] && this.parseRow('channel setting', channelSettingSchema, rows[0]);
  }

  async setChannelSetting(setting: ChannelSetting): Promise<void> {
    this.assertWritable();
    const valid = validateChannelSetting(setting, this.refuse);
    await this.transaction((client) => insertChannelSettings(client, [valid]));
  }

  async listRequests(filter: { status?: FactcheckRequest['status'] } = {}): Promise<readonly FactcheckRequest[]> {
    this.assertOpen();
    const { rows } = filter.status
      ? await this.pool.query<Row>('SELECT id AS key, data FROM factdesk_requests WHERE status = $1 ORDER BY position', [filter.status])
      : await this.pool.query<Row>('SELECT id AS key, data FROM factdesk_requests ORDER BY position');
    return rows.map((row) => this.parseRow('request', factcheckRequestSchema, row));
  }

  async changeRequests(ids: readonly string[], change: RequestChange): Promise<(FactcheckRequest | undefined)[]> {
    this.assertWritable();
    return this.transaction(async (client) => {
      // One change to requests at a time, across processes: row locks cannot cover rows not yet inserted.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('factdesk-requests'))");
      const { rows } = await client.query<Row>('SELECT id AS key, data FROM factdesk_requests WHERE id = ANY($1)', [[...ids]]);
      const current = new Map(rows.map((row) => [row.key, this.parseRow('request', factcheckRequestSchema, row)] as const));
      const changed = new Map<string, FactcheckRequest>();
      for (const id of ids) {
        const next = change(current.get(id), id);
        if (next === undefined) continue;
        const valid = validateRequest(next, id, this.refuse);
        current.set(id, valid);
        changed.set(id, valid);
      }
      for (const chunk of chunks([...changed.values()])) {
        await client.query(
          `INSERT INTO factdesk_requests (id, status, data)
           SELECT item->>'id', item->>'status', item FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS input(item, n) ORDER BY n
           ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, data = EXCLUDED.data`,
          [JSON.stringify(chunk)],
        );
      }
      return ids.map((id) => current.get(id));
    });
  }

  async addLookups(records: readonly LookupRecord[]): Promise<void> {
    this.assertWritable();
    if (records.length === 0) return;
    const valid = validateLookups(records, this.refuse);
    await this.transaction(async (client) => {
      await client.query(`DELETE FROM factdesk_lookups WHERE at < now() - make_interval(days => $1)`, [LOOKUP_RETENTION_DAYS]);
      for (const chunk of chunks(valid)) {
        await client.query(
          `INSERT INTO factdesk_lookups (at, data)
           SELECT (item->>'at')::timestamptz, item FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS input(item, n) ORDER BY n`,
          [JSON.stringify(chunk)],
        );
      }
    });
  }

  async listLookups(since: string): Promise<readonly LookupRecord[]> {
    this.assertOpen();
    const { rows } = await this.pool.query<Row>(
      "SELECT '' AS key, data FROM factdesk_lookups WHERE at >= $1::timestamptz ORDER BY position",
      [since],
    );
    return rows.map((row) => this.parseRow('lookup', lookupRecordSchema, row));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.pool.end();
  }

  private async listEntries<T extends { id: string }>(kind: EntryKind, schema: z.ZodType<T>): Promise<T[]> {
    this.assertOpen();
    const { rows } = await this.pool.query<Row>(
      'SELECT id AS key, data FROM factdesk_entries WHERE kind = $1 ORDER BY position',
      [kind],
    );
    return rows.map((row) => this.parseEntry(kind, schema, row));
  }

  private entriesOf(rows: readonly KindRow[]): StoredEntries {
    const claims: ClaimReview[] = [];
    const articles: Article[] = [];
    for (const row of rows) {
      if (row.kind === 'claim') claims.push(this.parseEntry('claim', claimReviewSchema, row));
      else articles.push(this.parseEntry('article', articleSchema, row));
    }
    return { claims, articles };
  }

  /** A validated entry whose data carries the id of its row. */
  private parseEntry<T extends { id: string }>(kind: EntryKind, schema: z.ZodType<T>, row: Row): T {
    const entry = this.parseRow(kind, schema, row);
    if (entry.id !== row.key) {
      throw new FaultError(storeMessages.rowInvalid(this.description, kind, row.key, `its data has id "${entry.id}"`));
    }
    return entry;
  }

  private parseRow<T>(kind: string, schema: z.ZodType<T>, row: Row): T {
    const parsed = schema.safeParse(row.data);
    if (!parsed.success) {
      throw new FaultError(storeMessages.rowInvalid(this.description, kind, row.key, describeFirstIssue(parsed.error, row.data)));
    }
    return parsed.data;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query(begin);
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (error as { code?: string }).code ?? '';
        if (!RETRYABLE.has(code) || attempt >= ATTEMPTS) throw error;
      } finally {
        client.release();
      }
    }
  }

  private readonly refuse = (problem: string): string => storeMessages.writeRefused(this.description, problem);

  private assertOpen(): void {
    if (this.#closed) throw new FaultError(storeMessages.closed(this.description));
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.readOnly) throw new FaultError(storeMessages.readOnly(this.description));
  }
}

/** The cluster's system identifier for change tokens (postgres-change-token.ts); 0 for a role not allowed to read it. */
function clusterId(client: pg.PoolClient): Promise<string> {
  // Run outside any transaction, so a refusal aborts nothing else.
  return client.query<{ cluster: string }>(CLUSTER_ID_QUERY).then(
    ({ rows: [row] }) => row?.cluster ?? '0',
    () => '0',
  );
}

/** Whether the server tells its timeline for change tokens (postgres-change-token.ts); Amazon Aurora, for one, refuses WAL functions. */
function tellsTimeline(client: pg.PoolClient): Promise<boolean> {
  return client.query(TIMELINE_QUERY).then(
    () => true,
    () => false,
  );
}

function unreachable(location: PostgresLocation, error: unknown): FaultError {
  // Not chained as the cause: driver errors may carry connection parameters.
  return new FaultError(storeMessages.postgresUnreachable(describeLocation(location), safeReason(error, location)));
}

/** Seeds a store that has never been seeded and holds no entries yet, and remembers it did. */
async function seedIfNew(client: pg.PoolClient, seed: () => Promise<StoreData>): Promise<void> {
  const seeded = await client.query("SELECT 1 FROM factdesk_meta WHERE key = 'seeded'");
  if (seeded.rowCount) return;
  const existing = await client.query('SELECT 1 FROM factdesk_entries LIMIT 1');
  if (!existing.rowCount) {
    const data = await seed();
    await upsertEntries(client, 'claim', data.claims);
    await upsertEntries(client, 'article', data.articles);
    await insertFeedback(client, data.feedback);
    await insertChannelSettings(client, data.channelSettings);
    for (const chunk of chunks(data.requests)) {
      await client.query(
        `INSERT INTO factdesk_requests (id, status, data)
         SELECT item->>'id', item->>'status', item FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS input(item, n) ORDER BY n`,
        [JSON.stringify(chunk)],
      );
    }
  }
  await client.query("INSERT INTO factdesk_meta (key, value) VALUES ('seeded', to_jsonb(now()))");
}

async function upsertEntries(
  client: pg.PoolClient,
  kind: EntryKind,
  entries: readonly { id: string }[],
): Promise<UpsertResult> {
  let added = 0;
  for (const chunk of chunks(entries)) {
    // xmax is 0 only on a freshly inserted row version: that tells additions from replacements.
    const { rows } = await client.query<{ inserted: boolean }>(
      `INSERT INTO factdesk_entries (kind, id, data)
       SELECT $1, entry->>'id', entry FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS input(entry, n)
       ORDER BY n
       ON CONFLICT (kind, id) DO UPDATE SET data = EXCLUDED.data, updated_at = now(), writer = pg_current_xact_id()
       RETURNING (xmax = 0) AS inserted`,
      [kind, JSON.stringify(chunk)],
    );
    added += rows.filter((row) => row.inserted).length;
  }
  return { added, updated: entries.length - added };
}

async function insertFeedback(client: pg.PoolClient, feedback: readonly MatchFeedback[]): Promise<void> {
  for (const chunk of chunks(feedback)) {
    await client.query(
      `INSERT INTO factdesk_feedback (scope, query, result_id, data)
       SELECT item->>'scope', item->>'query', item->>'resultId', item
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS input(item, n) ORDER BY n
       ON CONFLICT (scope, query, result_id) DO UPDATE SET data = EXCLUDED.data`,
      [JSON.stringify(chunk)],
    );
  }
}

async function insertChannelSettings(client: pg.PoolClient, settings: readonly ChannelSetting[]): Promise<void> {
  for (const chunk of chunks(settings)) {
    await client.query(
      `INSERT INTO factdesk_channel_settings (channel_key, data)
       SELECT item->>'channelKey', item FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS input(item, n) ORDER BY n
       ON CONFLICT (channel_key) DO UPDATE SET data = EXCLUDED.data`,
      [JSON.stringify(chunk)],
    );
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_STATEMENT) {
    result.push(items.slice(start, start + ROWS_PER_STATEMENT));
  }
  return result;
}
