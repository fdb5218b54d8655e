import os from 'node:os';
import { envSchema } from '../../src/config/config.js';

/**
 * A working directory for factdesk child processes that holds no developer's `.env`: the CLI
 * loads `.env` from where it runs, and the README tells developers to keep one in the project.
 */
export const OUTSIDE_THE_PROJECT = os.tmpdir();

/** Every variable factdesk reads (DESIGN.md's names, `envSchema`). */
const FACTDESK_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/**
 * The environment of a factdesk child process: the test runner's own (PATH, HOME, …) without any
 * variable factdesk reads, plus `own`. A developer's exported DATABASE_URL or FACTDESK_SEMANTIC
 * would otherwise choose the child's store or ranking, and the tests would fail for them alone.
 */
export function childEnvironment(own: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !FACTDESK_VARIABLES.includes(name)));
  return { ...inherited, NO_COLOR: '1', LOG_LEVEL: 'silent', ...own };
}
