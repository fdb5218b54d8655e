import { z } from 'zod';
import { SLACK_LIMITS } from './limits.js';

/** Every interactive id factdesk puts in Slack; the manifest and the listeners use the same names. */
export const INTERACTION_IDS = Object.freeze({
  share: 'factdesk_share',
  wrongMatch: 'factdesk_wrong_match',
  /** Link buttons still send an interaction, which must be acknowledged. */
  openLink: 'factdesk_open_link',
  checkMessageShortcut: 'check_message',
  /** Buttons for a reply's actions ("Request a fact-check"): `factdesk_action:<index>`, unique per message. */
  replyAction: 'factdesk_action',
  /** The callback id of every modal form (`factcheck-add`); the command is in the view's metadata. */
  form: 'factdesk_form',
});

/** Commands that are Slack slash commands (manifest.yml declares the same ones, in this order). */
export const SLASH_COMMANDS = Object.freeze([
  'factcheck',
  'factcheck-link',
  'factcheck-request',
  'factcheck-watch',
  'factcheck-add',
  'factcheck-requests',
  'factcheck-stats',
] as const);
export type SlashCommandName = (typeof SLASH_COMMANDS)[number];

/** What the Share button re-runs, so the public card is the same answer without keeping state. */
const shareValueSchema = z.object({ c: z.string().min(1), o: z.record(z.string(), z.unknown()) });
export type ShareRequest = { command: string; options: Record<string, unknown> };

/** The action_id of the `index`th action button of a reply, and the pattern the listener matches. */
export function replyActionId(index: number): string {
  return `${INTERACTION_IDS.replyAction}:${index}`;
}
export const REPLY_ACTION_PATTERN = new RegExp(`^${INTERACTION_IDS.replyAction}:\\d+$`);

/** A reply action's button value: the command and options to dispatch, as the Share value is. */
export function encodeActionValue(call: ShareRequest): string | undefined {
  return encodeShareValue(call);
}

export function decodeActionValue(value: string | undefined): ShareRequest | undefined {
  return decodeShareValue(value);
}

/** What a form's modal carries back on submission: the command, and where it was typed. */
const formMetadataSchema = z.object({ c: z.string().min(1), ch: z.string().optional(), r: z.url().optional() });
export interface FormMetadata {
  command: string;
  channelId?: string;
  /** The slash command's response_url: the answer is posted there, privately, in the same channel. */
  responseUrl?: string;
}

export function encodeFormMetadata(metadata: FormMetadata): string {
  return JSON.stringify({ c: metadata.command, ch: metadata.channelId, r: metadata.responseUrl });
}

export function decodeFormMetadata(value: string | undefined): FormMetadata | undefined {
  const parsed = formMetadataSchema.safeParse(parseJson(value));
  if (!parsed.success) return undefined;
  const { c, ch, r } = parsed.data;
  return { command: c, ...(ch ? { channelId: ch } : {}), ...(r ? { responseUrl: r } : {}) };
}

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
