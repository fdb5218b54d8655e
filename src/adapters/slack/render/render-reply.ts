import type { Reply, ResultItem } from '../../../core/reply.js';
import { escapeMrkdwn } from '../escape.js';
import {
  encodeActionValue,
  encodeShareValue,
  encodeWrongMatchValue,
  INTERACTION_IDS,
  replyActionId,
  SLASH_COMMANDS,
  type ShareRequest,
} from '../interactions.js';
import { SLACK_LIMITS, truncate } from '../limits.js';
import { slackMessages } from '../slack-messages.js';
import { actions, button, context, divider, fitBlocks, header, section, sections, type ButtonElement, type SlackMessage } from './blocks.js';
import { compactResultLines, readButton, resultCardBlocks, resultFallbackText } from './result-card.js';

/** The best result gets the full card; this many more are listed compactly under it. */
const MORE_RESULTS = 2;
const SUGGESTIONS = 3;
const QUERY_ECHO_CHARS = 200;

export interface RenderOptions {
  /** "Now", for the staleness note (tests pin it). */
  now?: Date;
  /** Echo the query above the answer (off for watch replies, which answer the message right above). */
  echoQuery?: boolean;
  /** Offer a Share in channel button that re-runs this request publicly. */
  share?: ShareRequest;
  /** Offer a Wrong match button on the top result. */
  wrongMatch?: boolean;
  /** Public copy of an answer: the Slack user id of who shared it. */
  sharedBy?: string;
}

/** Renders any core Reply as a Block Kit message within Slack's limits; user text is always escaped. */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  switch (reply.kind) {
    case 'results':
      return renderResults(reply, options);
    case 'no-match':
      return renderNoMatch(reply, options);
    case 'notice': {
      const text = `${reply.tone === 'error' ? ':warning: ' : ''}${escapeMrkdwn(reply.text)}`;
      // Staff lists (requests, stats) can run past one section: they continue in the next.
      return { text: truncate(text, SLACK_LIMITS.fallbackText), blocks: fitBlocks(sections(text)) };
    }
    case 'help':
      return renderHelp(reply);
  }
}

function renderResults(reply: Extract<Reply, { kind: 'results' }>, options: RenderOptions): SlackMessage {
  const [top, ...rest] = reply.results;
  if (!top) return renderNoMatch({ kind: 'no-match', query: reply.query, message: '', suggestions: [] }, options);
  const more = rest.slice(0, MORE_RESULTS);
  const echo = options.echoQuery === false ? [] : [slackMessages.resultsFor(escapeMrkdwn(truncate(reply.query, QUERY_ECHO_CHARS)))];
  const byline = options.sharedBy && isSlackId(options.sharedBy) ? [slackMessages.sharedBy(`<@${options.sharedBy}>`)] : [];
  const heading = [...echo, ...byline];
  const blocks = fitBlocks([
    heading.length > 0 ? context(...heading) : undefined,
    reply.note ? context(escapeMrkdwn(reply.note)) : undefined,
    ...resultCardBlocks(top, { now: options.now ?? new Date(), buttons: cardButtons(reply, top, options) }),
    ...(more.length > 0 ? [divider(), section(`${slackMessages.moreResults}\n${compactResultLines(more)}`)] : []),
  ]);
  const suffix = more.length > 0 ? ` (+${more.length} more)` : '';
  return { text: truncate(`${resultFallbackText(top)}${suffix}`, SLACK_LIMITS.fallbackText), blocks };
}

function cardButtons(reply: Extract<Reply, { kind: 'results' }>, top: ResultItem, options: RenderOptions): ButtonElement[] {
  const buttons: ButtonElement[] = [...readButton(top)];
  const feedback = options.wrongMatch ? encodeWrongMatchValue({ query: top.matchedPart ?? reply.query, resultId: top.id }) : undefined;
  if (feedback) buttons.push(button({ actionId: INTERACTION_IDS.wrongMatch, text: slackMessages.wrongMatch, value: feedback }));
  const share = options.share ? encodeShareValue(options.share) : undefined;
  if (share) buttons.push(button({ actionId: INTERACTION_IDS.share, text: slackMessages.share, value: share, style: 'primary' }));
  return buttons;
}

function renderNoMatch(reply: Extract<Reply, { kind: 'no-match' }>, options: RenderOptions): SlackMessage {
  const suggestions = reply.suggestions.slice(0, SUGGESTIONS);
  const message = escapeMrkdwn(reply.message);
  const blocks = fitBlocks([
    options.echoQuery === false ? undefined : context(slackMessages.noMatchFor(escapeMrkdwn(truncate(reply.query, QUERY_ECHO_CHARS)))),
    message ? section(message) : undefined,
    suggestions.length > 0 ? section(`${slackMessages.closestEntries}\n${compactResultLines(suggestions)}`) : undefined,
    actions(actionButtons(reply)),
  ]);
  return { text: truncate(message || slackMessages.noMatchFor(escapeMrkdwn(reply.query)), SLACK_LIMITS.fallbackText), blocks };
}

/** "Request a fact-check" and any other action: each button carries the command and options it dispatches. */
function actionButtons(reply: Extract<Reply, { kind: 'no-match' }>): ButtonElement[] {
  return (reply.actions ?? []).flatMap((action, index) => {
    const value = encodeActionValue({ command: action.command, options: action.options });
    return value ? [button({ actionId: replyActionId(index), text: action.label, value, style: 'primary' })] : [];
  });
}

function renderHelp(reply: Extract<Reply, { kind: 'help' }>): SlackMessage {
  const slash = new Set<string>(SLASH_COMMANDS);
  const lines = reply.commands.flatMap((command) => {
    if (slash.has(command.name)) return [`\`/${escapeMrkdwn(command.usage)}\`: ${escapeMrkdwn(command.description)}`];
    if (command.name === 'check-message') return [slackMessages.helpShortcut];
    return [];
  });
  const blocks = fitBlocks([
    header('factdesk'),
    section(escapeMrkdwn(reply.intro)),
    section(lines.map((line) => `• ${line}`).join('\n')),
    context(slackMessages.helpAsk),
  ]);
  return { text: truncate(escapeMrkdwn(reply.intro), SLACK_LIMITS.fallbackText), blocks };
}

/** Slack user ids only: anything else must never be wrapped in mention markup. */
export function isSlackId(value: string): boolean {
  return /^[UW][A-Z0-9]{2,}$/.test(value);
}
