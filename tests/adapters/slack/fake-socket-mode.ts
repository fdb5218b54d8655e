import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** What the app sent back over the socket: an acknowledgement of one envelope, with its optional payload. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/** A Socket Mode envelope as Slack sends it (slash_commands, events_api, interactive). */
export interface Envelope {
  envelope_id: string;
  type: 'slash_commands' | 'events_api' | 'interactive';
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

const SOCKET_PATH = '/link';

/**
 * Slack's side of Socket Mode on a loopback port: the URL apps.connections.open hands out. Each
 * connection is greeted with `hello`; envelopes are pushed to the newest one and every message the
 * app sends back (its acks) is recorded.
 */
export class FakeSocketMode {
  readonly acks: SocketAck[] = [];
  /** Close codes of connections the app closed, in order. */
  readonly closes: number[] = [];
  private server?: WebSocketServer;
  private readonly sockets: WebSocket[] = [];
  private nextEnvelope = 0;
  private waiters: Array<() => void> = [];

  async start(): Promise<void> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: SOCKET_PATH });
    this.server.on('connection', (socket) => this.accept(socket));
    await new Promise<void>((resolve) => this.server!.once('listening', resolve));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server!.address() as AddressInfo).port}${SOCKET_PATH}`;
  }

  /** Connections the app ever opened. */
  get connections(): number {
    return this.sockets.length;
  }

  get openConnections(): number {
    return this.sockets.filter((socket) => socket.readyState === socket.OPEN).length;
  }

  ackFor(envelopeId: string): SocketAck | undefined {
    return this.acks.find((ack) => ack.envelope_id === envelopeId);
  }

  /** Pushes an envelope to the app over the newest open connection. */
  send(envelope: Envelope): void {
    const socket = this.sockets.findLast((candidate) => candidate.readyState === candidate.OPEN);
    if (!socket) throw new Error('fake Socket Mode: the app is not connected');
    socket.send(JSON.stringify(envelope));
  }

  slashCommand(payload: Record<string, unknown>): Envelope {
    return { envelope_id: this.envelopeId(), type: 'slash_commands', payload, accepts_response_payload: true };
  }

  /** An events_api envelope; `retryAttempt` above 0 marks a redelivery of the same event. */
  event(payload: Record<string, unknown>, retryAttempt = 0): Envelope {
    return {
      envelope_id: this.envelopeId(),
      type: 'events_api',
      payload,
      accepts_response_payload: false,
      retry_attempt: retryAttempt,
      retry_reason: retryAttempt > 0 ? 'timeout' : '',
    };
  }

  interactive(payload: Record<string, unknown>): Envelope {
    return { envelope_id: this.envelopeId(), type: 'interactive', payload, accepts_response_payload: false };
  }

  /** Resolves once `condition` holds (re-checked after every connection, message and close), or fails after `timeoutMs`. */
  async waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake Socket Mode: timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private accept(socket: WebSocket): void {
    this.sockets.push(socket);
    socket.on('message', (data) => {
      this.acks.push(JSON.parse(data.toString()) as SocketAck);
      this.wake();
    });
    socket.on('close', (code) => {
      this.closes.push(code);
      this.wake();
    });
    // Slack's greeting; the client counts as connected only once it arrives.
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0FACTDESK' },
      }),
    );
    this.wake();
  }

  private envelopeId(): string {
    this.nextEnvelope += 1;
    return `00000000-0000-4000-8000-${String(this.nextEnvelope).padStart(12, '0')}`;
  }

  private wake(): void {
    const waiters = this.waiters.splice(0);
    for (const wake of waiters) wake();
  }
}
