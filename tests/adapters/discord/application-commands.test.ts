import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType, type APIApplicationCommandOption } from 'discord.js';
import { buildApplicationCommands } from '../../../src/adapters/discord/application-commands.js';
import { defineCommand } from '../../../src/core/command.js';
import { commands } from '../../../commands/index.js';

type Built = ReturnType<typeof buildApplicationCommands>[number];

function byName(name: string): Built {
  const found = buildApplicationCommands(commands).find((command) => command.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

function optionsOf(command: Built): APIApplicationCommandOption[] {
  return 'options' in command ? (command.options ?? []) : [];
}

const noop = async () => ({ kind: 'notice' as const, tone: 'info' as const, text: '' });

describe('buildApplicationCommands', () => {
  it('turns /factcheck into a slash command with an autocompleted query and a small result limit', () => {
    const factcheck = byName('factcheck');
    expect(factcheck).toMatchObject({ type: ApplicationCommandType.ChatInput, description: 'Look up a claim or a link in the fact-check store' });
    expect(optionsOf(factcheck)).toEqual([
      { name: 'query', description: 'The claim in a few words, or a link', required: true, type: ApplicationCommandOptionType.String, min_length: 1, max_length: 4000, autocomplete: true },
      { name: 'limit', description: 'How many results to show (default 3)', required: false, type: ApplicationCommandOptionType.Integer, min_value: 1, max_value: 3 },
    ]);
  });

  it("offers /factcheck-watch's modes as choices, without thread, in servers only", () => {
    const watch = byName('factcheck-watch');
    expect('contexts' in watch && watch.contexts).toEqual([InteractionContextType.Guild]);
    const [mode] = optionsOf(watch);
    expect(mode).toMatchObject({ name: 'mode', type: ApplicationCommandOptionType.String, required: true });
    expect(mode && 'choices' in mode && mode.choices?.map((choice) => choice.value)).toEqual(['off', 'commands', 'reply', 'moderators']);
  });

  it('offers the staff commands in servers only, /factcheck-add with a typed option per field', () => {
    for (const name of ['factcheck-add', 'factcheck-requests', 'factcheck-stats']) {
      const command = byName(name);
      expect(command.type).toBe(ApplicationCommandType.ChatInput);
      expect('contexts' in command && command.contexts).toEqual([InteractionContextType.Guild]);
    }
    const add = optionsOf(byName('factcheck-add'));
    expect(add.map((option) => option.name)).toEqual([
      'claim', 'rating', 'verdict', 'reviewer', 'link', 'summary', 'claimant', 'date', 'claim_date', 'language', 'title', 'appearances', 'id',
    ]);
    expect(add.every((option) => option.type === ApplicationCommandOptionType.String && !option.required)).toBe(true);
    expect(add.find((option) => option.name === 'claim')).toMatchObject({ max_length: 2000 });
    const verdict = add.find((option) => option.name === 'verdict');
    expect(verdict && 'choices' in verdict && verdict.choices?.map((choice) => choice.value)).toEqual(
      expect.arrayContaining(['false', 'misleading', 'true', 'satire', 'other']),
    );
    expect(optionsOf(byName('factcheck-requests'))).toEqual([
      { name: 'limit', description: 'How many to list (default 10, at most 50)', required: false, type: ApplicationCommandOptionType.Integer, min_value: 1, max_value: 50 },
    ]);
    expect(optionsOf(byName('factcheck-stats'))).toEqual([]);
  });

  it('offers /factcheck-request to anyone, anywhere, with the text to check', () => {
    const request = byName('factcheck-request');
    expect('contexts' in request ? request.contexts : undefined).toBeUndefined();
    expect(optionsOf(request)).toEqual([
      { name: 'text', description: 'The claim or link you want checked', required: true, type: ApplicationCommandOptionType.String, min_length: 1, max_length: 4000 },
    ]);
  });

  it('exposes check-message only as the "Check claim" message context menu', () => {
    const built = buildApplicationCommands(commands);
    expect(built.map((command) => command.name)).not.toContain('check-message');
    expect(built).toContainEqual({ type: ApplicationCommandType.Message, name: 'Check claim' });
  });

  it("keeps every name and description within Discord's limits, required options first", () => {
    for (const command of buildApplicationCommands(commands)) {
      expect(command.name.length).toBeLessThanOrEqual(32);
      if (command.type === ApplicationCommandType.ChatInput) {
        expect(command.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(command.description.length).toBeGreaterThan(0);
        expect(command.description.length).toBeLessThanOrEqual(100);
      }
      const options = optionsOf(command);
      expect(options.length).toBeLessThanOrEqual(25);
      const required = options.map((option) => ('required' in option && option.required) === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      for (const option of options) expect(option.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('maps booleans, numbers, enums and defaults, and leaves out optional options Discord cannot express', () => {
    const sample = defineCommand({
      name: 'sample',
      description: 'Sample',
      usage: 'sample',
      options: z.object({
        tags: z.array(z.string()).optional().describe('Tags'),
        ratio: z.number().min(0).max(1).default(0.5).describe('Ratio'),
        strict: z.boolean().optional().describe('Strict'),
        colour: z.enum(['red', 'blue']).describe('Colour'),
      }),
      handler: noop,
    });
    const [built] = buildApplicationCommands([sample]);
    expect(optionsOf(built!)).toEqual([
      { name: 'colour', description: 'Colour', required: true, type: ApplicationCommandOptionType.String, choices: [{ name: 'red', value: 'red' }, { name: 'blue', value: 'blue' }] },
      { name: 'ratio', description: 'Ratio', required: false, type: ApplicationCommandOptionType.Number, min_value: 0, max_value: 1 },
      { name: 'strict', description: 'Strict', required: false, type: ApplicationCommandOptionType.Boolean },
    ]);
  });

  it('refuses a command whose required option Discord cannot express', () => {
    const broken = defineCommand({ name: 'broken', description: 'B', usage: 'broken', options: z.object({ items: z.array(z.string()) }), handler: noop });
    expect(() => buildApplicationCommands([broken])).toThrow(/items.*broken/);
  });
});
