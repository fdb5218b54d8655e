import type { types } from '@slack/bolt';
import { SLACK_LIMITS, truncate, truncateMrkdwn } from '../limits.js';

export type Block = types.KnownBlock;
export type ButtonElement = types.Button;

/** A message as factdesk sends it: blocks plus the `text` fallback for notifications. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Section of already-escaped mrkdwn, cut to the section limit. */
export function section(mrkdwn: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(mrkdwn, SLACK_LIMITS.sectionText) } };
}

/** Already-escaped mrkdwn in as many sections as it needs, split between lines. */
export function sections(mrkdwn: string): types.SectionBlock[] {
  const chunks: string[] = [];
  let chunk = '';
  for (const line of mrkdwn.split('\n')) {
    if (chunk && chunk.length + 1 + line.length > SLACK_LIMITS.sectionText) {
      chunks.push(chunk);
      chunk = line;
    } else {
      chunk = chunk ? `${chunk}\n${line}` : line;
    }
  }
  chunks.push(chunk);
  return chunks.map(section);
}

/** Section of up to ten `*label*\nvalue` fields (values already escaped). */
export function fieldsSection(fields: ReadonlyArray<{ label: string; value: string }>): types.SectionBlock {
  return {
    type: 'section',
    fields: fields.slice(0, SLACK_LIMITS.fieldsPerSection).map(({ label, value }) => ({
      type: 'mrkdwn' as const,
      text: truncateMrkdwn(`*${label}*\n${value}`, SLACK_LIMITS.fieldText),
    })),
  };
}

export function context(...mrkdwn: string[]): types.ContextBlock {
  return {
    type: 'context',
    elements: mrkdwn
      .slice(0, SLACK_LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn' as const, text: truncateMrkdwn(text, SLACK_LIMITS.fieldText) })),
  };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.headerText) } };
}

export function button(parts: {
  actionId: string;
  text: string;
  url?: string;
  value?: string;
  style?: 'primary' | 'danger';
}): ButtonElement {
  return {
    type: 'button',
    action_id: parts.actionId,
    text: { type: 'plain_text', text: truncate(parts.text, SLACK_LIMITS.buttonText) },
    ...(parts.url ? { url: parts.url } : {}),
    ...(parts.value !== undefined ? { value: parts.value } : {}),
    ...(parts.style ? { style: parts.style } : {}),
  };
}

export function actions(elements: ButtonElement[]): types.ActionsBlock | undefined {
  return elements.length > 0 ? { type: 'actions', elements } : undefined;
}

/** Keeps a message within Slack's block count; the last blocks (least important) go first. */
export function fitBlocks(blocks: ReadonlyArray<Block | undefined>): Block[] {
  return blocks.filter((block): block is Block => block !== undefined).slice(0, SLACK_LIMITS.blocksPerMessage);
}
