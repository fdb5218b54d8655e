import type { AnyCommand } from '../src/core/command.js';
import factcheck from './factcheck.js';
import factcheckLink from './factcheck-link.js';
import checkMessage from './check-message.js';
import factcheckWatch from './factcheck-watch.js';
import help from './help.js';
import factcheckRequest from './factcheck-request.js';
import factcheckAdd from './factcheck-add.js';
import factcheckRequests from './factcheck-requests.js';
import factcheckStats from './factcheck-stats.js';

/** Every command, in the order help lists them. Listed explicitly so the set is typed and testable. */
export const commands: readonly AnyCommand[] = [
  factcheck,
  factcheckLink,
  checkMessage,
  factcheckRequest,
  factcheckWatch,
  factcheckAdd,
  factcheckRequests,
  factcheckStats,
  help,
];
