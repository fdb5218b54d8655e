import { createHash } from 'node:crypto';
import path from 'node:path';
import type { StoreConfig } from '../config/config.js';
import { parsePostgresUrl } from '../store/postgres-location.js';

/**
 * Where the search index's snapshot is kept, or undefined for none (FACTDESK_INDEX_SNAPSHOT=off):
 * where FACTDESK_INDEX_SNAPSHOT says; else beside the JSON store file; else, for PostgreSQL, in
 * the store file's folder (data/ by default), one file per DATABASE_URL (less its credentials) and
 * schema, so two stores served from one folder never take turns overwriting one snapshot. A snapshot of another database,
 * or of this one before a restore from a backup, is refused at start (postgres-change-token.ts).
 */
export function indexSnapshotPathFor(config: StoreConfig & { databaseSchema?: string }): string | undefined {
  if (config.indexSnapshotPath === false) return undefined;
  if (config.indexSnapshotPath !== undefined) return config.indexSnapshotPath;
  if (!config.databaseUrl) return `${config.storePath}.index`;
  // Checked as the store checks it (a friendly error that never shows the password).
  parsePostgresUrl(config.databaseUrl);
  // Neither user nor password: the same tables reached with other credentials are the same store.
  // The rest stays, `?options=-c search_path=…` included, which may choose another schema.
  const where = new URL(config.databaseUrl);
  where.username = '';
  where.password = '';
  const key = createHash('sha1').update(JSON.stringify([where.href, config.databaseSchema ?? ''])).digest('hex').slice(0, 12);
  return path.join(path.dirname(config.storePath), `postgres-${key}.index`);
}
