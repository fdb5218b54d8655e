import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import pc from 'picocolors';
import type { Adapter } from '../adapter.js';
import type { Core } from '../../core/core.js';
import type { Requester } from '../../core/command.js';
import { messages } from '../../core/messages.js';
import type { ReplyAction } from '../../core/reply.js';
import { COMMAND_FORMS } from '../../curation/add-form.js';
import { logger } from '../../log/logger.js';
import { RequestNotifications } from '../../requests/request-notifications.js';
import { askForm } from './console-form.js';
import { consoleNotifier } from './console-notifier.js';
import { parseConsoleLine } from './parse-line.js';
import { ACTION_SHORTCUT, renderReplyText } from './render-reply.js';

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
  // People who asked for a fact-check here are told when it is published: at start, after each command.
  const notifications = new RequestNotifications({
    store: core.store,
    lookup: core.lookup,
    platform: 'console',
    notifier: consoleNotifier(output, colors),
  });

  // Every typed line lands here; commands and form answers read them in order, even when pasted together.
  const lines: string[] = [];
  let inputEnded = false;
  let wake: (() => void) | undefined;
  const nextLine = async (): Promise<string | undefined> => {
    while (lines.length === 0) {
      if (inputEnded) return undefined;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return lines.shift();
  };

  // The actions offered under the last reply ("Request a fact-check"), taken by typing `/request`.
  let lastActions: ReplyAction[] = [];

  const handle = async (line: string) => {
    const parsed = parseConsoleLine(line, core.findCommand);
    if (parsed.kind === 'quit') return 'quit';
    if (parsed.kind !== 'command') return;
    let { name, options: commandOptions } = parsed;
    const action = lastActions[0];
    if (!action && name === ACTION_SHORTCUT) return void output.write(`${colors.dim(`/${ACTION_SHORTCUT} takes the action offered under a reply; there is none now.`)}\n\n`);
    if (action && (name === ACTION_SHORTCUT || (name === action.command && Object.values(commandOptions).every((value) => !value)))) {
      ({ command: name, options: commandOptions } = action);
    }
    const form = COMMAND_FORMS[core.findCommand(name)?.name ?? ''];
    if (form) {
      const filled = await askForm(form, commandOptions, { output, nextLine, paint: colors });
      if (!filled) return void output.write(`${colors.dim('Cancelled; nothing was changed.')}\n\n`);
      commandOptions = filled;
    }
    const reply = await core.dispatch(name, commandOptions, REQUESTER);
    lastActions = reply.kind === 'no-match' ? (reply.actions ?? []) : [];
    output.write(`${renderReplyText(reply, colors)}\n\n`);
    await notifications.drain();
  };

  return {
    name: 'console',
    async start() {
      prompt = readline.createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
      // Listening before anything is awaited: readline drops lines that arrive with no listener (piped input).
      prompt.on('line', (line) => {
        lines.push(line);
        wake?.();
      });
      prompt.on('close', () => {
        inputEnded = true;
        wake?.();
      });
      prompt.setPrompt(colors.bold('factdesk> '));
      output.write(`${colors.bold('factdesk')} console, ${core.lookup.size} entries from ${core.store.description}.\n`);
      output.write(`Type ${colors.bold('/factcheck <claim or link>')}, ${colors.bold('/help')} for all commands, ${colors.bold('/quit')} to leave.\n`);
      await notifications.drain();
      prompt.prompt();

      // Lines are handled one at a time, in order; a form reads its answers from the same lines.
      void (async () => {
        for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
          const outcome = await handle(line).catch((error: unknown) => {
            logger.error({ err: error }, 'console line failed');
            output.write(`${colors.red(messages.fault)}\n\n`);
          });
          if (outcome === 'quit') {
            prompt?.close();
            break;
          }
          prompt?.prompt();
        }
        await core.lookup.flushLookupLog();
        output.write('\n');
        options.onClose?.();
      })();
    },
    async stop() {
      prompt?.close();
      prompt = undefined;
    },
  };
}
