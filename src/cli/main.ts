import { Command, CommanderError } from 'commander';
import dotenv from 'dotenv';
import { FaultError } from '../core/errors.js';
import { logger } from '../log/logger.js';
import { EXIT, UsageError } from './exit-codes.js';
import { benchCommand } from './bench-command.js';
import { exportCommand } from './export-command.js';
import { importCommand } from './import-command.js';
import { lookupCommand } from './lookup-command.js';
import { startCommand } from './start-command.js';

dotenv.config({ quiet: true });

const program = new Command('factdesk')
  .description('Look claims and links up in a store of published fact-checks.')
  .exitOverride()
  .showHelpAfterError('(run factdesk --help for usage)')
  .addCommand(startCommand())
  .addCommand(lookupCommand())
  .addCommand(benchCommand())
  .addCommand(importCommand())
  .addCommand(exportCommand());

try {
  await program.parseAsync(process.argv);
  process.exitCode = EXIT.ok;
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version are answers, not usage errors.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`factdesk: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof FaultError) {
    process.stderr.write(`factdesk: ${error.message}\n`);
    return EXIT.fault;
  }
  logger.error({ err: error }, 'unexpected failure');
  process.stderr.write(`factdesk: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.fault;
}
