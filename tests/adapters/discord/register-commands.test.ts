import { afterEach, describe, expect, it } from 'vitest';
import { buildApplicationCommands } from '../../../src/adapters/discord/application-commands.js';
import { registerCommands } from '../../../src/adapters/discord/register-commands.js';
import { commands } from '../../../commands/index.js';
import { FakeDiscord } from './fake-discord.js';

const APP = '900000000000000001';
const GUILD = '700000000000000001';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('registerCommands', () => {
  it('overwrites the guild commands in one PUT when DISCORD_GUILD_ID is set', async () => {
    fake = await FakeDiscord.start();
    const result = await registerCommands(commands, { token: 'secret', applicationId: APP, guildId: GUILD, apiUrl: fake.apiUrl });

    expect(fake.requests).toHaveLength(1);
    const [put] = fake.requests;
    expect(put).toMatchObject({ method: 'PUT', path: `/api/v10/applications/${APP}/guilds/${GUILD}/commands` });
    expect(put?.headers.authorization).toBe('Bot secret');
    expect(put?.body).toEqual(JSON.parse(JSON.stringify(buildApplicationCommands(commands))));
    expect(result).toEqual({
      scope: 'guild',
      names: ['factcheck', 'factcheck-link', 'factcheck-request', 'factcheck-watch', 'factcheck-add', 'factcheck-requests', 'factcheck-stats', 'help', 'Check claim'],
    });
  });

  it('overwrites the global commands without a guild', async () => {
    fake = await FakeDiscord.start();
    const result = await registerCommands(commands, { token: 'secret', applicationId: APP, apiUrl: fake.apiUrl });
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`PUT /api/v10/applications/${APP}/commands`]);
    expect(result.scope).toBe('global');
    expect(fake.requests[0]?.body).toContainEqual({ type: 3, name: 'Check claim' });
  });

  it('explains what to fix when Discord refuses', async () => {
    fake = await FakeDiscord.start();
    fake.failRegistration = { status: 401, code: 0, message: '401: Unauthorized' };
    await expect(registerCommands(commands, { token: 'wrong', applicationId: APP, apiUrl: fake.apiUrl })).rejects.toThrow(/DISCORD_TOKEN/);
    fake.failRegistration = { status: 403, code: 50001, message: 'Missing Access' };
    await expect(registerCommands(commands, { token: 'ok', applicationId: APP, guildId: GUILD, apiUrl: fake.apiUrl })).rejects.toThrow(/applications\.commands/);
  });
});
