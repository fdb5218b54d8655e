import type { ChatInputCommandInteraction, ModalSubmitInteraction } from 'discord.js';
import { COMMAND_FORMS, type FormField } from '../../curation/add-form.js';
import { decodeFormId, encodeFormId } from './custom-ids.js';
import type { DiscordContext } from './discord-context.js';
import { discordMessages } from './discord-messages.js';
import { requesterFromInteraction, slashCommandOptions } from './parse.js';
import { modalFields, renderFormModal } from './render-form.js';
import { answerPrivately, answerWithNotice, renderWithButtons } from './respond.js';

/**
 * Opens a command's form (`/factcheck-add`) as a modal. Options given with the command pre-fill
 * its inputs; the ones the modal has no room for are kept here until it is submitted.
 */
export async function openForm(interaction: ChatInputCommandInteraction, fields: readonly FormField[], context: DiscordContext): Promise<void> {
  const options = slashCommandOptions(interaction);
  const key = context.forms.remember({ command: interaction.commandName, options });
  await interaction.showModal(renderFormModal(interaction.commandName, fields, options, encodeFormId(interaction.commandName, key)));
}

/**
 * A submitted modal runs its command as the person who submitted it (permissions checked again),
 * with the typed inputs over the options given with the command; the answer is private. A new
 * fact-check may answer requests, whose askers are then told at once.
 */
export async function handleFormSubmit(interaction: ModalSubmitInteraction, context: DiscordContext): Promise<void> {
  const ref = decodeFormId(interaction.customId);
  if (!ref) return;
  const saved = context.forms.recall(ref.optionsKey);
  const fields = COMMAND_FORMS[ref.command];
  // Without what was given with the command (an `id` to correct…), submitting could do something else.
  if (!saved || saved.command !== ref.command || !fields) {
    await answerWithNotice(interaction, discordMessages.formExpired, 'error');
    return;
  }
  const typed = Object.fromEntries(modalFields(fields).map((field) => [field.option, inputValue(interaction, field.option)]));
  const requester = requesterFromInteraction(interaction, context.env);
  const work = context.core.dispatch(ref.command, { ...saved.options, ...typed }, requester).then((reply) => renderWithButtons(reply, context));
  await answerPrivately(interaction, work, context.deferAfterMs);
  await context.drainNotifications();
}

/** A text input's value; "" when it was left empty (or is missing), which commands read as "not given". */
function inputValue(interaction: ModalSubmitInteraction, customId: string): string {
  const field = interaction.fields.fields.get(customId);
  return field && 'value' in field && typeof field.value === 'string' ? field.value : '';
}
