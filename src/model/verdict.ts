import { z } from 'zod';

/**
 * The canonical verdict scale every publisher's rating is mapped onto.
 * Order matters: it runs from most to least damning for the claim, and renderers
 * and the help text list verdicts in this order.
 */
export const VERDICTS = [
  'false',
  'mostly-false',
  'misleading',
  'mixed',
  'mostly-true',
  'true',
  'unproven',
  'satire',
  'opinion',
  'other',
] as const;

export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

/** Human label for each canonical verdict, shared by every renderer. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = Object.freeze({
  false: 'False',
  'mostly-false': 'Mostly false',
  misleading: 'Misleading',
  mixed: 'Mixed',
  'mostly-true': 'Mostly true',
  true: 'True',
  unproven: 'Unproven',
  satire: 'Satire',
  opinion: 'Opinion',
  other: 'Other',
});
