import { afterEach, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { GatewayIntentBits } from 'discord.js';
import { createDiscordAdapter } from '../../../src/adapters/discord/discord-adapter.js';
import { DiscordHarness, seedCore, testEnv } from './discord-harness.js';
import { FakeDiscord, type RecordedRequest } from './fake-discord.js';
import { BOT_USER } from './fake-identity.js';
import { CHANNEL_ID, GUILD_ID, MODERATORS_CHANNEL_ID, PERMISSIONS, USER, WATCH_ROLE_ID, slashCommand } from './gateway-payloads.js';

const VITABRISK_VIDEO = 'https://video.example.net/watch?v=vbtea-30days';
const VITABRISK_CLAIM = 'Drinking three cups of VitaBrisk tea a day reverses type 2 diabetes within 30 days.';
const VITABRISK_REVIEW = 'https://factdesk.example/checks/2026/vitabrisk-tea-diabetes';
const FALSE_RED = 0xd0021b;
const EPHEMERAL = 64;

let harness: DiscordHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(options: Parameters<typeof DiscordHarness.start>[0] = {}): Promise<DiscordHarness> {
  harness = await DiscordHarness.start(options);
  return harness;
}

/** Text as Discord displays it: markdown escapes (`\\_`) show as the bare character. */
function shown(markdown: string | undefined): string {
  return (markdown ?? '').replace(/\\(.)/g, '$1');
}

function embedsOf(body: { embeds?: APIEmbed[] } | undefined): APIEmbed[] {
  return body?.embeds ?? [];
}

/** Every piece of a message body that Discord renders as markdown. */
function markdownParts(body: { content?: string; embeds?: APIEmbed[] }): string[] {
  return [
    body.content ?? '',
    ...embedsOf(body).flatMap((embed) => [embed.title ?? '', embed.description ?? '', ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])]),
  ];
}

function channelPosts(h: DiscordHarness, channelId: string): RecordedRequest[] {
  return h.fake.requests.filter((request) => request.method === 'POST' && request.path === `/api/v10/channels/${channelId}/messages`);
}

async function setWatchMode(h: DiscordHarness, mode: string) {
  const interaction = h.slashCommand('factcheck-watch', { mode }, { permissions: PERMISSIONS.moderator });
  return (await h.callbackFor(interaction)).body.data;
}

describe('Discord adapter: /factcheck', () => {
  it('answers privately with the fact-check as an embed, buttons, and no mentions when the answer is ready at once', async () => {
    const h = await start();
    const interaction = h.slashCommand('factcheck', { query: VITABRISK_VIDEO });
    const { body } = await h.callbackFor(interaction);

    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const [card] = embedsOf(body.data);
    expect(card).toMatchObject({ title: VITABRISK_CLAIM, url: VITABRISK_REVIEW, color: FALSE_RED });
    expect(card?.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Verdict', value: expect.stringContaining('rated “Total Fabrication”') }),
        expect.objectContaining({ name: 'Checked by', value: expect.stringContaining('Sample Desk') }),
        expect.objectContaining({ name: 'Why it matched', value: expect.stringMatching(/Same link.*100% confidence/) }),
      ]),
    );
    const buttons = body.data.components[0].components;
    expect(buttons.map((button: { label: string }) => button.label)).toEqual(['Share', 'Wrong match']);
    expect(buttons[0].custom_id).toMatch(/^fd:share:[\w-]+:claim-vitabrisk-cures-diabetes$/);
  });

  it('defers the reply ("thinking…", privately) and then edits the answer in when it is not immediate', async () => {
    const h = await start({ deferAfterMs: 0 });
    const interaction = h.slashCommand('factcheck', { query: VITABRISK_VIDEO });

    const deferred = await h.callbackFor(interaction);
    expect(deferred.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await h.editFor(interaction);
    expect(embedsOf(edit.body)[0]?.title).toBe(VITABRISK_CLAIM);
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(h.fake.requests.indexOf(deferred)).toBeLessThan(h.fake.requests.indexOf(edit));
  });

  it('finds a claim typed in words, noting when its fact-check is more than a year old', async () => {
    const h = await start({ now: new Date('2026-12-01T00:00:00Z') });
    const { body } = await h.callbackFor(h.slashCommand('factcheck', { query: 'Lake Verrow ferry every 20 minutes' }));
    const [card] = embedsOf(body.data);
    expect(card?.title).toBe('The Lake Verrow ferry runs every 20 minutes, all day.');
    expect(card?.description).toContain('more than a year ago');
    expect(card?.fields?.find((field) => field.name === 'Why it matched')?.value).toMatch(/^Similar text, \d+% confidence$/);
  });

  it('turns a user error into a private notice', async () => {
    const h = await start();
    const interaction = h.slashCommand('factcheck-link', { url: 'not a link' });
    const { body } = await h.callbackFor(interaction);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(embedsOf(body.data)[0]?.description).toContain('does not look like a web link');
  });

  it('lists the commands for /help, with "Check claim" where Discord users find it', async () => {
    const h = await start();
    const { body } = await h.callbackFor(h.slashCommand('help', {}));
    const names = (embedsOf(body.data)[0]?.fields ?? []).map((field) => field.name);
    expect(names).toContain('/factcheck <claim or link>');
    expect(names.some((name) => name.startsWith('Apps → Check claim'))).toBe(true);
  });
});

