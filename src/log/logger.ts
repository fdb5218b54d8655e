import { pino } from 'pino';

/**
 * One logger for the process. Logs go to stderr so that stdout stays clean for replies and
 * `--json` output; the level comes from LOG_LEVEL (default `info`, `silent` in tests).
 */
export const logger = pino(
  {
    name: 'factdesk',
    level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  },
  pino.destination(2),
);
