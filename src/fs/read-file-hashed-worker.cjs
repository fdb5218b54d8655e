// The worker thread of read-file-hashed.ts. Plain CommonJS, so it runs under any loader (tsx,
// vitest or none). Reads one file into a fresh ArrayBuffer and hashes it slice by slice as it
// reads, while the slice is still in cache; the buffer is transferred back, not copied.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, fstatSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');

const SLICE_BYTES = 1 << 20;

function readHashed(file, hashFrom) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = new ArrayBuffer(size);
    const bytes = new Uint8Array(buffer);
    const hash = createHash('sha1');
    let offset = 0;
    while (offset < size) {
      const read = readSync(fd, bytes, offset, Math.min(SLICE_BYTES, size - offset), offset);
      if (read === 0) break;
      const from = Math.max(offset, hashFrom);
      if (from < offset + read) hash.update(bytes.subarray(from, offset + read));
      offset += read;
    }
    return { buffer, length: offset, sha1: hash.digest('hex') };
  } finally {
    closeSync(fd);
  }
}

try {
  const result = readHashed(workerData.file, workerData.hashFrom);
  parentPort.postMessage({ ok: true, ...result }, [result.buffer]);
} catch (error) {
  parentPort.postMessage({ ok: false, message: error.message, code: error.code });
}
