import { describe, expect, it } from 'vitest';
import { ComponentType, TextInputStyle } from 'discord.js';
import { modalFields, renderFormModal } from '../../../src/adapters/discord/render-form.js';
import { FACTCHECK_ADD_FORM, type FormField } from '../../../src/curation/add-form.js';

describe('renderFormModal', () => {
  it('shows the first five fields of the form as labelled text inputs named after their options', () => {
    const modal = renderFormModal('factcheck-add', FACTCHECK_ADD_FORM, {}, 'fd:form:factcheck-add:key');
    expect(modal).toMatchObject({ custom_id: 'fd:form:factcheck-add:key', title: 'Add a fact-check' });
    expect(modal.components.map((label: any) => [label.type, label.label, label.component.custom_id])).toEqual(
      FACTCHECK_ADD_FORM.slice(0, 5).map((field) => [ComponentType.Label, field.label, field.option]),
    );
    const [claim, rating] = modal.components as any[];
    expect(claim.component).toMatchObject({ type: ComponentType.TextInput, style: TextInputStyle.Paragraph, required: true, max_length: 2000 });
    expect(rating.component).toMatchObject({ style: TextInputStyle.Short, required: true });
    expect(rating.component.placeholder).toContain('Pants on Fire');
    expect(modalFields(FACTCHECK_ADD_FORM)).toHaveLength(5);
  });

  it('pre-fills what was given with the command', () => {
    const modal = renderFormModal('factcheck-add', FACTCHECK_ADD_FORM, { claim: ' Zebras are painted horses ', rating: 3 }, 'id');
    const [claim, rating] = modal.components as any[];
    expect(claim.component.value).toBe('Zebras are painted horses');
    expect(rating.component.value).toBeUndefined();
  });

  it("keeps within Discord's modal limits whatever the form says", () => {
    const long: FormField = { option: 'notes', label: 'L'.repeat(100), placeholder: 'p'.repeat(300), required: true, multiline: false, maxLength: 9000 };
    const modal = renderFormModal('a-very-long-command-name-for-a-title', Array(8).fill(long), { notes: 'n'.repeat(5000) }, 'id');
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components).toHaveLength(5);
    for (const label of modal.components as any[]) {
      expect(label.label.length).toBeLessThanOrEqual(45);
      expect(label.component.placeholder.length).toBeLessThanOrEqual(100);
      expect(label.component.max_length).toBe(4000);
      expect(label.component.value.length).toBe(4000);
    }
  });
});
