import { DiscordAPIError, REST, Routes } from 'discord.js';
import type { AnyCommand } from '../../core/command.js';
import { buildApplicationCommands } from './application-commands.js';

export interface RegistrationTarget {
  token: string;
  applicationId: string;
  /** Register in this guild only (instant, for development); global otherwise. */
  guildId?: string;
  /** REST base, as discord.js's `rest.api` (tests point it at a local fake). */
  apiUrl?: string;
}

export interface RegistrationResult {
  scope: 'guild' | 'global';
  names: string[];
}

/**
 * Replaces the application's commands with the current definitions in ONE bulk overwrite (PUT):
 * commands removed from `commands/` disappear from Discord too. Run on demand, never on start,
 * because Discord rate-limits command registration.
 */
export async function registerCommands(commands: readonly AnyCommand[], target: RegistrationTarget): Promise<RegistrationResult> {
  const rest = new REST(target.apiUrl ? { api: target.apiUrl } : {}).setToken(target.token);
  const body = buildApplicationCommands(commands);
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  try {
    const registered = (await rest.put(route, { body })) as { name: string }[];
    return { scope: target.guildId ? 'guild' : 'global', names: registered.map((command) => command.name) };
  } catch (error) {
    throw new Error(explainRegistrationError(error, target), { cause: error });
  }
}

function explainRegistrationError(error: unknown, target: RegistrationTarget): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return 'Discord rejected DISCORD_TOKEN (401): copy the bot token again from the Developer Portal (Bot → Reset Token).';
    if (error.code === 50001 && target.guildId) {
      return `The application is not in guild ${target.guildId} with the applications.commands scope (Missing Access): invite it with the URL in the README, or check DISCORD_GUILD_ID.`;
    }
    if (error.status === 404) return 'Discord does not know that application: check DISCORD_APPLICATION_ID (Developer Portal → General Information → Application ID).';
    return `Discord refused the commands (${error.status} ${error.code}): ${error.message}`;
  }
  return `Could not reach Discord to register the commands: ${error instanceof Error ? error.message : String(error)}`;
}
