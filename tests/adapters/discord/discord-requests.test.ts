import { afterEach, describe, expect, it, vi } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { decodeFormId } from '../../../src/adapters/discord/custom-ids.js';
import { DiscordHarness } from './discord-harness.js';
import { dmChannelId, type RecordedRequest } from './fake-discord.js';
import { CHANNEL_ID, CURATOR_ROLE_ID, GUILD_ID, PERMISSIONS, USER, type Actor } from './gateway-payloads.js';

const EPHEMERAL = 64;
const READER = { ...USER, id: '600000000000000003', username: 'reader', global_name: 'Reader' };
const QUIET_READER = { ...USER, id: '600000000000000004', username: 'quiet', global_name: 'Quiet' };
const LOCKED_OUT_READER = { ...USER, id: '600000000000000005', username: 'locked', global_name: 'Locked' };
const CURATOR: Actor = { user: { ...USER, id: '600000000000000006', username: 'curator', global_name: 'Curator' }, roles: [CURATOR_ROLE_ID] };
/** A channel whose watch mode is off, and one the bot may not post in. */
const QUIET_CHANNEL = '700000000000000050';
const LOCKED_CHANNEL = '700000000000000060';

let harness: DiscordHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(): Promise<DiscordHarness> {
  harness = await DiscordHarness.start({ env: { FACTDESK_CURATOR_GROUPS: `700000000000000999,${CURATOR_ROLE_ID}` } });
  return harness;
}

function embedsOf(body: { embeds?: APIEmbed[] } | undefined): APIEmbed[] {
  return body?.embeds ?? [];
}

/** What Discord would show of a message: its content and embed texts, markdown escapes removed. */
function shown(body: { content?: string; embeds?: APIEmbed[] }): string {
  const parts = [body.content ?? '', ...embedsOf(body).flatMap((embed) => [embed.title ?? '', embed.description ?? '', ...(embed.fields ?? []).map((field) => field.value)])];
  return parts.join('\n').replace(/\\(.)/g, '$1');
}

function postsTo(h: DiscordHarness, channelId: string): RecordedRequest[] {
  return h.fake.requests.filter((request) => request.method === 'POST' && request.path === `/api/v10/channels/${channelId}/messages`);
}

/** `/factcheck` finds nothing, then the actor clicks "Request a fact-check"; returns the private confirmation. */
async function requestFactcheck(h: DiscordHarness, query: string, actor: Actor = {}): Promise<string> {
  const answer = (await h.callbackFor(h.slashCommand('factcheck', { query }, actor))).body.data;
  expect(embedsOf(answer)[0]?.title).toBe('No confident match');
  const [button] = answer.components[0].components as { label: string; custom_id: string }[];
  expect(button?.label).toBe('Request a fact-check');
  expect(button!.custom_id.length).toBeLessThanOrEqual(100);
  const { body } = await h.callbackFor(h.clickButton(button!.custom_id, answer, actor));
  expect(body.data.flags).toBe(EPHEMERAL);
  return shown(body.data);
}

/** `/factcheck-add` as the actor: the interaction callback Discord received (a modal, or a refusal). */
async function addCommand(h: DiscordHarness, options: Record<string, string>, actor: Actor) {
  return (await h.callbackFor(h.slashCommand('factcheck-add', options, actor))).body;
}

describe('Discord: requesting a fact-check, adding it, and telling the people who asked', () => {
  it('offers a request on no match, adds the fact-check from a modal, and notifies each asker where they asked', async () => {
    const h = await start();
    const claim = 'Pelicans on Lake Verrow have learned to open car doors';
    await h.callbackFor(h.slashCommand('factcheck-watch', { mode: 'off' }, { permissions: PERMISSIONS.moderator, channelId: QUIET_CHANNEL }));
    h.fake.forbiddenChannels.add(LOCKED_CHANNEL);

    expect(await requestFactcheck(h, claim)).toContain(`Request recorded: the fact-check desk will look at “${claim}”.`);
    expect(await requestFactcheck(h, claim, { user: READER })).toContain('2 people have asked for it');
    await requestFactcheck(h, claim, { user: QUIET_READER, channelId: QUIET_CHANNEL });
    await requestFactcheck(h, claim, { user: LOCKED_OUT_READER, channelId: LOCKED_CHANNEL });
    const [stored] = await h.core.store.listRequests({ status: 'open' });
    expect(stored?.askers.map(({ platform, scope, channelId, userId }) => ({ platform, scope, channelId, userId }))).toEqual([
      { platform: 'discord', scope: `discord:${GUILD_ID}`, channelId: CHANNEL_ID, userId: USER.id },
      { platform: 'discord', scope: `discord:${GUILD_ID}`, channelId: CHANNEL_ID, userId: READER.id },
      { platform: 'discord', scope: `discord:${GUILD_ID}`, channelId: QUIET_CHANNEL, userId: QUIET_READER.id },
      { platform: 'discord', scope: `discord:${GUILD_ID}`, channelId: LOCKED_CHANNEL, userId: LOCKED_OUT_READER.id },
    ]);

    const modal = await addCommand(h, { claim, claimant: 'A viral video' }, CURATOR);
    expect(modal.type).toBe(9);
    expect(modal.data.components.map((label: any) => label.component.custom_id)).toEqual(['claim', 'rating', 'reviewer', 'link', 'summary']);
    expect(modal.data.components[0].component).toMatchObject({ value: claim, required: true, style: 2 });

    const submitted = h.submitModal(modal.data.custom_id, { claim, rating: 'False', reviewer: 'Lake Verrow Desk', link: '', summary: 'The video shows a staged car door.' }, CURATOR);
    const { body } = await h.callbackFor(submitted);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(shown(body.data)).toContain('Added to the fact-check store: It answers 1 open request: 4 people will be told where they asked.');
    // The option the modal had no room for was kept and applied.
    expect(shown(body.data)).toContain('A viral video');

    const [inChannel] = await Promise.all([
      h.fake.waitFor((request) => request.method === 'POST' && request.path === `/api/v10/channels/${CHANNEL_ID}/messages`),
      h.fake.waitFor((request) => request.path === `/api/v10/channels/${dmChannelId(QUIET_READER.id)}/messages`),
      h.fake.waitFor((request) => request.path === `/api/v10/channels/${dmChannelId(LOCKED_OUT_READER.id)}/messages`),
    ]);
    expect(inChannel.body.content).toBe(`<@${USER.id}> <@${READER.id}> the fact-check you asked for is published.`);
    expect(inChannel.body.allowed_mentions).toEqual({ parse: [], users: [USER.id, READER.id] });
    expect(shown(inChannel.body)).toContain(`You asked for a fact-check of “${claim}”`);
    expect(shown(inChannel.body)).toContain('The video shows a staged car door.');

    // Watch mode off and a channel the bot cannot post in: those askers get a direct message instead.
    expect(postsTo(h, QUIET_CHANNEL)).toEqual([]);
    const opened = h.fake.requests.filter((request) => request.path === '/api/v10/users/@me/channels').map((request) => request.body.recipient_id);
    expect(opened.sort()).toEqual([QUIET_READER.id, LOCKED_OUT_READER.id].sort());
    const [direct] = postsTo(h, dmChannelId(QUIET_READER.id));
    expect(direct!.body.content).toBe('The fact-check you asked for is published.');
    expect(direct!.body.allowed_mentions).toEqual({ parse: [] });

    await vi.waitFor(async () => {
      const [answered] = await h.core.store.listRequests({ status: 'answered' });
      expect(answered?.askers.every((asker) => asker.notifiedAt)).toBe(true);
    });
  });
});

