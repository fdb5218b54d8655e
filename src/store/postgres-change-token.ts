/**
 * A PostgreSQL store's change token: which database and table it was taken from, on which
 * timeline of the cluster's history, and the transaction snapshot (`pg_snapshot` text,
 * xmin:xmax:in-progress ids) it saw, as `<cluster>.<timeline>.<database>.<table>/<snapshot>`.
 *
 * Why the origin is part of it: a token outlives the process in an index snapshot
 * (FACTDESK_INDEX_SNAPSHOT), and the change feed answers "rows whose writer this snapshot did not
 * see" by transaction ids. Against a database restored from a backup, or another one at the same
 * address, those ids mean nothing: rows restored with their old writer ids, or written by a
 * transaction counter that went back, would be taken as already indexed. A token whose origin
 * differs, or whose snapshot is ahead of the database's, is refused, and the index is rebuilt.
 */
export interface ChangeToken {
  /** `<cluster>.<timeline>.<database>.<table>`: see `currentPointQuery`. */
  origin: string;
  /** The `pg_snapshot` it saw, as text. */
  snapshot: string;
  /** The snapshot's xmax: the first transaction id not yet assigned when it was taken. */
  xmax: bigint;
}

/** Four ids; three in tokens made before the timeline was one of them, which are then refused as another origin's. */
const ORIGIN = /^\d+(?:\.\d+){2,3}$/;
/** `pg_snapshot` as text: xmin:xmax:in-progress ids. */
const SNAPSHOT = /^\d+:(\d+):(?:\d+(?:,\d+)*)?$/;

/**
 * Now, and where a store lives, as ids PostgreSQL assigns anew whenever that place is made again:
 * the database's OID (a database dropped and restored) and the entries table's OID (a schema
 * restored with `pg_restore --clean`), asked with every token, so a process running while its
 * database is restored notices too; with the cluster's system identifier (`CLUSTER_ID_QUERY`:
 * another server, or one rebuilt from a dump). A cluster restored to an earlier point in time
 * (PITR), or a standby promoted in its place, keeps all three; both start a new timeline, whose
 * number leads the name of the WAL file being written (`timeline`, hexadecimal). Its transaction
 * counter may be behind the token's, but only until new writes pass it; after that, writes since
 * the restore would read as already indexed. A standby still in recovery writes no WAL: it
 * reports no timeline (0), so its tokens match only its own; so does a server that refuses WAL
 * functions altogether (Amazon Aurora), found out once when the store opens (`TIMELINE_QUERY`).
 */
export function currentPointQuery(timelines: boolean): string {
  return `SELECT pg_current_snapshot()::text AS snapshot,
  ${timelines ? TIMELINE : 'NULL'} AS timeline,
  (SELECT oid FROM pg_database WHERE datname = current_database())::text AS database,
  'factdesk_entries'::regclass::oid::text AS entries`;
}

const TIMELINE = 'CASE WHEN pg_is_in_recovery() THEN NULL ELSE substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8) END';

/** Whether the server tells its timeline: run once, outside any transaction, so a refusal aborts nothing else. */
export const TIMELINE_QUERY = `SELECT ${TIMELINE} AS timeline`;

export interface CurrentPointRow {
  snapshot: string;
  /** Hexadecimal, as in WAL file names; null on a standby. */
  timeline: string | null;
  database: string;
  entries: string;
}

/** The origin part of a token taken now (see `currentPointQuery`). */
export function originOf(cluster: string, row: CurrentPointRow): string {
  const timeline = row.timeline === null ? 0 : Number.parseInt(row.timeline, 16);
  return `${cluster}.${timeline}.${row.database}.${row.entries}`;
}

/** The cluster's identity; a role not allowed to read the control data gets none (0), and relies on the other ids. */
export const CLUSTER_ID_QUERY = 'SELECT system_identifier::text AS cluster FROM pg_control_system()';

export function formatChangeToken(origin: string, snapshot: string): string {
  return `${origin}/${snapshot}`;
}

/** The token's parts, or undefined when it is not one this store makes. */
export function parseChangeToken(token: string): ChangeToken | undefined {
  const slash = token.indexOf('/');
  const origin = token.slice(0, slash);
  const snapshot = token.slice(slash + 1);
  const xmax = SNAPSHOT.exec(snapshot)?.[1];
  if (slash < 0 || !ORIGIN.test(origin) || xmax === undefined) return undefined;
  return { origin, snapshot, xmax: BigInt(xmax) };
}

/** xmax of a `pg_snapshot` as text. */
export function snapshotXmax(snapshot: string): bigint {
  const match = SNAPSHOT.exec(snapshot);
  if (!match) throw new Error(`not a pg_snapshot: ${snapshot.slice(0, 40)}`);
  return BigInt(match[1]!);
}
