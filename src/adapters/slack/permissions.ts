import type { webApi } from '@slack/bolt';

/**
 * May this user change how a channel is watched? Workspace admins and owners may, and so may
 * members of the configured user group (`SLACK_WATCH_ADMIN_GROUP`, a usergroup id such as S0123).
 * Slack API failures are thrown: "could not check" is not the same as "not allowed".
 */
export async function canManageWatch(client: webApi.WebClient, userId: string, adminGroup?: string): Promise<boolean> {
  const { user } = await client.users.info({ user: userId });
  if (user?.is_admin || user?.is_owner || user?.is_primary_owner) return true;
  if (!adminGroup) return false;
  const { users } = await client.usergroups.users.list({ usergroup: adminGroup });
  return (users ?? []).includes(userId);
}
