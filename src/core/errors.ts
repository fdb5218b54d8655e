/**
 * A problem the user can fix (bad input, missing permission). Its message is shown to them as is;
 * anything else thrown from a handler is a fault: logged, and answered with a generic apology.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    /** Stable machine-readable code, e.g. `invalid-url`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A problem with the store or configuration that stops factdesk from starting or serving. */
export class FaultError extends Error {
  override readonly name = 'FaultError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
