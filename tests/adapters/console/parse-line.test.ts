import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { parseConsoleLine } from '../../../src/adapters/console/parse-line.js';

const find = (name: string) => commands.find((command) => command.name === name.toLowerCase());

describe('parseConsoleLine', () => {
  it('gives the rest of a slash command line to the command’s text option', () => {
    expect(parseConsoleLine('/factcheck russia china  alliance ', find)).toEqual({
      kind: 'command',
      name: 'factcheck',
      options: { query: 'russia china  alliance' },
    });
    expect(parseConsoleLine('/factcheck-link example.com/a', find)).toEqual({ kind: 'command', name: 'factcheck-link', options: { url: 'example.com/a' } });
  });

  it('treats a line without a slash as a claim to check', () => {
    expect(parseConsoleLine('the moon is made of cheese', find)).toEqual({ kind: 'command', name: 'factcheck', options: { query: 'the moon is made of cheese' } });
  });

  it('passes no options to commands without a text option, and unknown names through for the core to answer', () => {
    expect(parseConsoleLine('/help', find)).toEqual({ kind: 'command', name: 'help', options: {} });
    expect(parseConsoleLine('/frobnicate now', find)).toEqual({ kind: 'command', name: 'frobnicate', options: {} });
  });

  it('recognises quitting and ignores blank lines', () => {
    expect(parseConsoleLine('/quit', find)).toEqual({ kind: 'quit' });
    expect(parseConsoleLine('exit', find)).toEqual({ kind: 'quit' });
    expect(parseConsoleLine('   ', find)).toEqual({ kind: 'empty' });
  });
});
