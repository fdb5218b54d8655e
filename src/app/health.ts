import http from 'node:http';
import type { Core } from '../core/core.js';
import type { Adapter } from '../adapters/adapter.js';

export interface HealthReport {
  ok: boolean;
  store: { description: string; entries: number };
  adapters: string[];
}

export function healthReport(core: Core, adapters: readonly Adapter[]): HealthReport {
  return {
    ok: true,
    store: { description: core.store.description, entries: core.lookup.size },
    adapters: adapters.map((adapter) => adapter.name),
  };
}

/** `GET /healthz` for deployments whose platforms need no HTTP server of their own (Discord only). */
export function startHealthServer(port: number, report: () => HealthReport): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(report()));
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}
