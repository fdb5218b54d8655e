import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { APPLICATION_ID, BOT_USER } from './fake-identity.js';

interface Identify {
  token: string;
  intents: number;
}

/**
 * A small stand-in for Discord's gateway on the fake's HTTP server (`/gateway`): HELLO, then READY
 * after IDENTIFY, heartbeat acks, and close code 4014 when the bot asks for an intent the
 * application has not been granted. Dispatches can be pushed to connected bots.
 */
export class FakeGateway {
  readonly identifies: Identify[] = [];
  /** Intents (bit flags) this "application" may not use; asking for them closes with 4014. */
  disallowedIntents = 0;
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private sequence = 0;

  constructor(http: http.Server) {
    http.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!request.url?.startsWith('/gateway')) return void socket.destroy();
      this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
    });
  }

  /** Sends a dispatch (`op: 0`) to every connected bot, as Discord would. */
  dispatch(type: string, data: unknown): void {
    const payload = JSON.stringify({ op: 0, t: type, s: ++this.sequence, d: data });
    for (const socket of this.sockets) socket.send(payload);
  }

  get connections(): number {
    return this.sockets.size;
  }

  close(): void {
    for (const socket of this.sockets) socket.terminate();
    this.server.close();
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Identify };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (packet.op !== 2) return;
      this.identifies.push({ token: packet.d.token, intents: packet.d.intents });
      if (packet.d.intents & this.disallowedIntents) {
        socket.close(4014, 'Disallowed intent(s).');
        return;
      }
      socket.send(
        JSON.stringify({
          op: 0,
          t: 'READY',
          s: ++this.sequence,
          d: {
            v: 10,
            user: BOT_USER,
            guilds: [],
            session_id: `session-${this.identifies.length}`,
            resume_gateway_url: 'ws://127.0.0.1:1',
            application: { id: APPLICATION_ID, flags: 0 },
            shard: [0, 1],
          },
        }),
      );
    });
  }
}
