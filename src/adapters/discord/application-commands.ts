import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { AnyCommand } from '../../core/command.js';
import { DISCORD_LIMITS, truncate } from './limits.js';
import { MORE_RESULTS_SHOWN } from './render-embeds.js';

/** The message context menu (Apps → Check claim) that runs `check-message` on its target. */
export const CHECK_CLAIM_MENU = 'Check claim';
export const CHECK_MESSAGE_COMMAND = 'check-message';

/** Commands Discord users reach another way than a slash command, with how (shown in help). */
export const DISCORD_COMMAND_HINTS: Readonly<Record<string, string>> = Object.freeze({
  [CHECK_MESSAGE_COMMAND]: `Apps → ${CHECK_CLAIM_MENU} (right-click or long-press any message)`,
});

/** Staff commands (they read `requester.permissions.curate`): offered in servers only, where roles exist. */
export const CURATOR_COMMANDS: ReadonlySet<string> = new Set(['factcheck-add', 'factcheck-requests', 'factcheck-stats']);

interface OptionOverride {
  description?: string;
  /** Choices Discord should not offer (e.g. `thread`: on Discord a reply is the in-place answer). */
  exclude?: readonly string[];
  max?: number;
  autocomplete?: boolean;
}

interface CommandOverride {
  description?: string;
  guildOnly?: boolean;
  options?: Readonly<Record<string, OptionOverride>>;
}

/** Where Discord's commands differ from the shared definitions; everything else comes from `commands/`. */
const DISCORD_OVERRIDES: Readonly<Record<string, CommandOverride>> = Object.freeze({
  factcheck: { options: { query: { autocomplete: true }, limit: { max: 1 + MORE_RESULTS_SHOWN } } },
  'factcheck-link': { options: { limit: { max: 1 + MORE_RESULTS_SHOWN } } },
  'factcheck-watch': {
    description: 'Set how factdesk watches this channel: off, commands, reply or moderators',
    guildOnly: true,
    options: { mode: { exclude: ['thread'], description: 'off, commands (the default), reply (answer matching messages) or moderators' } },
  },
  ...Object.fromEntries([...CURATOR_COMMANDS].map((name) => [name, { guildOnly: true }])),
});

/**
 * The full set of application commands, built from the same definitions every platform uses:
 * each zod option becomes a typed Discord option (string, integer, number, boolean, or choices for
 * an enum) with its `.describe()` text; `check-message` becomes the "Check claim" message menu.
 */
export function buildApplicationCommands(commands: readonly AnyCommand[]): RESTPostAPIApplicationCommandsJSONBody[] {
  const body: RESTPostAPIApplicationCommandsJSONBody[] = commands
    .filter((command) => command.name !== CHECK_MESSAGE_COMMAND)
    .map(slashCommand);
  if (commands.some((command) => command.name === CHECK_MESSAGE_COMMAND)) {
    body.push({ type: ApplicationCommandType.Message, name: CHECK_CLAIM_MENU });
  }
  return body;
}

function slashCommand(command: AnyCommand): RESTPostAPIApplicationCommandsJSONBody {
  if (!/^[-_\p{Ll}\p{N}]{1,32}$/u.test(command.name)) {
    throw new Error(`Command name "${command.name}" cannot be a Discord slash command (lower case, 1 to 32 characters).`);
  }
  const override = DISCORD_OVERRIDES[command.name] ?? {};
  const shape = (command.options as z.ZodObject).shape as Record<string, z.ZodType>;
  const options = Object.entries(shape)
    .map(([name, schema]) => commandOption(command.name, name, schema, override.options?.[name] ?? {}))
    .filter((option): option is APIApplicationCommandBasicOption => option !== undefined)
    // Discord requires every required option to come before the optional ones.
    .sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: truncate(override.description ?? command.description, DISCORD_LIMITS.commandDescription),
    options: options.slice(0, DISCORD_LIMITS.optionsPerCommand),
    ...(override.guildOnly ? { contexts: [InteractionContextType.Guild] } : {}),
  };
}

function commandOption(
  commandName: string,
  name: string,
  schema: z.ZodType,
  override: OptionOverride,
): APIApplicationCommandBasicOption | undefined {
  const shape = inspectSchema(schema);
  if (!shape.kind) {
    // An optional option Discord cannot express is left out; a required one would make the command unusable.
    if (!shape.required) return undefined;
    throw new Error(`Option "${name}" of /${commandName} has a type Discord cannot express; list the command as not a slash command.`);
  }
  const base = {
    name,
    description: truncate(override.description ?? shape.description ?? name, DISCORD_LIMITS.commandDescription),
    required: shape.required,
  };
  const max = override.max !== undefined ? Math.min(override.max, shape.max ?? Infinity) : shape.max;
  switch (shape.kind) {
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'integer':
    case 'number': {
      const range = {
        ...(shape.min !== undefined ? { min_value: shape.min } : {}),
        ...(max !== undefined ? { max_value: max } : {}),
      };
      return shape.kind === 'integer'
        ? { ...base, ...range, type: ApplicationCommandOptionType.Integer }
        : { ...base, ...range, type: ApplicationCommandOptionType.Number };
    }
    case 'string': {
      const choices = shape.choices?.filter((choice) => !override.exclude?.includes(choice));
      if (choices && choices.length > 0) {
        return { ...base, type: ApplicationCommandOptionType.String, choices: choices.slice(0, 25).map((value) => ({ name: value, value })) };
      }
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(shape.min !== undefined && shape.min > 0 ? { min_length: Math.min(shape.min, 6000) } : {}),
        ...(max !== undefined ? { max_length: Math.min(max, 6000) } : {}),
        ...(override.autocomplete ? { autocomplete: true } : {}),
      };
    }
  }
}

interface OptionShape {
  kind?: 'string' | 'integer' | 'number' | 'boolean';
  required: boolean;
  description?: string;
  min?: number;
  max?: number;
  choices?: string[];
}

/**
 * Reads what Discord needs from a zod schema: optional/default wrappers make it optional, a pipe
 * contributes both ends (`z.string().transform(...).pipe(z.enum([...]))` is a string with choices).
 */
function inspectSchema(schema: z.ZodType, shape: OptionShape = { required: true }): OptionShape {
  shape.description ??= schema.description;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) {
    shape.required = false;
    return inspectSchema(schema.unwrap() as z.ZodType, shape);
  }
  if (schema instanceof z.ZodPipe) {
    inspectSchema(schema.in as z.ZodType, shape);
    return inspectSchema(schema.out as z.ZodType, shape);
  }
  if (schema instanceof z.ZodTransform) return shape;
  if (schema instanceof z.ZodString) {
    shape.kind ??= 'string';
    tighten(shape, schema.minLength, schema.maxLength);
  } else if (schema instanceof z.ZodNumber) {
    shape.kind ??= schema.isInt ? 'integer' : 'number';
    tighten(shape, schema.minValue, schema.maxValue);
  } else if (schema instanceof z.ZodBoolean) {
    shape.kind ??= 'boolean';
  } else if (schema instanceof z.ZodEnum) {
    shape.kind ??= 'string';
    shape.choices = schema.options.map(String);
  } else {
    shape.kind = undefined;
  }
  return shape;
}

function tighten(shape: OptionShape, min: number | null | undefined, max: number | null | undefined): void {
  if (typeof min === 'number' && Number.isFinite(min)) shape.min = Math.max(shape.min ?? min, min);
  if (typeof max === 'number' && Number.isFinite(max)) shape.max = Math.min(shape.max ?? max, max);
}
