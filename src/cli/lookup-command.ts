import { Command, Option } from 'commander';
import pc from 'picocolors';
import { renderReplyText } from '../adapters/console/render-reply.js';
import { buildCore } from '../app/build-core.js';
import { loadEnv, storeConfigFrom } from '../config/config.js';
import { FaultError } from '../core/errors.js';
import { UsageError } from './exit-codes.js';
import { toLookupJson } from './lookup-json.js';
import type { Reply } from '../core/reply.js';

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
        const reply = await core.dispatch('factcheck', { query, limit: Number(options.limit) }, { platform: 'cli', scope: 'cli' });
        if (reply.kind === 'notice' && reply.fault) throw new FaultError(reply.text);
        if (reply.kind === 'notice' && reply.tone === 'error') throw new UsageError(reply.text);
        if (options.json) process.stdout.write(`${JSON.stringify(toLookupJson(query, reply), null, 2)}\n`);
        else process.stdout.write(`${renderReplyText(withoutActions(reply), pc.createColors(pc.isColorSupported && process.stdout.isTTY))}\n`);
      } finally {
        await core.store.close();
      }
    });
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
