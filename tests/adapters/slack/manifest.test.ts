import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { INTERACTION_IDS, SLASH_COMMANDS } from '../../../src/adapters/slack/interactions.js';
import { CURATOR_COMMANDS } from '../../../src/adapters/slack/permissions.js';
import { SLACK_EVENTS_PATH } from '../../../src/adapters/slack/receiver.js';
import { COMMAND_FORMS } from '../../../src/curation/add-form.js';
import { PROJECT_ROOT } from '../../../src/config/config.js';

const manifest = readFileSync(path.join(PROJECT_ROOT, 'manifest.yml'), 'utf8');
const seed = readFileSync(path.join(PROJECT_ROOT, 'data/seed.json'), 'utf8');

/** The items of the YAML list under `key:` (this manifest's simple `- value  # comment` lists). */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  if (start === -1) throw new Error(`manifest.yml has no ${key}`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*#/.test(line)) continue;
    const item = /^\s*- ([^\s#]+)/.exec(line);
    if (!item) break;
    items.push(item[1]!);
  }
  return items;
}

describe('manifest.yml', () => {
  it('declares exactly the slash commands the app listens to, described as in commands/', () => {
    const declared = [...manifest.matchAll(/- command: \/(\S+)\n\s+url: .*\n\s+description: "?([^"\n]+)"?/g)].map((m) => [m[1], m[2]]);
    expect(declared.map(([name]) => name)).toEqual([...SLASH_COMMANDS]);
    for (const [name, description] of declared) {
      expect(description).toBe(commands.find((command) => command.name === name)?.description);
    }
  });

  it('offers every command that has a form, and every staff command, as a slash command', () => {
    for (const name of [...Object.keys(COMMAND_FORMS), ...CURATOR_COMMANDS]) expect(SLASH_COMMANDS).toContain(name);
  });

  it('declares the message shortcut with the callback id the app listens to', () => {
    expect(manifest).toMatch(new RegExp(`type: message\\n\\s+callback_id: ${INTERACTION_IDS.checkMessageShortcut}\\n`));
  });

  it('asks for exactly the scopes factdesk uses', () => {
    expect(listUnder('bot').sort()).toEqual(
      [
        'channels:history',
        'chat:write',
        'chat:write.public',
        'commands',
        'groups:history',
        'im:write',
        'links:read',
        'links:write',
        'usergroups:read',
        'users:read',
      ].sort(),
    );
  });

  it('subscribes to link_shared and channel messages', () => {
    expect(listUnder('bot_events')).toEqual(['link_shared', 'message.channels', 'message.groups']);
  });

  it('unfurls the reserved example domains the seed links to, and each is used by the seed', () => {
    const domains = listUnder('unfurl_domains');
    expect(domains.length).toBeLessThanOrEqual(5);
    for (const domain of domains) {
      expect(domain).toMatch(/\.example(\.(com|net|org))?$/);
      expect(seed).toContain(`://${domain}/`);
    }
  });

  it('points every request URL at the events endpoint, with interactivity on and Socket Mode off', () => {
    const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => new URL(m[1]!).pathname);
    expect(urls.length).toBe(SLASH_COMMANDS.length + 2);
    expect(new Set(urls)).toEqual(new Set([SLACK_EVENTS_PATH]));
    // Interactivity carries the buttons, the shortcut and the /factcheck-add form submissions.
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    expect(manifest).toMatch(/socket_mode_enabled: false/);
  });
});
