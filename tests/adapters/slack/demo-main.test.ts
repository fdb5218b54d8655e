import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config/config.js';
import { childEnvironment } from '../../helpers/child-environment.js';
import { visibleTexts } from './fixtures.js';

const run = promisify(execFile);
const demo = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/adapters/slack/demo-main.ts'), ...args], {
    cwd: PROJECT_ROOT,
    // demo-main reads no .env, but an exported FACTDESK_SEED would choose its store.
    env: childEnvironment(),
  });

describe('npm run slack:demo', () => {
  it('prints the Block Kit message /factcheck would send for a lookup on the seed store', async () => {
    const { stdout } = await demo('https://video.example.net/watch?v=vbtea-30days');
    const message = JSON.parse(stdout);
    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toMatch(/^False: /);
    expect(visibleTexts(message.blocks).join('\n')).toContain('VitaBrisk');
  }, 20_000);

  it('explains its usage when given no query', async () => {
    await expect(demo()).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run slack:demo') });
  }, 20_000);
});
