import type { Adapter } from '../adapters/adapter.js';
import { createConsoleAdapter } from '../adapters/console/console-adapter.js';
import { storeConfigFrom, type Env } from '../config/config.js';
import { ChannelWatcher } from '../core/watch.js';
import { logger } from '../log/logger.js';
import { buildCore } from './build-core.js';
import { healthReport, startHealthServer } from './health.js';

/** How often a process looks for entries other processes wrote to a shared store. */
const FOLLOW_CHANGES_EVERY_MS = 5_000;

/**
 * The composition root: opens the store, builds the core, and starts every adapter whose
 * credentials are set; with none, the console. Resolves when the app should exit.
 */
export async function startApp(env: Env): Promise<void> {
  const core = await buildCore(storeConfigFrom(env));
  // Other processes serving the same PostgreSQL store add fact-checks too: find theirs within seconds.
  const stopFollowing = core.lookup.followChanges(FOLLOW_CHANGES_EVERY_MS);
  const watcher = new ChannelWatcher(core.lookup, core.store);
  const adapters: Adapter[] = [];
  const health = async () => healthReport(core, adapters);

  const slackReady = env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN);
  // Platform SDKs load only when used, so the console starts fast and needs neither.
  if (slackReady) {
    const { createSlackAdapter } = await import('../adapters/slack/slack-adapter.js');
    adapters.push(createSlackAdapter({ core, env, watcher, health }));
  }
  if (env.DISCORD_TOKEN) {
    const { createDiscordAdapter } = await import('../adapters/discord/discord-adapter.js');
    adapters.push(createDiscordAdapter({ core, env, watcher }));
  }

  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => (finished = resolve));
  if (adapters.length === 0) adapters.push(createConsoleAdapter(core, { onClose: () => finished() }));

  const slackServesHttp = slackReady && !env.SLACK_APP_TOKEN;
  const healthServer = adapters[0]?.name === 'console' || slackServesHttp ? undefined : await startHealthServer(env.PORT, () => healthReport(core, adapters));

  const shutdown = async () => {
    stopFollowing();
    for (const adapter of adapters) await adapter.stop().catch((error: unknown) => logger.error({ err: error }, 'adapter stop failed'));
    healthServer?.close();
    // What is still only in memory: lookups buffered for stats, an index snapshot waiting for quiet.
    await core.lookup.flushLookupLog().catch((error: unknown) => logger.error({ err: error }, 'could not write the buffered lookups'));
    await core.lookup.writePendingSnapshot();
    await core.lookup.closeSemantic();
    await core.store.close();
  };
  process.once('SIGINT', () => finished());
  process.once('SIGTERM', () => finished());

  try {
    for (const adapter of adapters) {
      await adapter.start();
      if (adapter.name !== 'console') logger.info({ adapter: adapter.name }, 'adapter started');
    }
  } catch (error) {
    await shutdown();
    throw error;
  }
  await done;
  await shutdown();
}
