import type { Requester } from '../../../core/command.js';
import type { Reply } from '../../../core/reply.js';
import type { ShareRequest } from '../interactions.js';
import type { ListenerDeps } from './deps.js';

/** Commands whose answers may be re-run and posted publicly by the Share button. */
export const SHAREABLE_COMMANDS: ReadonlySet<string> = new Set(['factcheck', 'factcheck-link', 'check-message']);

/**
 * The Share button for a private answer, when sharing is possible: the answer found something, the
 * request is in a channel (not a DM), and the channel's watch mode is not `off`.
 */
export async function shareOffer(
  deps: Pick<ListenerDeps, 'watcher'>,
  reply: Reply,
  request: ShareRequest,
  requester: Requester,
): Promise<ShareRequest | undefined> {
  if (reply.kind !== 'results' || !SHAREABLE_COMMANDS.has(request.command)) return undefined;
  if (!requester.channelId || !/^[CG]/.test(requester.channelId)) return undefined;
  return (await deps.watcher.modeFor(requester)) === 'off' ? undefined : request;
}
