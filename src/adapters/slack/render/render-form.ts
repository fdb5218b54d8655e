import type { types } from '@slack/bolt';
import type { FormField } from '../../../curation/add-form.js';
import { INTERACTION_IDS } from '../interactions.js';
import { truncate } from '../limits.js';
import { slackMessages } from '../slack-messages.js';

/** Modal limits (https://docs.slack.dev/reference/views/modal-views, plain-text input element). */
export const SLACK_FORM_LIMITS = Object.freeze({ title: 24, label: 2000, placeholder: 150, inputLength: 3000, metadata: 3000, error: 1000 });

/** Every input's element has this action id; the block id is the option it fills. */
const INPUT_ACTION_ID = 'value';

/**
 * A command's form as a Slack modal: one plain-text input per field, in order, required ones
 * enforced by Slack itself; `given` pre-fills inputs (the text typed after `/factcheck-add`).
 */
export function renderFormView(
  command: string,
  fields: readonly FormField[],
  given: Record<string, unknown>,
  privateMetadata: string,
): types.ModalView {
  return {
    type: 'modal',
    callback_id: INTERACTION_IDS.form,
    private_metadata: privateMetadata.slice(0, SLACK_FORM_LIMITS.metadata),
    title: { type: 'plain_text', text: truncate(slackMessages.formTitles[command] ?? 'factdesk', SLACK_FORM_LIMITS.title) },
    submit: { type: 'plain_text', text: slackMessages.formSubmit },
    close: { type: 'plain_text', text: slackMessages.formClose },
    blocks: [
      ...fields.map((field) => inputBlock(field, given[field.option])),
      { type: 'context', elements: [{ type: 'mrkdwn', text: slackMessages.formHint }] },
    ],
  };
}

function inputBlock(field: FormField, given: unknown): types.InputBlock {
  const maxLength = Math.min(field.maxLength, SLACK_FORM_LIMITS.inputLength);
  const initial = typeof given === 'string' ? given.trim().slice(0, maxLength) : '';
  return {
    type: 'input',
    block_id: field.option,
    optional: !field.required,
    label: { type: 'plain_text', text: truncate(field.label, SLACK_FORM_LIMITS.label) },
    element: {
      type: 'plain_text_input',
      action_id: INPUT_ACTION_ID,
      multiline: field.multiline,
      max_length: maxLength,
      ...(field.placeholder ? { placeholder: { type: 'plain_text', text: truncate(field.placeholder, SLACK_FORM_LIMITS.placeholder) } } : {}),
      ...(initial ? { initial_value: initial } : {}),
    },
  };
}

/** The submitted state of a modal: block id → action id → `{ value }` (null when left empty). */
export type SubmittedValues = Record<string, Record<string, { value?: string | null } | undefined> | undefined>;

/** The form's inputs as command options; empty ones as "", which commands read as "not given". */
export function formOptions(fields: readonly FormField[], values: SubmittedValues): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.option, values[field.option]?.[INPUT_ACTION_ID]?.value ?? '']));
}

/**
 * Which input an error belongs under, so Slack shows it there (`response_action: errors`): the
 * field the message names (`link: must be an http(s) URL`, "Give a rating"), else the first one.
 */
export function formErrors(fields: readonly FormField[], message: string): Record<string, string> {
  const named = (pattern: (option: string) => RegExp) =>
    fields
      .map((field) => ({ field, at: message.search(pattern(field.option)) }))
      .filter(({ at }) => at >= 0)
      .sort((a, b) => a.at - b.at)[0]?.field;
  const field = named((option) => new RegExp(`\\b${option}:`)) ?? named((option) => new RegExp(`\\b${option}\\b`, 'i')) ?? fields[0];
  return field ? { [field.option]: truncate(message, SLACK_FORM_LIMITS.error) } : {};
}
