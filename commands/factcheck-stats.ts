import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { requestMessages } from '../src/requests/request-messages.js';
import { renderStats } from '../src/stats/render-stats.js';
import { computeStats, STATS_WINDOW_DAYS } from '../src/stats/store-stats.js';

export default defineCommand({
  name: 'factcheck-stats',
  description: 'Staff: store size, verdicts, most looked-up claims this week, lookups with no match',
  usage: 'factcheck-stats',
  options: z.object({}),
  async handler(_options, { lookup, store, requester }) {
    if (!requester.permissions?.curate) throw new UserError('forbidden', requestMessages.staffOnly('factcheck-stats'));
    // Lookups are written in batches: this week's figures include the ones still in memory.
    await lookup.flushLookupLog();
    const since = new Date(Date.now() - STATS_WINDOW_DAYS * 24 * 60 * 60 * 1000).toISOString();
    const [claims, articles, lookups, open] = await Promise.all([
      store.listClaims(),
      store.listArticles(),
      store.listLookups(since),
      store.listRequests({ status: 'open' }),
    ]);
    return { kind: 'notice', tone: 'info', text: renderStats(computeStats({ claims, articles, lookups, openRequests: open.length })) };
  },
});
