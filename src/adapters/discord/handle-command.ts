import type { ChatInputCommandInteraction, MessageContextMenuCommandInteraction } from 'discord.js';
import type { Reply } from '../../core/reply.js';
import { COMMAND_FORMS } from '../../curation/add-form.js';
import { CHECK_MESSAGE_COMMAND, CURATOR_COMMANDS } from './application-commands.js';
import type { DiscordContext } from './discord-context.js';
import { discordMessages } from './discord-messages.js';
import { openForm } from './handle-form.js';
import { chatMessageOf, requesterFromInteraction, slashCommandOptions } from './parse.js';
import { answerPrivately, renderWithButtons } from './respond.js';

const WATCH_COMMAND = 'factcheck-watch';
const WATCHING_MODES = new Set(['thread', 'reply', 'moderators']);

/**
 * Every slash command, dispatched to the core by name. A command with a form (`/factcheck-add`)
 * opens a modal instead, for those allowed to run it; anyone else gets the command's own refusal.
 */
export async function handleSlashCommand(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  const requester = requesterFromInteraction(interaction, context.env);
  const form = COMMAND_FORMS[interaction.commandName];
  if (form && (!CURATOR_COMMANDS.has(interaction.commandName) || requester.permissions?.curate)) {
    await openForm(interaction, form, context);
    return;
  }
  const options = slashCommandOptions(interaction);
  const work = context.core
    .dispatch(interaction.commandName, options, requester)
    .then((reply) => (interaction.commandName === WATCH_COMMAND ? withWatchWarnings(reply, options, context) : reply))
    .then((reply) => renderWithButtons(reply, context));
  await answerPrivately(interaction, work, context.deferAfterMs);
}

/** Apps → Check claim: Discord sends the target message's content with the interaction, intent or not. */
export async function handleCheckClaim(interaction: MessageContextMenuCommandInteraction, context: DiscordContext): Promise<void> {
  const requester = requesterFromInteraction(interaction, context.env);
  const work = context.core
    .dispatch(CHECK_MESSAGE_COMMAND, { ...chatMessageOf(interaction.targetMessage) }, requester)
    .then((reply) => renderWithButtons(reply, context));
  await answerPrivately(interaction, work, context.deferAfterMs);
}

/**
 * A moderator who turns watching on is told at once if it cannot work yet (no Message Content
 * intent, or nowhere to send moderator reports) rather than finding out from the silence.
 */
function withWatchWarnings(reply: Reply, options: Record<string, unknown>, context: DiscordContext): Reply {
  if (reply.kind !== 'notice' || reply.tone !== 'info') return reply;
  const mode = String(options.mode ?? '').trim().toLowerCase();
  if (!WATCHING_MODES.has(mode)) return reply;
  const warnings: string[] = [
    context.contentIntent.isMissing ? discordMessages.noMessageContentIntent : undefined,
    mode === 'moderators' && !context.env.DISCORD_MODERATORS_CHANNEL ? discordMessages.noModeratorsChannel : undefined,
  ].filter((warning) => warning !== undefined);
  if (warnings.length === 0) return reply;
  return { ...reply, text: [reply.text, ...warnings.map((warning) => `⚠️ ${warning}`)].join('\n\n') };
}
