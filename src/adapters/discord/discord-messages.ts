import type { MatchReason } from '../../core/reply.js';

/** Every sentence the Discord adapter itself shows (the core's own wording lives in src/core/messages.ts). */
export const discordMessages = {
  nothingToShow: 'Nothing to show for that.',
  noConfidentMatchTitle: 'No confident match',
  sampleEntry: 'Sample entry written for factdesk, not a real publisher’s fact-check.',
  stale: (date: string) => `Checked on ${date}, more than a year ago: newer information may exist.`,
  matchReasons: {
    url: 'Same link as a known appearance',
    'url-words': 'Words in the link (a weaker match)',
    text: 'Similar text',
  } satisfies Record<MatchReason, string>,
  shareLabel: 'Share',
  wrongMatchLabel: 'Wrong match',
  expired: 'That answer is too old for its buttons to work any more. Run the command again to get a fresh one.',
  sharingOff: 'Watch mode is “off” in this channel, so factdesk does not post here publicly. The answer stays visible only to you.',
  wrongMatchRecorded: (title: string) => `Thanks. “${title}” will not be offered for that question in this server again.`,
  noMessageContentIntent:
    'Discord is not sending factdesk the text of messages, so watching this channel cannot work yet: enable the Message Content intent (Developer Portal → your application → Bot → Privileged Gateway Intents) and restart factdesk. Slash commands and “Check claim” work without it.',
  noModeratorsChannel:
    'DISCORD_MODERATORS_CHANNEL is not set, so there is no channel to report matches to. Set it to a channel ID and restart factdesk.',
  moderatorReport: (author: string, channelId: string, link: string) => `A message by ${author} in <#${channelId}> matches a fact-check: ${link}`,
  watchReplyIntro: 'This looks like a claim that has been fact-checked:',
  formExpired: 'That form is too old to submit: factdesk restarted since it was opened. Run the command again.',
  formTitles: { 'factcheck-add': 'Add a fact-check' } as Readonly<Record<string, string>>,
  requestAnswered: (mentions: string) => `${mentions} the fact-check you asked for is published.`,
  requestAnsweredDirect: 'The fact-check you asked for is published.',
} as const;
