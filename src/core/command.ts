import type { z } from 'zod';
import type { Reply } from './reply.js';
import type { Store } from '../store/store.js';
import type { LookupService } from './lookup.js';

/** Who is asking, and where: adapters fill this in; handlers never see platform objects. */
export interface Requester {
  platform: 'console' | 'slack' | 'discord' | 'cli';
  /** Feedback scope: `slack:<team>`, `discord:<guild>`, `console`. */
  scope: string;
  userId?: string;
  channelId?: string;
  /**
   * What the platform says this user may do (Slack admins or a configured user group, Discord
   * Manage Messages or a configured role). Adapters decide; commands only read it.
   */
  permissions?: { manageWatch?: boolean; curate?: boolean };
}

export interface CommandContext {
  lookup: LookupService;
  store: Store;
  requester: Requester;
  /** Every registered command, for `help`. */
  commands: readonly AnyCommand[];
}

/**
 * One command, declared once and used by every platform: the options schema drives argument
 * validation, Slack's slash command text, Discord's registration and the console help.
 */
export interface CommandDefinition<Options extends z.ZodObject = z.ZodObject> {
  /** Lower-case, dash-separated; also the slash command name (`/factcheck-link`). */
  name: string;
  /** One line, under 100 characters (Discord's limit). */
  description: string;
  /** Each option should carry `.describe()` text; Discord shows it beside the option. */
  options: Options;
  /**
   * The option that receives everything typed after the command name on platforms where a command
   * is a line of text (Slack's `/factcheck some claim`, the console).
   */
  textOption?: keyof z.infer<Options> & string;
  /** Example of use shown in help, without the slash. */
  usage: string;
  handler(options: z.infer<Options>, context: CommandContext): Promise<Reply>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandDefinition<any>;

/** Identity helper that keeps the options type flowing into the handler. */
export function defineCommand<Options extends z.ZodObject>(
  definition: CommandDefinition<Options>,
): CommandDefinition<Options> {
  return definition;
}
