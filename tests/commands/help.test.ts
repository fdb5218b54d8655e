import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { Core } from '../../src/core/core.js';
import { consoleRequester, seedCore } from '../helpers/seed-core.js';

let core: Core;
let dispose: () => Promise<void>;
beforeAll(async () => ({ core, dispose } = await seedCore()));
afterAll(() => dispose());

describe('/help', () => {
  it('lists every registered command with its usage', async () => {
    const reply = await core.dispatch('help', {}, consoleRequester);
    expect(reply.kind).toBe('help');
    if (reply.kind === 'help') expect(reply.commands.map((command) => command.name)).toEqual(commands.map((command) => command.name));
  });
});

describe('command definitions', () => {
  it('have unique lower-case names, short descriptions and a text option that exists', () => {
    const names = commands.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of commands) {
      expect(command.name).toMatch(/^[a-z][a-z-]{1,31}$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
      if (command.textOption) expect(Object.keys(command.options.shape)).toContain(command.textOption);
    }
  });
});