describe('Discord: /factcheck-add', () => {
  it('refuses members without a curator role or Manage Server, privately and without a modal', async () => {
    const h = await start();
    const body = await addCommand(h, { claim: 'Something I want to add' }, {});
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(shown(body.data)).toContain('Only fact-check staff can add or correct fact-checks.');
  });

  it('opens the modal for members with Manage Server; correcting by id makes every input optional', async () => {
    const h = await start();
    const modal = await addCommand(h, { id: 'claim-vitabrisk-cures-diabetes' }, { permissions: PERMISSIONS.manager });
    expect(modal.type).toBe(9);
    expect(decodeFormId(modal.data.custom_id)?.command).toBe('factcheck-add');
    expect(modal.data.title).toBe('Add a fact-check');
    expect(modal.data.components.every((label: any) => label.type === 18 && label.label.length <= 45 && label.component.required === false)).toBe(true);

    const { body } = await h.callbackFor(h.submitModal(modal.data.custom_id, { claim: '', rating: 'Mostly false', reviewer: '', link: '', summary: '' }, { permissions: PERMISSIONS.manager }));
    expect(shown(body.data)).toContain('Updated the fact-check "claim-vitabrisk-cures-diabetes"');
    expect((await h.core.lookup.getClaim('claim-vitabrisk-cures-diabetes'))?.verdict).toBe('mostly-false');
  });

  it('answers an invalid submission with what to fix, and stores nothing', async () => {
    const h = await start();
    const before = (await h.core.store.listClaims()).length;
    const modal = await addCommand(h, {}, CURATOR);
    const { body } = await h.callbackFor(h.submitModal(modal.data.custom_id, { claim: 'Lake Verrow is drained every winter', rating: 'False', reviewer: 'Desk', link: 'not a link', summary: '' }, CURATOR));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(shown(body.data)).toMatch(/not quite right: link/);
    expect(await h.core.store.listClaims()).toHaveLength(before);
  });

  it('checks permission again on submission, and says when a modal is too old to submit', async () => {
    const h = await start();
    const modal = await addCommand(h, {}, CURATOR);
    const values = { claim: 'Lake Verrow is drained every summer', rating: 'False', reviewer: 'Desk', link: '', summary: '' };
    const refused = await h.callbackFor(h.submitModal(modal.data.custom_id, values, {}));
    expect(shown(refused.body.data)).toContain('Only fact-check staff can add or correct fact-checks.');
    const expired = await h.callbackFor(h.submitModal('fd:form:factcheck-add:forgottenkey', values, CURATOR));
    expect(shown(expired.body.data)).toContain('That form is too old to submit');
  });
});

describe('Discord: staff lists', () => {
  it('/factcheck-requests lists open requests for staff, and is refused to others', async () => {
    const h = await start();
    await requestFactcheck(h, 'The Verrow bridge will be painted pink next year');
    const list = shown((await h.callbackFor(h.slashCommand('factcheck-requests', { limit: 5 }, CURATOR))).body.data);
    expect(list).toContain('Open fact-check requests: 1, most asked first.');
    expect(list).toContain('“The Verrow bridge will be painted pink next year”: 1 person');
    const refused = shown((await h.callbackFor(h.slashCommand('factcheck-requests', {}, {}))).body.data);
    expect(refused).toContain('Only fact-check staff can use /factcheck-requests.');
  });

  it('/factcheck-stats shows the store and this week for staff, and is refused to others', async () => {
    const h = await start();
    const stats = shown((await h.callbackFor(h.slashCommand('factcheck-stats', {}, CURATOR))).body.data);
    expect(stats).toMatch(/Fact-check store: \d+ entries/);
    expect(stats).toMatch(/This week: \d+ lookups?/);
    expect(shown((await h.callbackFor(h.slashCommand('factcheck-stats', {}, {}))).body.data)).toContain('Only fact-check staff can use /factcheck-stats.');
  });
});
