import type { Writable } from 'node:stream';
import type pc from 'picocolors';
import type { Notifier } from '../../requests/notifier.js';
import { renderReplyText } from './render-reply.js';

/** The console's notifier: whoever sits at it asked, so the answer is printed for them. */
export function consoleNotifier(output: Writable, colors: ReturnType<typeof pc.createColors>): Notifier {
  return {
    async notify(target, reply) {
      // At the console the asker is whoever sits there; other askers (a shared store) are named.
      const others = target.userIds.filter((userId) => userId !== 'console');
      const who = others.length > 0 ? ` (asked by ${others.join(', ')})` : '';
      output.write(`${colors.bold(colors.cyan(`A fact-check you requested is out${who}`))}\n${renderReplyText(reply, colors)}\n\n`);
    },
  };
}
