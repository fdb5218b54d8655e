import type { Writable } from 'node:stream';
import type pc from 'picocolors';
import type { Notifier } from '../../requests/notifier.js';
import { renderReplyText } from './render-reply.js';

/** The console's notifier: whoever sits at it asked, so the answer is printed for them. */
export function consoleNotifier(output: Writable, colors: ReturnType<typeof pc.createColors>): Notifier {
  return {
    async notify(target, reply) {
      const who = target.userIds.length > 0 ? ` for ${target.userIds.join(', ')}` : '';
      output.write(`${colors.bold(colors.cyan(`Fact-check published${who}`))}\n${renderReplyText(reply, colors)}\n\n`);
    },
  };
}
