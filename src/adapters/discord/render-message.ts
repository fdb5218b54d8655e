import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import type { Reply } from '../../core/reply.js';
import { encodeActionId, encodeButtonId } from './custom-ids.js';
import { discordMessages } from './discord-messages.js';
import { DISCORD_LIMITS, truncate } from './limits.js';
import { renderEmbeds, type EmbedRenderOptions } from './render-embeds.js';

/** Sent with every message: nothing factdesk posts may ever ping anyone, whatever its text says. */
export const NO_MENTIONS = Object.freeze({ parse: [] as [], repliedUser: false as const });

/** A message in the shape discord.js's `reply`, `editReply` and `send` accept. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: typeof NO_MENTIONS;
}

export interface MessageRenderOptions extends EmbedRenderOptions {
  /** Key of the remembered reply: when given, results get Share and Wrong match buttons. */
  buttonsKey?: string;
  /** Key of a no-match reply's remembered actions: when given, each action gets a button. */
  actionsKey?: string;
  /** Markdown of our own above the embeds; any user text in it must already be escaped (`escapeText`). */
  content?: string;
}

/** A Reply as a complete Discord message: embeds, optional buttons, and no mentions. */
export function renderMessage(reply: Reply, options: MessageRenderOptions = {}): DiscordMessage {
  const best = reply.kind === 'results' ? reply.results[0] : undefined;
  return {
    ...(options.content ? { content: truncate(options.content, DISCORD_LIMITS.content) } : {}),
    embeds: renderEmbeds(reply, options),
    components: best && options.buttonsKey ? [resultButtons(options.buttonsKey, best.id)] : actionButtons(reply, options.actionsKey),
    allowedMentions: NO_MENTIONS,
  };
}

/** "Request a fact-check" under a no-match reply; the custom_id points at the actions kept server-side. */
function actionButtons(reply: Reply, actionsKey: string | undefined): APIActionRowComponent<APIButtonComponent>[] {
  const actions = reply.kind === 'no-match' ? (reply.actions ?? []) : [];
  if (!actionsKey || actions.length === 0) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: actions.slice(0, DISCORD_LIMITS.buttonsPerRow).map((action, index) => ({
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: truncate(action.label, DISCORD_LIMITS.buttonLabel),
        custom_id: encodeActionId(actionsKey, index),
      })),
    },
  ];
}

function resultButtons(replyKey: string, resultId: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Primary, label: discordMessages.shareLabel, custom_id: encodeButtonId('share', replyKey, resultId, 0) },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: discordMessages.wrongMatchLabel, custom_id: encodeButtonId('wrong', replyKey, resultId, 0) },
    ],
  };
}

/** The same message as a raw REST body, for posts made without a discord.js channel object. */
export function toRestBody(message: DiscordMessage): RESTPostAPIChannelMessageJSONBody {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: { parse: [] },
  };
}
