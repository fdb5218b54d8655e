import { APPLICATION_ID, BOT_USER } from './fake-identity.js';

export const GUILD_ID = '700000000000000001';
export const CHANNEL_ID = '700000000000000010';
export const MODERATORS_CHANNEL_ID = '700000000000000020';
export const WATCH_ROLE_ID = '700000000000000030';
export const CURATOR_ROLE_ID = '700000000000000040';
export const USER = Object.freeze({ id: '600000000000000001', username: 'maria', discriminator: '0', global_name: 'Maria', avatar: null });

/** Permission bitfields as Discord sends them: Manage Messages is 1 << 13, Manage Server 1 << 5. */
export const PERMISSIONS = Object.freeze({ member: '1024', moderator: String(1024 + 8192), manager: String(1024 + 32) });

let counter = 1n;
/** Unique, increasing ids shaped like Discord's snowflakes. */
export function snowflake(): string {
  return String(500000000000000000n + counter++);
}

/** GUILD_CREATE for the test server: its roles and two text channels (general, moderators). */
export function guildCreate() {
  const role = (id: string, name: string, position: number) => ({
    id, name, permissions: PERMISSIONS.member, position, color: 0, hoist: false, managed: false, mentionable: false, flags: 0,
  });
  return {
    id: GUILD_ID,
    name: 'Newsroom',
    unavailable: false,
    owner_id: '600000000000000099',
    features: [],
    roles: [role(GUILD_ID, '@everyone', 0), role(WATCH_ROLE_ID, 'Fact desk', 1), role(CURATOR_ROLE_ID, 'Curators', 2)],
    channels: [
      { id: CHANNEL_ID, type: 0, name: 'general', guild_id: GUILD_ID, position: 0, permission_overwrites: [] },
      { id: MODERATORS_CHANNEL_ID, type: 0, name: 'moderators', guild_id: GUILD_ID, position: 1, permission_overwrites: [] },
    ],
    members: [],
    emojis: [],
    stickers: [],
    threads: [],
    presences: [],
    voice_states: [],
    member_count: 2,
  };
}

export interface Member {
  permissions?: string;
  roles?: string[];
}

/** Who is interacting, and where (a guild channel by default). */
export interface Actor extends Member {
  user?: { id: string; username: string; discriminator: string; global_name: string | null; avatar: null };
  channelId?: string;
}

/** The fields every guild interaction carries; `id` and `token` address its callback. */
function interaction(type: number, member: Actor = {}) {
  const channelId = member.channelId ?? CHANNEL_ID;
  const id = snowflake();
  return {
    id,
    application_id: APPLICATION_ID,
    type,
    token: `token-${id}`,
    version: 1,
    guild_id: GUILD_ID,
    guild: { id: GUILD_ID, features: [], locale: 'en-US' },
    channel_id: channelId,
    channel: { id: channelId, type: 0, name: 'general', guild_id: GUILD_ID },
    member: {
      user: member.user ?? USER, roles: member.roles ?? [], permissions: member.permissions ?? PERMISSIONS.member,
      joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null, avatar: null,
    },
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    attachment_size_limit: 10485760,
  };
}

/** INTERACTION_CREATE for `/name option:value …`. */
export function slashCommand(name: string, options: Record<string, string | number | boolean>, member: Actor = {}) {
  return {
    ...interaction(2, member),
    data: {
      id: snowflake(),
      name,
      type: 1,
      options: Object.entries(options).map(([option, value]) => ({
        name: option,
        type: typeof value === 'number' ? 4 : typeof value === 'boolean' ? 5 : 3,
        value,
      })),
    },
  };
}

/** INTERACTION_CREATE asking for suggestions while `option` of `/name` is being typed. */
export function autocomplete(name: string, option: string, typed: string) {
  return {
    ...interaction(4),
    data: { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] },
  };
}

/** INTERACTION_CREATE for Apps → `menu` on a message; Discord resolves the target message itself. */
export function messageMenu(menu: string, content: string) {
  const target = messageObject(content, { author: { id: '600000000000000002', username: 'someone', discriminator: '0', global_name: null, avatar: null } });
  return {
    ...interaction(2),
    data: { id: snowflake(), name: menu, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } },
  };
}

/** INTERACTION_CREATE for a click on a button of an ephemeral message factdesk sent. */
export function buttonClick(customId: string, shown: { embeds?: unknown[]; components?: unknown[] } = {}, actor: Actor = {}) {
  return {
    ...interaction(3, actor),
    message: {
      ...messageObject('', { author: BOT_USER }),
      embeds: shown.embeds ?? [],
      components: shown.components ?? [],
      flags: 64,
      application_id: APPLICATION_ID,
      interaction_metadata: { id: snowflake(), type: 2, user: USER, authorizing_integration_owners: { '0': GUILD_ID } },
    },
    data: { custom_id: customId, component_type: 2 },
  };
}

/** INTERACTION_CREATE for a submitted modal: each text input (by custom_id) inside its label, as Discord sends them. */
export function modalSubmit(customId: string, values: Record<string, string>, actor: Actor = {}) {
  let component = 1;
  return {
    ...interaction(5, actor),
    data: {
      custom_id: customId,
      components: Object.entries(values).map(([id, value]) => ({
        type: 18,
        id: component++,
        component: { type: 4, id: component++, custom_id: id, value },
      })),
    },
  };
}

/** MESSAGE_CREATE for a message posted in a guild channel (content as sent with the Message Content intent). */
export function messageCreate(content: string, options: { author?: object; channelId?: string } = {}) {
  return {
    ...messageObject(content, { author: options.author ?? USER, channelId: options.channelId }),
    guild_id: GUILD_ID,
    member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null, avatar: null },
  };
}

/** A Discord message object as the API and the gateway both describe it; callers override what they set. */
export function messageObject(
  content: string,
  options: { author: object; channelId?: string; id?: string; embeds?: unknown[]; components?: unknown[]; flags?: number },
) {
  return {
    id: options.id ?? snowflake(),
    type: 0,
    channel_id: options.channelId ?? CHANNEL_ID,
    author: options.author,
    content,
    embeds: options.embeds ?? [],
    attachments: [],
    components: options.components ?? [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: options.flags ?? 0,
  };
}
