import { z } from 'zod';
import { SLACK_LIMITS } from './limits.js';

/** Every interactive id factdesk puts in Slack; the manifest and the listeners use the same names. */
export const INTERACTION_IDS = Object.freeze({
  share: 'factdesk_share',
  wrongMatch: 'factdesk_wrong_match',
  /** Link buttons still send an interaction, which must be acknowledged. */
  openLink: 'factdesk_open_link',
  checkMessageShortcut: 'check_message',
});

/** Commands that are Slack slash commands (manifest.yml declares the same three). */
export const SLASH_COMMANDS = Object.freeze(['factcheck', 'factcheck-link', 'factcheck-watch'] as const);
export type SlashCommandName = (typeof SLASH_COMMANDS)[number];

/** What the Share button re-runs, so the public card is the same answer without keeping state. */
const shareValueSchema = z.object({ c: z.string().min(1), o: z.record(z.string(), z.unknown()) });
export type ShareRequest = { command: string; options: Record<string, unknown> };

/** What the Wrong match button records: the query the result was offered for, and the result. */
const wrongMatchValueSchema = z.object({ q: z.string(), r: z.string().min(1) });
export type WrongMatch = { query: string; resultId: string };

/** The button value, or undefined when it would not fit Slack's value limit (the button is then left out). */
export function encodeShareValue(request: ShareRequest): string | undefined {
  return fitting(JSON.stringify({ c: request.command, o: request.options }));
}

export function decodeShareValue(value: string | undefined): ShareRequest | undefined {
  const parsed = shareValueSchema.safeParse(parseJson(value));
  return parsed.success ? { command: parsed.data.c, options: parsed.data.o } : undefined;
}

export function encodeWrongMatchValue(feedback: WrongMatch): string | undefined {
  return fitting(JSON.stringify({ q: feedback.query, r: feedback.resultId }));
}

export function decodeWrongMatchValue(value: string | undefined): WrongMatch | undefined {
  const parsed = wrongMatchValueSchema.safeParse(parseJson(value));
  return parsed.success ? { query: parsed.data.q, resultId: parsed.data.r } : undefined;
}

function fitting(value: string): string | undefined {
  return value.length <= SLACK_LIMITS.buttonValue ? value : undefined;
}

function parseJson(value: string | undefined): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