describe('Discord adapter: autocomplete on /factcheck query', () => {
  it('suggests matching claims as the user types, with the verdict in the name', async () => {
    const h = await start();
    const { body } = await h.callbackFor(h.autocomplete('factcheck', 'query', 'vitabrisk tea'));
    expect(body.type).toBe(8);
    const names = body.data.choices.map((choice: { name: string }) => choice.name);
    expect(names).toContain(`False · ${VITABRISK_CLAIM}`);
  });

  it('answers with at most 25 choices of at most 100 characters, including claims added after start', async () => {
    const h = await start();
    await h.core.lookup.add({
      claims: Array.from({ length: 40 }, (_, index) => ({
        id: `claim-ferry-${index}`,
        claim: `The Lake Verrow ferry timetable changed ${index} times this year, according to a long and winding post that keeps going well past one hundred characters`,
        verdict: 'unproven' as const,
        rating: 'Unproven',
        reviewer: { name: 'Test desk' },
        language: 'en',
        appearances: [],
        tags: [],
      })),
    });
    const { body } = await h.callbackFor(h.autocomplete('factcheck', 'query', 'ferry timetable changed'));
    expect(body.data.choices).toHaveLength(25);
    for (const choice of body.data.choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeGreaterThan(0);
    }
  });

  it('offers nothing for a link being typed', async () => {
    const h = await start();
    const { body } = await h.callbackFor(h.autocomplete('factcheck', 'query', 'https://video.example'));
    expect(body.data.choices).toEqual([]);
  });
});

describe('Discord adapter: Apps → Check claim', () => {
  it('checks the target message, even without the Message Content intent', async () => {
    const h = await start({ messageContent: false });
    const interaction = h.messageMenu('Check claim', `my aunt sent this ${VITABRISK_VIDEO} is it real?`);
    const { body } = await h.callbackFor(interaction);
    expect(body.data.flags).toBe(EPHEMERAL);
    const [card] = embedsOf(body.data);
    expect(card?.title).toBe(VITABRISK_CLAIM);
    expect(shown(card?.fields?.find((field) => field.name === 'Why it matched')?.value)).toContain(VITABRISK_VIDEO);
  });
});

describe('Discord adapter: Share and Wrong match buttons', () => {
  async function firstAnswer(h: DiscordHarness) {
    const { body } = await h.callbackFor(h.slashCommand('factcheck', { query: VITABRISK_VIDEO }));
    const [share, wrong] = body.data.components[0].components as { custom_id: string }[];
    return { share: share!.custom_id, wrong: wrong!.custom_id, message: body.data };
  }

  it('Share posts the card publicly in the channel, without buttons and without pinging', async () => {
    const h = await start();
    const { share, message } = await firstAnswer(h);
    const { body } = await h.callbackFor(h.clickButton(share, message));
    expect(body.type).toBe(4);
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.content).toBe(`Shared by <@${USER.id}>`);
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(embedsOf(body.data)[0]?.title).toBe(VITABRISK_CLAIM);
    expect(body.data.components).toEqual([]);
  });

  it('Share refuses to post publicly where watch mode is off', async () => {
    const h = await start();
    await setWatchMode(h, 'off');
    const { share, message } = await firstAnswer(h);
    const { body } = await h.callbackFor(h.clickButton(share, message));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(embedsOf(body.data)[0]?.description).toContain('does not post here publicly');
  });

  it('Wrong match records feedback, after which the same query no longer returns that claim here', async () => {
    const h = await start();
    const { wrong, message } = await firstAnswer(h);
    const { body } = await h.callbackFor(h.clickButton(wrong, message));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(embedsOf(body.data)[0]?.description).toContain('will not be offered');

    const again = await h.callbackFor(h.slashCommand('factcheck', { query: VITABRISK_VIDEO }));
    expect(JSON.stringify(again.body)).not.toContain('claim-vitabrisk-cures-diabetes');
    expect(embedsOf(again.body.data).map((embed) => embed.title)).not.toContain(VITABRISK_CLAIM);
  });

  it('says a button has expired when its answer is no longer remembered', async () => {
    const h = await start();
    const { body } = await h.callbackFor(h.clickButton('fd:share:unknownkey:claim-vitabrisk-cures-diabetes'));
    expect(embedsOf(body.data)[0]?.description).toContain('too old');
  });
});

