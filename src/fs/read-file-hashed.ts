import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

export interface HashedFile {
  bytes: Buffer;
  /** SHA-1 (hex) of `bytes` from `hashFrom` on. */
  sha1: string;
}

/** Below this a worker thread costs more to start than reading and hashing here (a few milliseconds). */
const IN_THREAD_BYTES = 8 << 20;

const WORKER = new URL('./read-file-hashed-worker.cjs', import.meta.url);

/**
 * Reads a file and its SHA-1 (of the bytes from `hashFrom` on). A large file is read and hashed
 * in a worker thread: a start reads two big files, the store and the index snapshot, and on
 * their first touch of fresh memory reading and hashing are slow (here 0.6 s for 127 MB), so the
 * two go on side by side, on two cores, while this thread is free. Rejects as `readFile` does
 * (with its `code`: ENOENT, EACCES…).
 */
export async function readFileHashed(file: string, options: { hashFrom?: number } = {}): Promise<HashedFile> {
  const hashFrom = options.hashFrom ?? 0;
  const { size } = await stat(file);
  if (size < IN_THREAD_BYTES) {
    const bytes = await readFile(file);
    return { bytes, sha1: createHash('sha1').update(bytes.subarray(hashFrom)).digest('hex') };
  }
  return inWorker(file, hashFrom);
}

type WorkerReply =
  | { ok: true; buffer: ArrayBuffer; length: number; sha1: string }
  | { ok: false; message: string; code?: string };

function inWorker(file: string, hashFrom: number): Promise<HashedFile> {
  return new Promise((resolve, reject) => {
    // The worker is plain CommonJS: it needs none of the loaders this process may run under (tsx, vitest).
    const worker = new Worker(WORKER, { workerData: { file, hashFrom }, execArgv: [] });
    worker.once('message', (reply: WorkerReply) => {
      if (reply.ok) {
        resolve({ bytes: Buffer.from(reply.buffer, 0, reply.length), sha1: reply.sha1 });
      } else {
        reject(Object.assign(new Error(reply.message), { code: reply.code }));
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the file reader thread for ${file} stopped (exit code ${code})`)));
  });
}
