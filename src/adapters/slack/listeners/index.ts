import type { App } from '@slack/bolt';
import { RecentIds } from '../recent-ids.js';
import { registerActions } from './actions.js';
import { registerCommands } from './commands.js';
import type { ListenerDeps } from './deps.js';
import { registerForms } from './forms.js';
import { registerShortcuts } from './shortcuts.js';
import { registerUnfurls } from './unfurls.js';
import { registerWatch } from './watch.js';

/** Every Slack listener, registered in one place. Duplicate event deliveries stop here, before any. */
export function registerListeners(app: App, deps: ListenerDeps, recentEvents = new RecentIds()): void {
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !recentEvents.firstTime(eventId)) return;
    await next();
  });
  registerCommands(app, deps);
  registerActions(app, deps);
  registerForms(app, deps);
  registerShortcuts(app, deps);
  registerUnfurls(app, deps);
  registerWatch(app, deps);
}
