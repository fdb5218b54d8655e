/** Exit codes of the `factdesk` CLI: no match is an answer (0), not an error. */
export const EXIT = Object.freeze({ ok: 0, fault: 1, usage: 2 });

/** Bad command-line usage: printed with the usage hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
