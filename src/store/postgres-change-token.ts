/**
 * A PostgreSQL store's change token: which database and table it was taken from, and the
 * transaction snapshot (`pg_snapshot` text, xmin:xmax:in-progress ids) it saw, as
 * `<cluster>.<database>.<table>/<snapshot>`.
 *
 * Why the origin is part of it: a token outlives the process in an index snapshot
 * (FACTDESK_INDEX_SNAPSHOT), and the change feed answers "rows whose writer this snapshot did not
 * see" by transaction ids. Against a database restored from a backup, or another one at the same
 * address, those ids mean nothing: rows restored with their old writer ids, or written by a
 * transaction counter that went back, would be taken as already indexed. A token whose origin
 * differs, or whose snapshot is ahead of the database's, is refused, and the index is rebuilt.
 */
export interface ChangeToken {
  /** `<cluster>.<database>.<table>`: see `CURRENT_POINT_QUERY`. */
  origin: string;
  /** The `pg_snapshot` it saw, as text. */
  snapshot: string;
  /** The snapshot's xmax: the first transaction id not yet assigned when it was taken. */
  xmax: bigint;
}

const ORIGIN = /^\d+\.\d+\.\d+$/;
/** `pg_snapshot` as text: xmin:xmax:in-progress ids. */
const SNAPSHOT = /^\d+:(\d+):(?:\d+(?:,\d+)*)?$/;

/**
 * Now, and where a store lives, as ids PostgreSQL assigns anew whenever that place is made again:
 * the database's OID (a database dropped and restored) and the entries table's OID (a schema
 * restored with `pg_restore --clean`), asked with every token, so a process running while its
 * database is restored notices too; with the cluster's system identifier (`CLUSTER_ID_QUERY`:
 * another server, or one rebuilt from a dump). A restore onto the same cluster at an earlier point
 * in time (PITR) keeps all three, and is caught by its transaction counter being behind the token's.
 */
export const CURRENT_POINT_QUERY = `SELECT pg_current_snapshot()::text AS snapshot,
  (SELECT oid FROM pg_database WHERE datname = current_database())::text AS database,
  'factdesk_entries'::regclass::oid::text AS entries`;

export interface CurrentPointRow {
  snapshot: string;
  database: string;
  entries: string;
}

/** The origin part of a token taken now (see `CURRENT_POINT_QUERY`). */
export function originOf(cluster: string, row: CurrentPointRow): string {
  return `${cluster}.${row.database}.${row.entries}`;
}

/** The cluster's identity; a role not allowed to read the control data gets none (0), and relies on the other two ids. */
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
