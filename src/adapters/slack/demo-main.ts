/**
 * `npm run slack:demo -- "claim or link"`: looks the query up through the core on the seed store
 * (read only, nothing is written) and prints the Block Kit message `/factcheck` would send.
 */
import { commands } from '../../../commands/index.js';
import { loadEnv, storeConfigFrom } from '../../config/config.js';
import { createCore } from '../../core/core.js';
import { LookupService } from '../../core/lookup.js';
import { MemoryStore } from '../../store/memory-store.js';
import { loadSeedFile } from '../../store/seed-file.js';
import { requesterFrom, slashCommandCall } from './parse/requests.js';
import { renderReply } from './render/render-reply.js';

const query = process.argv.slice(2).join(' ');
if (!query.trim()) {
  process.stderr.write('Usage: npm run slack:demo -- "<claim or link>"\n');
  process.exit(2);
}

const seed = await loadSeedFile(storeConfigFrom(loadEnv()).seedPath, 'run the Slack demo');
const store = new MemoryStore(seed);
const core = createCore({ store, lookup: await LookupService.fromStore(store), commands });
const call = slashCommandCall(core, '/factcheck', query);
const reply = await core.dispatch(call.command, call.options, requesterFrom({ teamId: 'T0DEMO', userId: 'U0DEMO', channelId: 'C0DEMO' }));
const message = renderReply(reply, { share: reply.kind === 'results' ? call : undefined, wrongMatch: true });
process.stdout.write(`${JSON.stringify({ response_type: 'ephemeral', ...message }, null, 2)}\n`);
process.stderr.write('(The JSON above is what /factcheck posts to the response_url; paste "blocks" into Block Kit Builder to see it.)\n');
