import { execFile } from 'node:child_process';
import { access, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of a test's own, made with the installed server's binaries in a temporary
 * directory and listening on a free port, and standbys made from it by a base backup: what a
 * restore to a point in time or a failover does to a database, which the shared test database
 * cannot be put through. The server refuses to run as root, so as root it runs as `postgres`.
 */
export class ScratchCluster {
  /** Servers started, by data directory and port. */
  private readonly servers: { data: string; port: string }[] = [];

  private constructor(
    private readonly bin: string,
    private readonly directory: string,
    private readonly owner: { uid: number; gid: number } | undefined,
  ) {}

  /** Why no cluster can be made here (no server binaries, or root without a `postgres` user), or undefined. */
  static async unavailableReason(): Promise<string | undefined> {
    try {
      await ScratchCluster.located();
      return undefined;
    } catch (error) {
      const reason = `Scratch PostgreSQL cluster tests skipped: ${(error as Error).message}`;
      console.warn(reason);
      return reason;
    }
  }

  /** A new cluster (initdb, trust authentication), started, with its `postgres` database. */
  static async start(): Promise<{ cluster: ScratchCluster; url: string }> {
    const { bin, owner } = await ScratchCluster.located();
    const directory = await mkdtemp(path.join(os.tmpdir(), 'factdesk-cluster-'));
    if (owner) await chown(directory, owner.uid, owner.gid);
    const cluster = new ScratchCluster(bin, directory, owner);
    const data = path.join(directory, 'primary');
    await cluster.as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    return { cluster, url: await cluster.serve(data) };
  }

  /**
   * A standby made now from the server at `url` by a base backup (pg_basebackup), not started:
   * it holds what was committed until now, and nothing written after.
   */
  async backUp(url: string): Promise<string> {
    const data = path.join(this.directory, `standby-${this.servers.length}`);
    const { port } = new URL(url);
    await this.as('pg_basebackup', ['-h', '127.0.0.1', '-p', port, '-U', 'postgres', '-D', data, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
    return data;
  }

  /** Starts a standby made by `backUp` and promotes it at once: a new timeline of the cluster's history. */
  async promote(standby: string): Promise<string> {
    const url = await this.serve(standby);
    await this.as('pg_ctl', ['-D', standby, '-w', 'promote']);
    return url;
  }

  /** Stops the server at `url` at once, as a crash would. */
  async crash(url: string): Promise<void> {
    const server = this.servers.find(({ port }) => port === new URL(url).port);
    if (server) await this.stop(server.data);
  }

  /** Stops every server and removes the directory. */
  async dispose(): Promise<void> {
    for (const { data } of this.servers) await this.stop(data);
    await rm(this.directory, { recursive: true, force: true });
  }

  private async stop(data: string): Promise<void> {
    // An already stopped server fails this, which is fine.
    await this.as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
  }

  private async serve(data: string): Promise<string> {
    const port = await freePort();
    const options = `-p ${port} -k ${this.directory} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await this.as('pg_ctl', ['-D', data, '-o', options, '-l', `${data}.log`, '-w', 'start']);
    this.servers.push({ data, port: String(port) });
    return `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  private async as(command: string, args: string[]): Promise<void> {
    const program = path.join(this.bin, command);
    if (this.owner) await run('runuser', ['-u', 'postgres', '--', program, ...args]);
    else await run(program, args);
  }

  private static async located(): Promise<{ bin: string; owner: { uid: number; gid: number } | undefined }> {
    const bin = (await run('pg_config', ['--bindir']).catch(() => ({ stdout: '' }))).stdout.trim();
    for (const command of ['initdb', 'pg_ctl', 'pg_basebackup']) {
      await access(path.join(bin || '/nonexistent', command)).catch(() => {
        throw new Error(`no ${command} beside pg_config (${bin || 'pg_config not found'})`);
      });
    }
    if (process.getuid?.() !== 0) return { bin, owner: undefined };
    const ids = await run('id', ['-u', 'postgres']).then(
      async ({ stdout }) => ({ uid: Number(stdout.trim()), gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()) }),
      () => undefined,
    );
    if (!ids) throw new Error('running as root, and there is no postgres user to run the server as');
    return { bin, owner: ids };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
