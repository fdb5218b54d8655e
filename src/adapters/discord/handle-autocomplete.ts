import type { AutocompleteInteraction } from 'discord.js';
import type { DiscordContext } from './discord-context.js';

/** Suggests fact-checked claims while `/factcheck query` is typed; any other option gets no suggestions. */
export async function handleAutocomplete(interaction: AutocompleteInteraction, context: DiscordContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const suggestions =
    interaction.commandName === 'factcheck' && focused.name === 'query' ? await context.suggester.suggest(String(focused.value)) : [];
  await interaction.respond(suggestions);
}