describe('Discord adapter: /factcheck-watch', () => {
  it('is refused to members without Manage Messages or the watch role', async () => {
    const h = await start();
    const { body } = await h.callbackFor(h.slashCommand('factcheck-watch', { mode: 'reply' }));
    expect(embedsOf(body.data)[0]?.description).toContain('Only moderators');
  });

  it('is allowed with Manage Messages, or with DISCORD_WATCH_ROLE', async () => {
    const h = await start({ env: { DISCORD_WATCH_ROLE: WATCH_ROLE_ID } });
    expect(embedsOf(await setWatchMode(h, 'commands'))[0]?.description).toContain('Channel watch is now "commands"');
    const byRole = h.slashCommand('factcheck-watch', { mode: 'off' }, { roles: [WATCH_ROLE_ID] });
    expect(embedsOf((await h.callbackFor(byRole)).body.data)[0]?.description).toContain('Channel watch is now "off"');
  });

  it('warns when watching cannot work because Discord withholds message content', async () => {
    const h = await start({ messageContent: false });
    const description = embedsOf(await setWatchMode(h, 'reply'))[0]?.description ?? '';
    expect(description).toContain('Channel watch is now "reply"');
    expect(description).toContain('Message Content intent');
  });

  it('warns when moderators mode has no moderators channel to report to', async () => {
    const h = await start();
    expect(shown(embedsOf(await setWatchMode(h, 'moderators'))[0]?.description)).toContain('DISCORD_MODERATORS_CHANNEL is not set');
  });
});

