/**
 * One input of a command's form: a Slack modal block, a Discord modal text input, a console
 * prompt. `option` is the command option it fills; the command's zod schema validates the result.
 */
export interface FormField {
  option: string;
  label: string;
  /** Shown inside an empty input (Slack, Discord) or after the prompt (console). */
  placeholder?: string;
  required: boolean;
  multiline: boolean;
  maxLength: number;
}

/**
 * The `factcheck-add` form, most important first. Discord modals hold five inputs: platforms with
 * such a limit show the first `FORM_ESSENTIALS` fields and leave the rest to the options.
 */
export const FACTCHECK_ADD_FORM: readonly FormField[] = Object.freeze([
  { option: 'claim', label: 'Claim, as it circulates', placeholder: 'Drinking hot water cures the flu', required: true, multiline: true, maxLength: 2000 },
  { option: 'rating', label: 'Rating', placeholder: 'False, Misleading, Mostly true, Pants on Fire, Falso…', required: true, multiline: false, maxLength: 200 },
  { option: 'reviewer', label: 'Checked by', placeholder: 'Your desk or the publisher', required: true, multiline: false, maxLength: 200 },
  { option: 'link', label: 'Link to the fact-check', placeholder: 'https://…', required: false, multiline: false, maxLength: 2000 },
  { option: 'summary', label: 'Why, in a few lines', required: false, multiline: true, maxLength: 3000 },
  { option: 'claimant', label: 'Who made the claim', required: false, multiline: false, maxLength: 200 },
  { option: 'date', label: 'Date of the fact-check', placeholder: '2024-05-01; empty for today', required: false, multiline: false, maxLength: 40 },
  { option: 'language', label: 'Language of the claim', placeholder: 'en, es, pt-BR…', required: false, multiline: false, maxLength: 35 },
  { option: 'appearances', label: 'Where it circulated', placeholder: 'Links, one per line', required: false, multiline: true, maxLength: 3000 },
  { option: 'id', label: 'Id of the entry to correct', placeholder: 'Empty to add a new one', required: false, multiline: false, maxLength: 200 },
]);

export const FORM_ESSENTIALS = 5;

/** Commands that collect their options through a form rather than a line of text. */
export const COMMAND_FORMS: Readonly<Record<string, readonly FormField[]>> = Object.freeze({
  'factcheck-add': FACTCHECK_ADD_FORM,
});
