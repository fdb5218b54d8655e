import type { App, RespondFn, ViewSubmitAction, webApi } from '@slack/bolt';
import type { Reply } from '../../../core/reply.js';
import { COMMAND_FORMS, type FormField } from '../../../curation/add-form.js';
import { logger } from '../../../log/logger.js';
import { postToResponseUrl, sendDirectMessage } from '../direct-message.js';
import { decodeFormMetadata, encodeFormMetadata, INTERACTION_IDS } from '../interactions.js';
import { requesterFrom, type DispatchCall } from '../parse/requests.js';
import { permissionsFor } from '../permissions.js';
import { formErrors, formOptions, renderFormView, type SubmittedValues } from '../render/render-form.js';
import { renderReply } from '../render/render-reply.js';
import { slackMessages } from '../slack-messages.js';
import type { ListenerDeps } from './deps.js';

/**
 * Slack waits 3 seconds for the answer to a submission. A command that takes longer gets the
 * modal closed at this point and its answer delivered when ready (it can then no longer point at a field).
 */
const SUBMISSION_DEADLINE_MS = 2500;

/** Opens a command's form as a modal, pre-filled with what was typed after the command. */
export async function openForm(
  slack: { client: webApi.WebClient; respond: RespondFn; deps: ListenerDeps },
  form: { call: DispatchCall; fields: readonly FormField[]; triggerId: string; channelId?: string; responseUrl?: string },
): Promise<void> {
  const metadata = encodeFormMetadata({ command: form.call.command, channelId: form.channelId, responseUrl: form.responseUrl });
  try {
    await slack.client.views.open({ trigger_id: form.triggerId, view: renderFormView(form.call.command, form.fields, form.call.options, metadata) });
  } catch (error) {
    logger.warn({ err: error, command: form.call.command }, 'slack could not open a form');
    await slack.respond({ response_type: 'ephemeral', ...renderReply({ kind: 'notice', tone: 'error', text: slackMessages.formNotOpened }) });
  }
}

/**
 * A submitted form runs its command as the person who submitted it. A refusal or a validation
 * error is shown in the modal, under the field it is about; anything else closes the modal and
 * is answered privately where the command was typed (or in a direct message).
 */
export function registerForms(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>({ callback_id: INTERACTION_IDS.form, type: 'view_submission' }, async ({ ack, body, view, client }) => {
    const metadata = decodeFormMetadata(view.private_metadata);
    const fields = metadata ? COMMAND_FORMS[metadata.command] : undefined;
    const teamId = body.team?.id ?? body.user.team_id;
    if (!metadata || !fields || !teamId) {
      await ack();
      logger.warn({ callback: view.callback_id }, 'slack form submission without usable metadata');
      return;
    }
    const work = (async (): Promise<Reply> => {
      let permissions;
      try {
        permissions = await permissionsFor(metadata.command, client, body.user.id, deps.env);
      } catch (error) {
        logger.warn({ err: error, command: metadata.command }, 'slack permission check failed');
        return { kind: 'notice', tone: 'error', text: slackMessages.permissionCheckFailed };
      }
      const requester = requesterFrom({ teamId, userId: body.user.id, channelId: metadata.channelId }, permissions);
      return deps.core.dispatch(metadata.command, formOptions(fields, view.state.values as SubmittedValues), requester);
    })();

    const early = await withinDeadline(work, SUBMISSION_DEADLINE_MS);
    if (early?.kind === 'notice' && early.tone === 'error') {
      await ack({ response_action: 'errors', errors: formErrors(fields, early.text) });
      return;
    }
    await ack();
    const reply = early ?? (await work);
    await deliver(client, { userId: body.user.id, responseUrl: metadata.responseUrl }, renderReply(reply, { now: deps.now() }));
    // A new fact-check may answer open requests: tell the people who asked now, not in a minute.
    await deps.notifications.drain();
  });
}

/** The answer to a form: privately in the channel of the command, else in a direct message. */
async function deliver(client: webApi.WebClient, to: { userId: string; responseUrl?: string }, message: ReturnType<typeof renderReply>): Promise<void> {
  if (to.responseUrl) {
    try {
      return await postToResponseUrl(to.responseUrl, message);
    } catch (error) {
      logger.info({ err: error }, 'slack response_url refused a form answer; sending it directly');
    }
  }
  try {
    await sendDirectMessage(client, to.userId, message);
  } catch (error) {
    logger.warn({ err: error }, 'slack could not deliver a form answer');
  }
}

async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