describe('Discord adapter: channel watch (MESSAGE_CREATE)', () => {
  it('replies in a channel set to reply when a message matches a fact-check rated other than true', async () => {
    const h = await start();
    await setWatchMode(h, 'reply');
    const posted = h.postMessage(`Watch this before you see a doctor: ${VITABRISK_VIDEO}`);
    const reply = await h.fake.waitFor((request) => request.path === `/api/v10/channels/${CHANNEL_ID}/messages`);
    expect(reply.body.message_reference).toMatchObject({ message_id: posted.id });
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(embedsOf(reply.body)[0]).toMatchObject({ title: VITABRISK_CLAIM, color: FALSE_RED });
  });

  it('makes a hostile message neither ping anyone nor show a disguised link', async () => {
    const h = await start();
    await setWatchMode(h, 'reply');
    h.postMessage(`@everyone <@${USER.id}> <@&${GUILD_ID}> <#${CHANNEL_ID}> [bbc.com](${VITABRISK_VIDEO}) [bbc.com](https://evil.example) @here`);
    const reply = await h.fake.waitFor((request) => request.path === `/api/v10/channels/${CHANNEL_ID}/messages`);

    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const rendered = [...markdownParts(reply.body), ...embedsOf(reply.body).map((embed) => embed.footer?.text ?? '')];
    expect(rendered.join('\n')).toContain('evil.example');
    for (const part of rendered) {
      expect(part).not.toMatch(/@(everyone|here)/);
      expect(part).not.toMatch(/<(@[!&]?|#)\d+>/);
    }
    for (const part of markdownParts(reply.body)) expect(part).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
  });

  it('answers the same fact-check only once per cooldown, and ignores bots and unwatched channels', async () => {
    const h = await start();
    h.postMessage(`Unwatched: ${VITABRISK_VIDEO}`);
    await setWatchMode(h, 'reply');
    h.postMessage(`Posted by a bot: ${VITABRISK_VIDEO}`, { author: { ...BOT_USER, id: '600000000000000077' } });
    h.postMessage(`First: ${VITABRISK_VIDEO}`);
    await h.fake.waitFor((request) => request.path === `/api/v10/channels/${CHANNEL_ID}/messages`);
    h.postMessage(`Again: ${VITABRISK_VIDEO}`);
    // A later message that does get answered shows the earlier ones have all been handled.
    h.postMessage('Lake Verrow town council votes to make Mondays optional, https://news.example.org/weekly-pelican/council-makes-mondays-optional');
    await h.fake.waitFor((request) => JSON.stringify(request.body ?? '').includes('Mondays optional') && request.path.includes('/channels/'));

    const replies = channelPosts(h, CHANNEL_ID);
    expect(replies).toHaveLength(2);
    expect(embedsOf(replies[0]!.body)[0]?.title).toBe(VITABRISK_CLAIM);
  });

  it('reports to the moderators channel in moderators mode, with a link to the message', async () => {
    const h = await start({ env: { DISCORD_MODERATORS_CHANNEL: MODERATORS_CHANNEL_ID } });
    await setWatchMode(h, 'moderators');
    const posted = h.postMessage(`${VITABRISK_VIDEO} @everyone`);
    const report = await h.fake.waitFor((request) => request.path === `/api/v10/channels/${MODERATORS_CHANNEL_ID}/messages`);
    expect(report.body.content).toContain(`https://discord.com/channels/${GUILD_ID}/${CHANNEL_ID}/${posted.id}`);
    expect(report.body.allowed_mentions).toEqual({ parse: [] });
    expect(embedsOf(report.body)[0]?.title).toBe(VITABRISK_CLAIM);
    expect(channelPosts(h, CHANNEL_ID)).toHaveLength(0);
  });

  it('notices when messages arrive without content (no Message Content intent) and says so to the next moderator', async () => {
    const h = await start();
    await setWatchMode(h, 'reply');
    expect(embedsOf(await setWatchMode(h, 'reply'))[0]?.description).not.toContain('Message Content intent');
    h.postMessage('');
    // The stripped message leaves the adapter knowing; the next moderator to turn watching on is told.
    await expect
      .poll(async () => embedsOf(await setWatchMode(h, 'reply'))[0]?.description)
      .toContain('Message Content intent');
    expect(channelPosts(h, CHANNEL_ID)).toHaveLength(0);
  });
});

describe('Discord adapter: logging in (production path, over a fake gateway)', () => {
  const MESSAGE_CONTENT = GatewayIntentBits.MessageContent;
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  async function loggedIn(prepare: (fake: FakeDiscord) => void = () => undefined) {
    fake = await FakeDiscord.start();
    prepare(fake);
    const { core, watcher } = await seedCore();
    const adapter = createDiscordAdapter({ core, env: testEnv(fake, { DISCORD_TOKEN: 'gateway-token' }), watcher });
    await adapter.start();
    return { fake, adapter };
  }

  it('logs in with DISCORD_TOKEN at the gateway DISCORD_API_URL names, asking for Message Content, and answers commands arriving over it', async () => {
    const { fake, adapter } = await loggedIn();
    expect(fake.gateway.identifies).toHaveLength(1);
    expect(fake.gateway.identifies[0]?.token).toBe('gateway-token');
    expect(fake.gateway.identifies[0]!.intents & MESSAGE_CONTENT).toBe(MESSAGE_CONTENT);

    const interaction = slashCommand('factcheck', { query: VITABRISK_VIDEO });
    fake.gateway.dispatch('INTERACTION_CREATE', interaction);
    const callback = await fake.waitFor((request) => request.path === `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(embedsOf(callback.body.data)[0]?.title).toBe(VITABRISK_CLAIM);

    await adapter.stop();
    await adapter.stop();
    await expect.poll(() => fake.gateway.connections).toBe(0);
  });

  it('logs in again without Message Content when Discord refuses that intent (4014), and warns moderators who turn watching on', async () => {
    const { fake, adapter } = await loggedIn((fake) => {
      fake.gateway.disallowedIntents = MESSAGE_CONTENT;
    });
    expect(fake.gateway.identifies.map((identify) => Boolean(identify.intents & MESSAGE_CONTENT))).toEqual([true, false]);

    const interaction = slashCommand('factcheck-watch', { mode: 'reply' }, { permissions: PERMISSIONS.moderator });
    fake.gateway.dispatch('INTERACTION_CREATE', interaction);
    const callback = await fake.waitFor((request) => request.path === `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(embedsOf(callback.body.data)[0]?.description).toContain('Message Content intent');
    await adapter.stop();
  });

  it('explains a rejected token instead of failing obscurely', async () => {
    fake = await FakeDiscord.start();
    fake.rejectToken = true;
    const { core, watcher } = await seedCore();
    const adapter = createDiscordAdapter({ core, env: testEnv(fake), watcher });
    await expect(adapter.start()).rejects.toThrow(/DISCORD_TOKEN/);
  });
});
