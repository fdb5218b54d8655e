import type { Writable } from 'node:stream';
import type { FormField } from '../../curation/add-form.js';

/** Typed at any form prompt, abandons the form. */
export const CANCEL_WORD = '/cancel';

/**
 * Asks for a form's fields one at a time, the console's stand-in for a Slack or Discord modal.
 * Fields already given (the text typed after the command) are not asked again; an empty answer
 * leaves an optional field out and asks again for a required one. Resolves to the options, or
 * undefined when the user cancelled or input ended.
 */
export async function askForm(
  fields: readonly FormField[],
  given: Record<string, unknown>,
  io: { output: Writable; nextLine: () => Promise<string | undefined>; paint: { dim: (text: string) => string; bold: (text: string) => string } },
): Promise<Record<string, unknown> | undefined> {
  const options: Record<string, unknown> = { ...given };
  io.output.write(io.paint.dim(`Fill in the fields; press Enter to leave an optional one empty, type ${CANCEL_WORD} to stop.\n`));
  for (const field of fields) {
    const already = options[field.option];
    if (typeof already === 'string' && already.trim() !== '') continue;
    for (;;) {
      const hint = field.placeholder ? io.paint.dim(` (${field.placeholder})`) : '';
      io.output.write(`  ${io.paint.bold(field.label)}${field.required ? '' : io.paint.dim(' [optional]')}${hint}: `);
      const answer = await io.nextLine();
      if (answer === undefined || answer.trim() === CANCEL_WORD) return undefined;
      const value = answer.trim().slice(0, field.maxLength);
      if (value !== '') options[field.option] = value;
      if (value !== '' || !field.required) break;
      io.output.write(io.paint.dim(`  ${field.label} is needed.\n`));
    }
  }
  return options;
}
