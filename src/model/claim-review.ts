import { z } from 'zod';
import { verdictSchema } from './verdict.js';

/** A calendar date or a full timestamp, as ISO 8601 text (`2021-11-23` or `2021-11-23T10:00:00Z`). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO 8601 date such as 2021-11-23');

export const httpUrlSchema = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

export const reviewerSchema = z.object({
  name: z.string().trim().min(1),
  url: httpUrlSchema.optional(),
});
export type Reviewer = z.infer<typeof reviewerSchema>;

/** One fact-check of one claim: what was said, who checked it, and what they concluded. */
export const claimReviewSchema = z.object({
  id: z.string().trim().min(1),
  claim: z.string().trim().min(1),
  /** Headline of the fact-check article, when it has one distinct from the claim. */
  title: z.string().trim().min(1).optional(),
  verdict: verdictSchema,
  /** The publisher's own rating text, kept verbatim ("Pants on Fire", "Falso", "Four Pinocchios"). */
  rating: z.string().trim().min(1),
  reviewer: reviewerSchema,
  reviewUrl: httpUrlSchema.optional(),
  reviewDate: isoDateSchema.optional(),
  claimant: z.string().trim().min(1).optional(),
  claimDate: isoDateSchema.optional(),
  /** BCP 47 language tag of the claim text (`en`, `es`, `pt-BR`). */
  language: z.string().trim().min(2).max(35).default('en'),
  /** Why the verdict is what it is, in a few lines: shown as the reply's context. */
  summary: z.string().trim().min(1).optional(),
  /** URLs where the claim circulated (posts, videos, articles). */
  appearances: z.array(httpUrlSchema).default([]),
  /**
   * The addresses of the same reviewer's other fact-checks of this claim, folded into this entry
   * by an import (which keeps the newest review): a link to any of them still finds it. Optional,
   * with no default, so files written before it existed read back exactly as they are.
   */
  otherReviewUrls: z.array(httpUrlSchema).optional(),
  tags: z.array(z.string().trim().min(1)).default([]),
  /** True for entries written as examples rather than taken from a real publisher. */
  sample: z.boolean().optional(),
});
export type ClaimReview = z.infer<typeof claimReviewSchema>;
export type ClaimReviewInput = z.input<typeof claimReviewSchema>;
