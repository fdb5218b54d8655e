import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import pc from 'picocolors';
import type { Adapter } from '../adapter.js';
import type { Core } from '../../core/core.js';
import type { Requester } from '../../core/command.js';
import { parseConsoleLine } from './parse-line.js';
import { renderReplyText } from './render-reply.js';

const REQUESTER: Requester = {
  platform: 'console',
  scope: 'console',
  userId: 'console',
  channelId: 'console',
  // Whoever sits at the console owns the process, so they may change anything.
  permissions: { manageWatch: true, curate: true },
};

export interface ConsoleAdapterOptions {
  input?: Readable;
  output?: Writable;
  /** Colours on a terminal, plain text in pipes (and whatever NO_COLOR / FORCE_COLOR say). */
  colors?: boolean;
  /** Called when the user quits or input ends. */
  onClose?: () => void;
}

/** The local adapter: the same slash commands as Slack and Discord, typed at a prompt. */
export function createConsoleAdapter(core: Core, options: ConsoleAdapterOptions = {}): Adapter {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const colors = pc.createColors(options.colors ?? (pc.isColorSupported && Boolean((output as { isTTY?: boolean }).isTTY)));
  let prompt: readline.Interface | undefined;

  return {
    name: 'console',
    async start() {
      prompt = readline.createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
      prompt.setPrompt(colors.bold('factdesk> '));
      output.write(`${colors.bold('factdesk')} console, ${core.lookup.size} entries from ${core.store.description}.\n`);
      output.write(`Type ${colors.bold('/factcheck <claim or link>')}, ${colors.bold('/help')} for all commands, ${colors.bold('/quit')} to leave.\n`);
      prompt.prompt();

      // Lines are handled one at a time, in order, even when they arrive pasted together.
      let queue = Promise.resolve();
      prompt.on('line', (line) => {
        queue = queue.then(async () => {
          const parsed = parseConsoleLine(line, core.findCommand);
          if (parsed.kind === 'quit') return void prompt?.close();
          if (parsed.kind === 'command') {
            const reply = await core.dispatch(parsed.name, parsed.options, REQUESTER);
            output.write(`${renderReplyText(reply, colors)}\n\n`);
          }
          prompt?.prompt();
        });
      });
      prompt.on('close', () => {
        void queue.then(() => {
          output.write('\n');
          options.onClose?.();
        });
      });
    },
    async stop() {
      prompt?.close();
      prompt = undefined;
    },
  };
}
