import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { FORM_ESSENTIALS, type FormField } from '../../curation/add-form.js';
import { discordMessages } from './discord-messages.js';
import { DISCORD_LIMITS, truncate } from './limits.js';

/** The fields a Discord modal shows: the first five (its limit); the others are the command's options. */
export function modalFields(fields: readonly FormField[]): readonly FormField[] {
  return fields.slice(0, Math.min(FORM_ESSENTIALS, DISCORD_LIMITS.modalComponents));
}

/**
 * A command's form as a Discord modal: a labelled text input per field (its custom_id is the
 * option it fills), pre-filled with what was given with the command. Correcting an entry by
 * `id` makes every input optional: fields left empty keep their stored value.
 */
export function renderFormModal(
  command: string,
  fields: readonly FormField[],
  given: Record<string, unknown>,
  customId: string,
): APIModalInteractionResponseCallbackData {
  const correcting = typeof given.id === 'string' && given.id.trim() !== '';
  return {
    custom_id: customId,
    title: truncate(discordMessages.formTitles[command] ?? 'factdesk', DISCORD_LIMITS.modalTitle),
    components: modalFields(fields).map((field) => {
      const maxLength = Math.min(field.maxLength, DISCORD_LIMITS.inputLength);
      const value = typeof given[field.option] === 'string' ? (given[field.option] as string).trim().slice(0, maxLength) : '';
      return {
        type: ComponentType.Label,
        label: truncate(field.label, DISCORD_LIMITS.inputLabel),
        component: {
          type: ComponentType.TextInput,
          custom_id: field.option,
          style: field.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
          required: field.required && !correcting,
          max_length: maxLength,
          ...(field.placeholder ? { placeholder: truncate(field.placeholder, DISCORD_LIMITS.inputPlaceholder) } : {}),
          ...(value ? { value } : {}),
        },
      };
    }),
  };
}
