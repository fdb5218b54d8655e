import { z } from 'zod';
import { httpUrlSchema, isoDateSchema } from './claim-review.js';

export const articleMetricsSchema = z.object({
  views: z.number().int().nonnegative().optional(),
  shares: z.number().int().nonnegative().optional(),
});

/** Who an article credits for what it reports (a wire service, a think-tank piece, an analyst). */
export const attributionSchema = z.object({
  name: z.string().trim().min(1),
  role: z.string().trim().min(1).optional(),
  url: httpUrlSchema.optional(),
});

/**
 * A published article that circulates as if it were a check: we keep its own label
 * ("Fact-checked", "Verified") as the publisher states it, never as our verdict.
 */
export const articleSchema = z.object({
  id: z.string().trim().min(1),
  url: httpUrlSchema.optional(),
  title: z.string().trim().min(1),
  publisher: z.string().trim().min(1),
  publishedDate: isoDateSchema.optional(),
  body: z.string().trim().min(1).optional(),
  summary: z.string().trim().min(1).optional(),
  /** The label as the publisher states it, verbatim. */
  label: z.string().trim().min(1).optional(),
  /** Our reading of the article as a whole, shown as context beside the publisher's label. */
  context: z.string().trim().min(1).optional(),
  attribution: z.array(attributionSchema).default([]),
  claimIds: z.array(z.string().trim().min(1)).default([]),
  language: z.string().trim().min(2).max(35).default('en'),
  metrics: articleMetricsSchema.optional(),
  sample: z.boolean().optional(),
});
export type Article = z.infer<typeof articleSchema>;
export type ArticleInput = z.input<typeof articleSchema>;
