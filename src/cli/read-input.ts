import { readFile } from 'node:fs/promises';
import { FaultError } from '../core/errors.js';

/** Reads a file, or all of standard input for `-`. Unreadable input is a FaultError naming it. */
export async function readInput(source: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<{ text: string; name: string }> {
  if (source === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return { text: Buffer.concat(chunks).toString('utf8'), name: 'stdin' };
  }
  try {
    return { text: await readFile(source, 'utf8'), name: source };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new FaultError(`Cannot read ${source}: ${reason}.`, { cause: error });
  }
}
