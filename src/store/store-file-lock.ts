import lockfile from 'proper-lockfile';
import { FaultError } from '../core/errors.js';
import { logger } from '../log/logger.js';
import { displayPath } from './store-data-codec.js';
import { storeMessages } from './store-messages.js';

/** A lock older than this is a crashed process's and is taken over; a live holder refreshes it twice as often. */
export const STORE_LOCK_STALE_MS = 10_000;

export interface StoreFileLock {
  /** True once another process broke the lock (e.g. after this one stalled past the stale time). */
  readonly lost: boolean;
  release(): Promise<void>;
}

/**
 * Claims the store file for this process, so a second factdesk process cannot write the same file
 * unnoticed. The lock is a `<file>.lock` directory (proper-lockfile) removed on release and on
 * process exit; the file itself need not exist yet.
 */
export async function lockStoreFile(filePath: string, staleMs = STORE_LOCK_STALE_MS): Promise<StoreFileLock> {
  const file = displayPath(filePath);
  let lost = false;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(filePath, {
      realpath: false,
      stale: staleMs,
      update: staleMs / 2,
      retries: 0,
      onCompromised: (error) => {
        lost = true;
        logger.error({ err: error }, storeMessages.lockLost(file));
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new FaultError(storeMessages.alreadyOpen(file, `${file}.lock`), { cause: error });
    }
    throw new FaultError(storeMessages.lockFailed(file, (error as Error).message), { cause: error });
  }
  return {
    get lost() {
      return lost;
    },
    async release() {
      if (lost) return;
      try {
        await release();
      } catch (error) {
        // Already released or broken: either way this process no longer holds it.
        if (!['ERELEASED', 'ENOTACQUIRED'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      }
    },
  };
}
