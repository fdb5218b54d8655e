import { describe, expect, it } from 'vitest';
import factcheckAdd from '../../commands/factcheck-add.js';
import { COMMAND_FORMS, FACTCHECK_ADD_FORM, FORM_ESSENTIALS } from '../../src/curation/add-form.js';

describe('the factcheck-add form (the contract for Slack and Discord modals and console prompts)', () => {
  it('fills only options the command declares, each once', () => {
    const options = Object.keys(factcheckAdd.options.shape);
    const fields = FACTCHECK_ADD_FORM.map((field) => field.option);
    expect(new Set(fields).size).toBe(fields.length);
    for (const field of fields) expect(options).toContain(field);
    expect(COMMAND_FORMS['factcheck-add']).toBe(FACTCHECK_ADD_FORM);
  });

  it('puts every required field among the first five, which is all a Discord modal holds', () => {
    const required = FACTCHECK_ADD_FORM.filter((field) => field.required);
    expect(required.map((field) => field.option)).toEqual(['claim', 'rating', 'reviewer']);
    for (const field of required) expect(FACTCHECK_ADD_FORM.indexOf(field)).toBeLessThan(FORM_ESSENTIALS);
  });

  it('accepts a submitted form with empty inputs, which count as not given', () => {
    const submitted = Object.fromEntries(FACTCHECK_ADD_FORM.map((field) => [field.option, '']));
    const parsed = factcheckAdd.options.parse({ ...submitted, claim: ' A claim ', rating: 'False', reviewer: 'Desk' });
    expect(Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined))).toEqual({ claim: 'A claim', rating: 'False', reviewer: 'Desk' });
  });

  it('keeps each input within the length its option accepts', () => {
    for (const field of FACTCHECK_ADD_FORM) {
      const tooLong = factcheckAdd.options.shape[field.option as keyof typeof factcheckAdd.options.shape].safeParse('x'.repeat(field.maxLength + 1));
      const fits = factcheckAdd.options.shape[field.option as keyof typeof factcheckAdd.options.shape].safeParse('x'.repeat(field.maxLength));
      expect(fits.success, field.option).toBe(true);
      expect(tooLong.success, field.option).toBe(false);
    }
  });
});
