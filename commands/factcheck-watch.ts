import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { channelKeyOf, WATCH_MODE_DESCRIPTIONS } from '../src/core/watch.js';
import { watchModeSchema } from '../src/model/store-data.js';

export default defineCommand({
  name: 'factcheck-watch',
  description: 'Set how factdesk watches this channel: off, commands, thread/reply or moderators',
  usage: 'factcheck-watch <off|commands|thread|reply|moderators>',
  textOption: 'mode',
  options: z.object({
    mode: z
      .string()
      .transform((mode) => mode.trim().toLowerCase())
      .pipe(watchModeSchema)
      .describe('off, commands, thread (reply in place) or moderators'),
  }),
  async handler({ mode }, { store, requester }) {
    const channelKey = channelKeyOf(requester);
    if (!channelKey) throw new UserError('no-channel', 'Channel watch can only be set inside a channel.');
    if (!requester.permissions?.manageWatch) {
      throw new UserError('forbidden', 'Only moderators and workspace admins can change how this channel is watched.');
    }
    await store.setChannelSetting({ channelKey, mode, updatedBy: requester.userId, updatedAt: new Date().toISOString() });
    return { kind: 'notice', tone: 'info', text: `Channel watch is now "${mode}": ${WATCH_MODE_DESCRIPTIONS[mode]}` };
  },
});
