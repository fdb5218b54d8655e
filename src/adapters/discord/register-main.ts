// `npm run discord:register`: pushes the application commands to Discord once. Not run on start.
// `npm run discord:register -- --remove` removes them instead (from DISCORD_GUILD_ID, or globally).
import dotenv from 'dotenv';
import { commands } from '../../../commands/index.js';
import { loadEnv } from '../../config/config.js';
import { registerCommands } from './register-commands.js';

dotenv.config({ quiet: true });

try {
  const env = loadEnv();
  const missing = (['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const).filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`Set ${missing.join(' and ')} (see the README, "Discord") before registering commands.`);
  const remove = process.argv.includes('--remove');
  const result = await registerCommands(remove ? [] : commands, {
    token: env.DISCORD_TOKEN!,
    applicationId: env.DISCORD_APPLICATION_ID!,
    guildId: env.DISCORD_GUILD_ID,
    apiUrl: env.DISCORD_API_URL,
  });
  const where = result.scope === 'guild' ? `in guild ${env.DISCORD_GUILD_ID} (available at once)` : 'globally (every server the bot is in)';
  process.stdout.write(
    remove ? `Removed factdesk's commands ${where.replace(/ \(.*\)$/, '')}.\n` : `Registered ${result.names.length} commands ${where}: ${result.names.join(', ')}\n`,
  );
} catch (error) {
  process.stderr.write(`discord:register: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
