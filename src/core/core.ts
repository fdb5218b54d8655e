import type { AnyCommand, CommandContext, Requester } from './command.js';
import type { LookupService } from './lookup.js';
import type { Reply } from './reply.js';
import type { Store } from '../store/store.js';
import { dispatchCommand } from './dispatch.js';

/**
 * The platform-free heart of factdesk. Adapters turn platform events into `dispatch` calls and
 * render the Reply; they never search or touch the store themselves.
 */
export interface Core {
  readonly commands: readonly AnyCommand[];
  readonly lookup: LookupService;
  readonly store: Store;
  /** Runs a command by name with raw (unvalidated) options. Never throws: faults become error notices. */
  dispatch(commandName: string, rawOptions: Record<string, unknown>, requester: Requester): Promise<Reply>;
  /** Finds a command by name, with or without its leading slash. */
  findCommand(name: string): AnyCommand | undefined;
}

export function createCore(parts: { store: Store; lookup: LookupService; commands: readonly AnyCommand[] }): Core {
  const byName = new Map(parts.commands.map((command) => [command.name, command]));
  const findCommand = (name: string) => byName.get(name.replace(/^\//, '').toLowerCase());
  return {
    ...parts,
    findCommand,
    dispatch(commandName, rawOptions, requester) {
      const context: CommandContext = {
        lookup: parts.lookup,
        store: parts.store,
        requester,
        commands: parts.commands,
      };
      return dispatchCommand(findCommand(commandName), commandName, rawOptions, context);
    },
  };
}
