import { z } from 'zod';
import { MAX_QUERY_LENGTH } from './lookup.js';
import { messages } from './messages.js';

/** What a user may type as a claim or link: trimmed, non-empty, bounded. */
export const queryTextSchema = z
  .string()
  .transform((text) => text.trim())
  .pipe(z.string().min(1, messages.emptyQuery).max(MAX_QUERY_LENGTH, messages.queryTooLong(MAX_QUERY_LENGTH)));

/** How many answers to show: chat replies stay short, the CLI may ask for more. */
export const resultLimitSchema = z.coerce.number().int().min(1).max(20).optional();
