import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../../src/core/command.js';
import { dispatchCommand } from '../../src/core/dispatch.js';
import { UserError } from '../../src/core/errors.js';
import { LookupService } from '../../src/core/lookup.js';
import { messages } from '../../src/core/messages.js';

const echo = defineCommand({
  name: 'echo',
  description: 'Repeats a word',
  usage: 'echo <word>',
  textOption: 'word',
  options: z.object({ word: z.string().min(1, 'say something') }),
  async handler({ word }) {
    if (word === 'forbidden') throw new UserError('forbidden', 'You may not say that here.');
    if (word === 'crash') throw new Error('database exploded at 10.0.0.1');
    return { kind: 'notice', tone: 'info', text: word };
  },
});

const context = { requester: { platform: 'console', scope: 'console' }, commands: [echo], lookup: LookupService.fromEntries({}) } as unknown as CommandContext;

describe('dispatchCommand', () => {
  it('runs the handler with validated options', async () => {
    expect(await dispatchCommand(echo, 'echo', { word: 'hello' }, context)).toEqual({ kind: 'notice', tone: 'info', text: 'hello' });
  });

  it('answers an unknown command with a friendly pointer to help', async () => {
    const reply = await dispatchCommand(undefined, '/nope', {}, context);
    expect(reply).toEqual({ kind: 'notice', tone: 'error', text: messages.unknownCommand('nope') });
  });

  it('turns invalid options into an error notice naming the problem, without running the handler', async () => {
    const reply = await dispatchCommand(echo, 'echo', { word: '' }, context);
    expect(reply.kind).toBe('notice');
    expect(reply).toMatchObject({ tone: 'error', text: expect.stringContaining('say something') });
  });

  it('shows a user error message as it is', async () => {
    expect(await dispatchCommand(echo, 'echo', { word: 'forbidden' }, context)).toMatchObject({ tone: 'error', text: 'You may not say that here.' });
  });

  it('hides the details of a fault behind a generic apology', async () => {
    const reply = await dispatchCommand(echo, 'echo', { word: 'crash' }, context);
    expect(reply).toEqual({ kind: 'notice', tone: 'error', text: messages.fault, fault: true });
    expect(JSON.stringify(reply)).not.toContain('10.0.0.1');
  });
});
