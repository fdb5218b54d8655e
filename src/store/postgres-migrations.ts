/** One schema change, applied once, in version order, inside the start-up transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Append only: a released migration is never edited, a change is a new version.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'claims and articles, feedback, channel settings',
    sql: `
      CREATE TABLE factdesk_entries (
        kind text NOT NULL CHECK (kind IN ('claim', 'article')),
        id text NOT NULL,
        data jsonb NOT NULL,
        position bigint GENERATED ALWAYS AS IDENTITY,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, id)
      );
      CREATE TABLE factdesk_feedback (
        scope text NOT NULL,
        query text NOT NULL,
        result_id text NOT NULL,
        data jsonb NOT NULL,
        position bigint GENERATED ALWAYS AS IDENTITY,
        PRIMARY KEY (scope, query, result_id)
      );
      CREATE TABLE factdesk_channel_settings (
        channel_key text PRIMARY KEY,
        data jsonb NOT NULL
      );
      CREATE TABLE factdesk_meta (
        key text PRIMARY KEY,
        value jsonb NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'fact-check requests and the lookup log',
    sql: `
      CREATE TABLE factdesk_requests (
        id text PRIMARY KEY,
        status text NOT NULL,
        data jsonb NOT NULL,
        position bigint GENERATED ALWAYS AS IDENTITY
      );
      CREATE TABLE factdesk_lookups (
        at timestamptz NOT NULL,
        data jsonb NOT NULL,
        position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY
      );
      CREATE INDEX factdesk_lookups_at ON factdesk_lookups (at);
    `,
  },
  {
    version: 3,
    name: 'which transaction last wrote each entry, for following changes',
    // Every process serving the store asks for the entries whose writer its last snapshot did not
    // see: exact even when transactions commit out of order, unlike a timestamp or a sequence.
    sql: `
      ALTER TABLE factdesk_entries ADD COLUMN writer xid8 NOT NULL DEFAULT pg_current_xact_id();
      CREATE INDEX factdesk_entries_writer ON factdesk_entries (writer);
    `,
  },
];
