import { Command, Option } from 'commander';
import pc from 'picocolors';
import { renderReplyText } from '../adapters/console/render-reply.js';
import { buildCore } from '../app/build-core.js';
import { loadEnv, storeConfigFrom } from '../config/config.js';
import { FaultError } from '../core/errors.js';
import { UsageError } from './exit-codes.js';
import { toLookupJson } from './lookup-json.js';
import type { Reply } from '../core/reply.js';
import type { LookupService } from '../core/lookup.js';

export function lookupCommand(): Command {
  return new Command('lookup')
    .exitOverride()
    .description('Look up one claim or link and print the answer')
    .argument('<query>', 'the claim text, or a link')
    .option('--json', 'print the answer as JSON (see DESIGN.md)')
    .addOption(new Option('--limit <n>', 'how many results at most').default('3').argParser(parseLimit))
    .action(async (query: string, options: { json?: boolean; limit: number | string }) => {
      if (!query.trim()) throw new UsageError('lookup needs a claim or a link to look up.');
      // A one-shot lookup never writes, so it needs no lock and works beside a running bot.
      const core = await buildCore({ ...storeConfigFrom(loadEnv()), readOnly: true });
      try {
        await rankAsTheBotDoes(core.lookup);
        const reply = await core.dispatch('factcheck', { query, limit: Number(options.limit) }, { platform: 'cli', scope: 'cli' });
        if (reply.kind === 'notice' && reply.fault) throw new FaultError(reply.text);
        if (reply.kind === 'notice' && reply.tone === 'error') throw new UsageError(reply.text);
        if (options.json) process.stdout.write(`${JSON.stringify(toLookupJson(query, reply), null, 2)}\n`);
        else process.stdout.write(`${renderReplyText(withoutActions(reply), pc.createColors(pc.isColorSupported && process.stdout.isTTY))}\n`);
      } finally {
        await core.lookup.closeSemantic();
        await core.store.close();
      }
    });
}

/** Claims a one-shot lookup embeds itself so that it ranks as the bot does; about a second of work. */
const EMBED_AT_MOST = 1500;

/**
 * The bot ranks with the sentence encoder once its claims are embedded, and keeps their vectors
 * (`<store>.vectors`). A one-shot lookup uses those, and embeds the few claims they lack; when
 * many lack one (the bot has not run since they were added, or never with the encoder), it ranks
 * by words alone, and says so, rather than spend minutes embedding them for one answer.
 */
async function rankAsTheBotDoes(lookup: LookupService): Promise<void> {
  const waiting = await lookup.claimsAwaitingEmbedding();
  if (waiting <= EMBED_AT_MOST) return lookup.allClaimsEmbedded();
  process.stderr.write(`Ranked by words only: ${waiting} claims have no sentence vector yet (the bot embeds them when it runs with FACTDESK_SEMANTIC on).\n`);
  await lookup.closeSemantic();
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 20) throw new UsageError(`--limit must be a whole number from 1 to 20 (got "${value}").`);
  return limit;
}

/** A one-shot lookup has no conversation to continue, so it offers no follow-up actions. */
function withoutActions(reply: Reply): Reply {
  return reply.kind === 'no-match' ? { ...reply, actions: undefined } : reply;
}
