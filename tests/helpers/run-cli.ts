import { spawn } from 'node:child_process';
import path from 'node:path';
import { childEnvironment, OUTSIDE_THE_PROJECT } from './child-environment.js';
import { REPO_ROOT } from './seed-core.js';

export const BIN = path.join(REPO_ROOT, 'bin/factdesk.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `factdesk` bin in a child process, as a user would from a shell, with only the
 * factdesk variables in `options.env` (see childEnvironment).
 */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: OUTSIDE_THE_PROJECT,
      env: childEnvironment(options.env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
