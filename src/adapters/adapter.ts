/**
 * A platform connection (Slack, Discord, the console). Adapters only translate: platform event →
 * `core.dispatch`, Reply → platform message. They never search or touch the store directly.
 */
export interface Adapter {
  readonly name: string;
  start(): Promise<void>;
  /** Stops listening and releases sockets; safe to call twice. */
  stop(): Promise<void>;
}
