import { z } from 'zod';
import type { AnyCommand, CommandContext } from './command.js';
import { UserError } from './errors.js';
import { messages } from './messages.js';
import type { Reply } from './reply.js';
import { logger } from '../log/logger.js';

/**
 * The single boundary where command input is validated and errors are caught: user errors become
 * friendly notices, anything else is logged as a fault and answered generically.
 */
export async function dispatchCommand(
  command: AnyCommand | undefined,
  requestedName: string,
  rawOptions: Record<string, unknown>,
  context: CommandContext,
): Promise<Reply> {
  if (!command) return errorNotice(messages.unknownCommand(requestedName.replace(/^\//, '')));
  const parsed = command.options.safeParse(rawOptions);
  if (!parsed.success) {
    return errorNotice(messages.invalidOptions(command.name, describeIssues(parsed.error)));
  }
  try {
    return await command.handler(parsed.data, context);
  } catch (error) {
    if (error instanceof UserError) return errorNotice(error.message);
    logger.error({ err: error, command: command.name, platform: context.requester.platform }, 'command failed');
    return { kind: 'notice', tone: 'error', text: messages.fault, fault: true };
  }
}

function errorNotice(text: string): Reply {
  return { kind: 'notice', tone: 'error', text };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
