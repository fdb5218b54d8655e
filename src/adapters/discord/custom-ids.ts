import { DISCORD_LIMITS } from './limits.js';

const PREFIX = 'fd';
export type ButtonAction = 'share' | 'wrong';

/** What a button refers to: a remembered reply (by key) and one of its results (by id, or position when the id is too long). */
export interface ButtonTarget {
  action: ButtonAction;
  replyKey: string;
  result: { id: string } | { index: number };
}

/** `fd:<action>:<reply key>:<result id>`, within Discord's 100-character custom_id limit. */
export function encodeButtonId(action: ButtonAction, replyKey: string, resultId: string, index: number): string {
  const byId = `${PREFIX}:${action}:${replyKey}:${resultId}`;
  return byId.length <= DISCORD_LIMITS.customId ? byId : `${PREFIX}:${action}:${replyKey}:#${index}`;
}

/** Reads a custom_id made by `encodeButtonId`; anything else (another app's, an old format) gives undefined. */
export function decodeButtonId(customId: string): ButtonTarget | undefined {
  const match = /^fd:(share|wrong):([A-Za-z0-9_-]+):(.+)$/.exec(customId);
  if (!match) return undefined;
  const [, action, replyKey, ref] = match as unknown as [string, ButtonAction, string, string];
  const index = /^#(\d+)$/.exec(ref);
  return { action, replyKey, result: index ? { index: Number(index[1]) } : { id: ref } };
}

/** `fd:act:<key>:<index>`: the `index`th action of a remembered reply ("Request a fact-check"). */
export function encodeActionId(actionsKey: string, index: number): string {
  return `${PREFIX}:act:${actionsKey}:${index}`;
}

export function decodeActionId(customId: string): { actionsKey: string; index: number } | undefined {
  const match = /^fd:act:([A-Za-z0-9_-]+):(\d+)$/.exec(customId);
  return match ? { actionsKey: match[1]!, index: Number(match[2]) } : undefined;
}

/** `fd:form:<command>:<key>`: a command's modal, and the options given with the command (kept under `key`). */
export function encodeFormId(command: string, optionsKey: string): string {
  return `${PREFIX}:form:${command}:${optionsKey}`;
}

export function decodeFormId(customId: string): { command: string; optionsKey: string } | undefined {
  const match = /^fd:form:([-_a-z0-9]{1,32}):([A-Za-z0-9_-]+)$/.exec(customId);
  return match ? { command: match[1]!, optionsKey: match[2]! } : undefined;
}
