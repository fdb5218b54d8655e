import type { AnyCommand } from '../src/core/command.js';
import factcheck from './factcheck.js';
import factcheckLink from './factcheck-link.js';
import checkMessage from './check-message.js';
import factcheckWatch from './factcheck-watch.js';
import help from './help.js';

/** Every command, in the order help lists them. Listed explicitly so the set is typed and testable. */
export const commands: readonly AnyCommand[] = [factcheck, factcheckLink, checkMessage, factcheckWatch, help];
