import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { ChangeTokenRefused } from '../../src/store/store.js';
import { claim, ids } from './sample-data.js';
import { ScratchCluster } from './scratch-cluster.js';
import { withClient } from './postgres-test-db.js';

const skipReason = await ScratchCluster.unavailableReason();
const SCHEMA = 'factdesk_timeline';

describe.skipIf(skipReason !== undefined)('PostgresStore change tokens across a new timeline', () => {
  let cluster: ScratchCluster;
  let primaryUrl: string;
  beforeAll(async () => {
    ({ cluster, url: primaryUrl } = await ScratchCluster.start());
  }, 60_000);
  afterAll(async () => cluster?.dispose(), 60_000);

  const open = (databaseUrl: string, schema = SCHEMA) => PostgresStore.open({ databaseUrl, schema });

  it('still takes and reads change tokens on a server that refuses its WAL functions (as Amazon Aurora does), without a timeline', async () => {
    // A role without the right to call pg_walfile_name stands in for such a server.
    await withClient(primaryUrl, async (client) => {
      await client.query('CREATE ROLE plain LOGIN');
      await client.query('GRANT CREATE ON DATABASE postgres TO plain');
      await client.query('REVOKE EXECUTE ON FUNCTION pg_walfile_name(pg_lsn) FROM PUBLIC');
    });
    const asPlain = new URL(primaryUrl);
    asPlain.username = 'plain';
    const store = await open(asPlain.href, 'factdesk_no_timeline');
    try {
      const token = await store.changeToken();
      expect(token.split('/')[0]!.split('.')[1]).toBe('0');
      await store.upsert({ claims: [claim('written')] });
      expect(ids((await store.changesSince(token)).entries.claims)).toEqual(['written']);
    } finally {
      await store.close();
      await withClient(primaryUrl, (client) => client.query('GRANT EXECUTE ON FUNCTION pg_walfile_name(pg_lsn) TO PUBLIC'));
    }
  });

  it(
    'refuses a token from before a failover that lost writes, even once the transaction counter has passed it',
    async () => {
      const primary = await open(primaryUrl);
      await primary.upsert({ claims: [claim('kept')] });
      const standby = await cluster.backUp(primaryUrl);
      // Written after the backup, so lost with the old primary; the token saw it.
      await primary.upsert({ claims: [claim('lost')] });
      const token = await primary.changeToken();
      await primary.close();
      await cluster.crash(primaryUrl);

      const promotedUrl = await cluster.promote(standby);
      const promoted = await open(promotedUrl);
      try {
        // A write after the failover, then enough transactions to carry the counter past the token's:
        // by transaction ids alone, this write would read as one the token had already seen.
        await promoted.upsert({ claims: [claim('after')] });
        await passTransactionCounter(promotedUrl, token);

        await expect(promoted.changesSince(token)).rejects.toThrow(ChangeTokenRefused);
        await expect(promoted.changesSince(token)).rejects.toThrow(/standby promoted in its place/);
        // Built anew from the store, the index holds what the promoted server has.
        const all = [];
        for await (const batch of promoted.scanEntries(100)) all.push(...batch.claims);
        expect(ids(all).sort()).toEqual(['after', 'kept']);
        expect((await promoted.changesSince(await promoted.changeToken())).entries.claims).toEqual([]);
      } finally {
        await promoted.close();
      }
    },
    60_000,
  );
});

/** Runs transactions on the server until its counter is past the token's xmax. */
async function passTransactionCounter(databaseUrl: string, token: string): Promise<void> {
  const xmax = BigInt(token.split('/')[1]!.split(':')[1]!);
  await withClient(databaseUrl, async (client) => {
    for (;;) {
      const { rows } = await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
      if (BigInt(rows[0]!.xid) > xmax) return;
    }
  });
}

