import type { AnyCommand } from '../../core/command.js';

export type ConsoleInput =
  | { kind: 'empty' }
  | { kind: 'quit' }
  | { kind: 'command'; name: string; options: Record<string, unknown> };

const QUIT_WORDS = new Set(['/quit', '/exit', 'quit', 'exit']);

/**
 * Reads one console line the way Slack reads a slash command: `/name rest of line`, where the rest
 * goes to the command's text option. A line without a slash is a claim to check, as in a DM.
 */
export function parseConsoleLine(line: string, findCommand: (name: string) => AnyCommand | undefined): ConsoleInput {
  const trimmed = line.trim();
  if (!trimmed) return { kind: 'empty' };
  if (QUIT_WORDS.has(trimmed.toLowerCase())) return { kind: 'quit' };
  if (!trimmed.startsWith('/')) return { kind: 'command', name: 'factcheck', options: { query: trimmed } };

  const [, name = '', rest = ''] = /^\/(\S*)\s*([\s\S]*)$/.exec(trimmed) ?? [];
  const command = findCommand(name);
  const textOption = command?.textOption;
  return { kind: 'command', name, options: textOption ? { [textOption]: rest } : {} };
}
