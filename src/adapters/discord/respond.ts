import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Reply } from '../../core/reply.js';
import { messages } from '../../core/messages.js';
import { DISCORD_COMMAND_HINTS } from './application-commands.js';
import type { DiscordContext } from './discord-context.js';
import { renderMessage, type DiscordMessage } from './render-message.js';

/**
 * Answers an interaction privately. Discord allows 3 seconds for the first response: a reply that
 * is ready within `deferAfterMs` is sent at once, otherwise the interaction is deferred ("thinking…")
 * and the reply edited in when ready.
 */
export async function answerPrivately(
  interaction: RepliableInteraction,
  work: Promise<DiscordMessage>,
  deferAfterMs: number,
): Promise<void> {
  if (deferAfterMs > 0) {
    const timer = wait(deferAfterMs);
    const early = await Promise.race([work, timer.promise]).finally(timer.cancel);
    if (early) {
      await interaction.reply({ ...early, flags: MessageFlags.Ephemeral });
      return;
    }
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply(await work);
}

/**
 * Renders a reply; results are remembered so their Share and Wrong match buttons can find them
 * later, and a no-match reply's actions so that "Request a fact-check" can.
 */
export function renderWithButtons(reply: Reply, context: Pick<DiscordContext, 'replies' | 'offers' | 'now'>): DiscordMessage {
  const buttonsKey = reply.kind === 'results' && reply.results.length > 0 ? context.replies.remember(reply) : undefined;
  const actionsKey = reply.kind === 'no-match' && (reply.actions?.length ?? 0) > 0 ? context.offers.remember(reply.actions!) : undefined;
  return renderMessage(reply, { buttonsKey, actionsKey, now: context.now(), commandHints: DISCORD_COMMAND_HINTS });
}

/** A private notice, in whichever way the interaction can still be answered. */
export async function answerWithNotice(interaction: RepliableInteraction, text: string, tone: 'info' | 'error' = 'info'): Promise<void> {
  const message = renderMessage({ kind: 'notice', tone, text });
  if (interaction.deferred) await interaction.editReply(message);
  else if (interaction.replied) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
}

export async function answerWithFault(interaction: RepliableInteraction): Promise<void> {
  await answerWithNotice(interaction, messages.fault, 'error');
}

function wait(ms: number): { promise: Promise<undefined>; cancel: () => void } {
  let timeout: NodeJS.Timeout | undefined;
  const promise = new Promise<undefined>((resolve) => {
    timeout = setTimeout(() => resolve(undefined), ms);
  });
  return { promise, cancel: () => clearTimeout(timeout) };
}
