import type { webApi } from '@slack/bolt';
import type { Requester } from '../../core/command.js';
import type { Env } from '../../config/config.js';
import { logger } from '../../log/logger.js';

/** Commands only fact-check staff may run (they read `requester.permissions.curate`). */
export const CURATOR_COMMANDS: ReadonlySet<string> = new Set(['factcheck-add', 'factcheck-requests', 'factcheck-stats']);

/**
 * May this user change how a channel is watched? Workspace admins and owners may, and so may
 * members of the configured user group (`SLACK_WATCH_ADMIN_GROUP`, a usergroup id such as S0123).
 * Slack API failures are thrown: "could not check" is not the same as "not allowed".
 */
export async function canManageWatch(client: webApi.WebClient, userId: string, adminGroup?: string): Promise<boolean> {
  return (await isWorkspaceAdmin(client, userId)) || (await inAnyUserGroup(client, userId, adminGroup ? [adminGroup] : []));
}

/**
 * May this user add fact-checks and read the desk's requests and stats? The same rule as channel
 * watch: workspace admins and owners (they install and configure the app anyway), and members of
 * any user group in `FACTDESK_CURATOR_GROUPS`.
 */
export async function canCurate(client: webApi.WebClient, userId: string, curatorGroups: readonly string[]): Promise<boolean> {
  return (await isWorkspaceAdmin(client, userId)) || (await inAnyUserGroup(client, userId, curatorGroups));
}

/** The permissions a command needs, looked up only for the commands that read them. */
export async function permissionsFor(
  command: string,
  client: webApi.WebClient,
  userId: string,
  env: Pick<Env, 'SLACK_WATCH_ADMIN_GROUP' | 'FACTDESK_CURATOR_GROUPS'>,
): Promise<Requester['permissions'] | undefined> {
  if (command === 'factcheck-watch') return { manageWatch: await canManageWatch(client, userId, env.SLACK_WATCH_ADMIN_GROUP) };
  if (CURATOR_COMMANDS.has(command)) return { curate: await canCurate(client, userId, env.FACTDESK_CURATOR_GROUPS) };
  return undefined;
}

async function isWorkspaceAdmin(client: webApi.WebClient, userId: string): Promise<boolean> {
  const { user } = await client.users.info({ user: userId });
  return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
}

/**
 * Membership in any of the groups. A group Slack does not know (a mistyped id) is logged and counts
 * as empty, so it neither hides the other groups nor turns every refusal into "could not check".
 */
async function inAnyUserGroup(client: webApi.WebClient, userId: string, groups: readonly string[]): Promise<boolean> {
  for (const usergroup of groups) {
    try {
      const { users } = await client.usergroups.users.list({ usergroup });
      if ((users ?? []).includes(userId)) return true;
    } catch (error) {
      if (slackErrorCode(error) !== 'no_such_subteam') throw error;
      logger.warn({ usergroup }, 'a configured Slack user group does not exist; check FACTDESK_CURATOR_GROUPS and SLACK_WATCH_ADMIN_GROUP');
    }
  }
  return false;
}

/** The `error` Slack answered with (`no_such_subteam`…), when the call reached Slack. */
function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
