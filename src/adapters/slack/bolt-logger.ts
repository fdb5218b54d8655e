import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { logger } from '../../log/logger.js';

/** Bolt's and the Web API client's logs, sent through factdesk's logger (stderr; silent in tests). */
export function boltLogger(): BoltLogger {
  let child = logger.child({ adapter: 'slack' });
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...parts: unknown[]) =>
    child[level](parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' '));
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // The level is LOG_LEVEL's; Bolt's own setting would otherwise override it.
    setLevel: () => {},
    getLevel: () => (logger.isLevelEnabled('debug') ? 'debug' : 'info') as LogLevel,
    setName: (name: string) => {
      child = logger.child({ adapter: 'slack', component: name });
    },
  };
}
