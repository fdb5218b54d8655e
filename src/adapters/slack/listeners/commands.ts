import type { App } from '@slack/bolt';
import type { Reply } from '../../../core/reply.js';
import { COMMAND_FORMS } from '../../../curation/add-form.js';
import { logger } from '../../../log/logger.js';
import { SLASH_COMMANDS } from '../interactions.js';
import { requesterFrom, slashCommandCall, type DispatchCall } from '../parse/requests.js';
import { CURATOR_COMMANDS, permissionsFor } from '../permissions.js';
import { renderReply } from '../render/render-reply.js';
import { slackMessages } from '../slack-messages.js';
import type { ListenerDeps } from './deps.js';
import { openForm } from './forms.js';
import { shareOffer } from './share-offer.js';

/**
 * Every slash command: acknowledged at once, answered privately through `respond()` (the
 * response_url), so a slow lookup never misses Slack's 3-second deadline. Commands with a form
 * (`/factcheck-add`) open a modal instead. Permissions are looked up only for the commands that
 * need them (`/factcheck-watch`, the staff commands).
 */
export function registerCommands(app: App, deps: ListenerDeps): void {
  for (const name of SLASH_COMMANDS) {
    app.command(`/${name}`, async ({ command, ack, respond, client }) => {
      await ack();
      const call = slashCommandCall(deps.core, name, command.text);
      const origin = { teamId: command.team_id, userId: command.user_id, channelId: command.channel_id };
      let permissions;
      try {
        permissions = await permissionsFor(call.command, client, command.user_id, deps.env);
      } catch (error) {
        logger.warn({ err: error, command: call.command }, 'slack permission check failed');
        const text = call.command === 'factcheck-watch' ? slackMessages.watchModeUnavailable : slackMessages.permissionCheckFailed;
        await respond({ response_type: 'ephemeral', ...renderReply({ kind: 'notice', tone: 'error', text }) });
        return;
      }
      const requester = requesterFrom(origin, permissions);
      const form = COMMAND_FORMS[call.command];
      // A staff command's form is for staff; anyone else gets the command's own refusal.
      if (form && (!CURATOR_COMMANDS.has(call.command) || permissions?.curate)) {
        await openForm({ client, respond, deps }, { call, fields: form, triggerId: command.trigger_id, channelId: command.channel_id, responseUrl: command.response_url });
        return;
      }
      const reply = withSetupWarning(await deps.core.dispatch(call.command, call.options, requester), call, deps);
      const share = await shareOffer(deps, reply, call, requester);
      await respond({ response_type: 'ephemeral', ...renderReply(reply, { now: deps.now(), share, wrongMatch: true }) });
    });
  }
}

/** Moderators mode was set, but there is nowhere to report to yet: say so now rather than stay silent later. */
function withSetupWarning(reply: Reply, call: DispatchCall, deps: ListenerDeps): Reply {
  const settingModerators = call.command === 'factcheck-watch' && String(call.options.mode).trim().toLowerCase() === 'moderators';
  if (reply.kind !== 'notice' || reply.tone !== 'info' || !settingModerators || deps.env.SLACK_MODERATORS_CHANNEL) return reply;
  return { ...reply, text: `${reply.text}\n${slackMessages.moderatorsChannelMissing}` };
}
