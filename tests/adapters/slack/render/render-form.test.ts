import { describe, expect, it } from 'vitest';
import { INTERACTION_IDS } from '../../../../src/adapters/slack/interactions.js';
import { formErrors, formOptions, renderFormView, SLACK_FORM_LIMITS } from '../../../../src/adapters/slack/render/render-form.js';
import { FACTCHECK_ADD_FORM, type FormField } from '../../../../src/curation/add-form.js';

const inputs = (view: ReturnType<typeof renderFormView>) => view.blocks.filter((block) => block.type === 'input') as any[];

describe('renderFormView', () => {
  const view = renderFormView('factcheck-add', FACTCHECK_ADD_FORM, { claim: '  Zebras are painted horses ' }, '{"c":"factcheck-add"}');

  it('is a modal with one plain-text input per field, in order, under the form callback id', () => {
    expect(view).toMatchObject({ type: 'modal', callback_id: INTERACTION_IDS.form, private_metadata: '{"c":"factcheck-add"}', title: { text: 'Add a fact-check' } });
    expect(inputs(view).map((block) => block.block_id)).toEqual(FACTCHECK_ADD_FORM.map((field) => field.option));
    expect(inputs(view).every((block) => block.element.type === 'plain_text_input')).toBe(true);
  });

  it('lets Slack enforce required fields, and shows labels, placeholders and multi-line inputs', () => {
    const [claim, rating, , link] = inputs(view);
    expect(claim).toMatchObject({ optional: false, label: { text: 'Claim, as it circulates' }, element: { multiline: true, max_length: 2000 } });
    expect(rating.element.placeholder.text).toContain('Pants on Fire');
    expect(link).toMatchObject({ optional: true, element: { multiline: false } });
  });

  it('pre-fills what was typed after the command', () => {
    expect(inputs(view)[0].element.initial_value).toBe('Zebras are painted horses');
    expect(inputs(view)[1].element.initial_value).toBeUndefined();
  });

  it('keeps within Slack limits for long fields and text', () => {
    const long: FormField = { option: 'notes', label: 'L'.repeat(3000), placeholder: 'p'.repeat(500), required: false, multiline: true, maxLength: 10_000 };
    const [block] = inputs(renderFormView('a-command-with-a-very-long-name', [long], { notes: 'n'.repeat(5000) }, 'm'.repeat(4000)));
    expect(block.label.text.length).toBeLessThanOrEqual(SLACK_FORM_LIMITS.label);
    expect(block.element.placeholder.text.length).toBeLessThanOrEqual(SLACK_FORM_LIMITS.placeholder);
    expect(block.element.max_length).toBe(SLACK_FORM_LIMITS.inputLength);
    expect(block.element.initial_value.length).toBe(SLACK_FORM_LIMITS.inputLength);
  });
});

describe('formOptions', () => {
  it('reads every input as an option, an empty one as ""', () => {
    const values = { claim: { value: { value: 'Zebras' } }, rating: { value: { value: null } } };
    const options = formOptions(FACTCHECK_ADD_FORM, values);
    expect(options.claim).toBe('Zebras');
    expect(options.rating).toBe('');
    expect(Object.keys(options)).toEqual(FACTCHECK_ADD_FORM.map((field) => field.option));
  });
});

describe('formErrors', () => {
  it('puts an error under the field it names', () => {
    expect(formErrors(FACTCHECK_ADD_FORM, 'That fact-check is not quite right: link: must be an http(s) URL')).toEqual({
      link: 'That fact-check is not quite right: link: must be an http(s) URL',
    });
    expect(Object.keys(formErrors(FACTCHECK_ADD_FORM, 'Give a rating (False, Misleading, Mostly true…) or a verdict.'))).toEqual(['rating']);
  });

  it('puts an error that names no field under the first one', () => {
    expect(Object.keys(formErrors(FACTCHECK_ADD_FORM, 'Only fact-check staff can add or correct fact-checks.'))).toEqual(['claim']);
  });
});
