import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config/config.js';
import { OUTSIDE_THE_PROJECT } from '../../helpers/child-environment.js';
import { FakeDiscord } from './fake-discord.js';

const run = promisify(execFile);
const APP = '900000000000000001';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/**
 * What `npm run discord:register` runs, with only the environment given: the working directory
 * is elsewhere so that a developer's own .env cannot leak in.
 */
function register(env: Record<string, string>, args: string[] = []) {
  const tsx = pathToFileURL(path.join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  return run(process.execPath, ['--import', tsx, path.join(PROJECT_ROOT, 'src/adapters/discord/register-main.ts'), ...args], {
    cwd: OUTSIDE_THE_PROJECT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
  });
}

describe('npm run discord:register', () => {
  it('registers every command in the development guild in one PUT and says so', async () => {
    fake = await FakeDiscord.start();
    const { stdout } = await register({ DISCORD_TOKEN: 'secret', DISCORD_APPLICATION_ID: APP, DISCORD_GUILD_ID: '42', DISCORD_API_URL: fake.apiUrl });
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`PUT /api/v10/applications/${APP}/guilds/42/commands`]);
    expect(stdout).toContain('Registered 9 commands in guild 42');
  });

  it('removes the commands with --remove (an empty overwrite), globally without a guild', async () => {
    fake = await FakeDiscord.start();
    const { stdout } = await register({ DISCORD_TOKEN: 'secret', DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: fake.apiUrl }, ['--remove']);
    expect(fake.requests.map((request) => [request.method, request.path, request.body])).toEqual([['PUT', `/api/v10/applications/${APP}/commands`, []]]);
    expect(stdout).toContain("Removed factdesk's commands globally");
  });

  it('names the missing variables instead of calling Discord', async () => {
    fake = await FakeDiscord.start();
    await expect(register({ DISCORD_API_URL: fake.apiUrl })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID'),
    });
    expect(fake.requests).toEqual([]);
  });
});
