import { FaultError } from '../core/errors.js';
import { storeMessages } from './store-messages.js';

/** The parts of DATABASE_URL that are safe to show: never the password. */
export interface PostgresLocation {
  host: string;
  port: string;
  database: string;
  user: string | undefined;
  /** Present only so error texts can be scrubbed of it. */
  password: string | undefined;
}

export function parsePostgresUrl(databaseUrl: string): PostgresLocation {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    // Not chained as the cause: URL errors carry the input, password included.
    throw new FaultError(storeMessages.postgresUrlInvalid);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new FaultError(storeMessages.postgresUrlInvalid);
  const user = url.username ? decodeURIComponent(url.username) : undefined;
  return {
    host: url.hostname || url.searchParams.get('host') || 'localhost',
    port: url.port || '5432',
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || user || '(default)',
    user,
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

/** `database "test" on 127.0.0.1:5432 as postgres`, for messages and logs. */
export function describeLocation(location: PostgresLocation): string {
  const as = location.user ? ` as ${location.user}` : '';
  return `database "${location.database}" on ${location.host}:${location.port}${as}`;
}

/** A driver error's text without the password, even if some layer echoed it. */
export function safeReason(error: unknown, location: PostgresLocation): string {
  const parts =
    error instanceof AggregateError
      ? error.errors.map((inner: unknown) => (inner instanceof Error ? inner.message : String(inner)))
      : [error instanceof Error ? error.message || ((error as NodeJS.ErrnoException).code ?? error.name) : String(error)];
  const reason = [...new Set(parts)].join('; ');
  return location.password ? reason.split(location.password).join('***') : reason;
}
