import type { ButtonInteraction } from 'discord.js';
import type { ResultItem } from '../../core/reply.js';
import { decodeActionId, decodeButtonId, type ButtonTarget } from './custom-ids.js';
import type { DiscordContext } from './discord-context.js';
import { discordMessages } from './discord-messages.js';
import { truncate } from './limits.js';
import { requesterFromInteraction } from './parse.js';
import { answerPrivately, answerWithNotice, renderWithButtons } from './respond.js';
import { DISCORD_COMMAND_HINTS } from './application-commands.js';
import { renderMessage } from './render-message.js';

/**
 * Share (post the card publicly), Wrong match (remember that this result does not answer that
 * query), and a reply's actions ("Request a fact-check").
 */
export async function handleButton(interaction: ButtonInteraction, context: DiscordContext): Promise<void> {
  const action = decodeActionId(interaction.customId);
  if (action) return handleAction(interaction, action, context);
  const target = decodeButtonId(interaction.customId);
  if (!target) return;
  const reply = context.replies.recall(target.replyKey);
  const result = reply ? findResult(reply.results, target.result) : undefined;
  if (!reply || !result) {
    await answerWithNotice(interaction, discordMessages.expired);
    return;
  }
  const requester = requesterFromInteraction(interaction, context.env);

  if (target.action === 'share') {
    if ((await context.watcher.modeFor(requester)) === 'off') {
      await answerWithNotice(interaction, discordMessages.sharingOff);
      return;
    }
    const shared = { ...reply, results: [result, ...reply.results.filter((other) => other.id !== result.id)] };
    await interaction.reply(
      renderMessage(shared, { now: context.now(), commandHints: DISCORD_COMMAND_HINTS, content: `Shared by <@${interaction.user.id}>` }),
    );
    return;
  }

  // A result found for one part of a checked message is wrong for that part, not for the whole message.
  await context.core.lookup.recordWrongMatch({
    scope: requester.scope,
    query: result.matchedPart ?? reply.query,
    resultId: result.id,
    userId: interaction.user.id,
  });
  await answerWithNotice(interaction, discordMessages.wrongMatchRecorded(truncate(result.title, 120)));
}

/** An action runs its command as whoever clicked, with no more permissions than typing it would give; privately. */
async function handleAction(interaction: ButtonInteraction, ref: { actionsKey: string; index: number }, context: DiscordContext): Promise<void> {
  const action = context.offers.recall(ref.actionsKey)?.[ref.index];
  if (!action) {
    await answerWithNotice(interaction, discordMessages.expired);
    return;
  }
  const requester = requesterFromInteraction(interaction, context.env);
  const work = context.core.dispatch(action.command, action.options, requester).then((reply) => renderWithButtons(reply, context));
  await answerPrivately(interaction, work, context.deferAfterMs);
}

function findResult(results: readonly ResultItem[], ref: ButtonTarget['result']): ResultItem | undefined {
  return 'id' in ref ? results.find((result) => result.id === ref.id) : results[ref.index];
}
