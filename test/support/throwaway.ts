import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { waitFor } from './wait.js';

/**
 * Throwaway Redis and PostgreSQL servers for fault tests: started on a free port in a temp
 * dir, stopped and started again on the same port, removed by `destroy()`. The machine's
 * shared servers are never touched.
 */
export interface ThrowawayServer {
  readonly port: number;
  /** Connection URL (Postgres: database `postgres`). */
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

/** A port nobody listens on right now: listen on 0 and read it back. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** A raw PING over TCP (an ioredis client would leave a disconnect timer behind). */
function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk) => done(chunk.toString().startsWith('+PONG')));
  });
}

/** `redis-server` without persistence; `stop()` kills it (SIGKILL, like a crash). */
export async function startThrowawayRedis(): Promise<ThrowawayServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ptrack-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const kill = () => child?.kill('SIGKILL');
  process.once('exit', kill);

  const server: ThrowawayServer = {
    port,
    url,
    async start() {
      child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--dir',
          dir,
          '--save',
          '',
          '--appendonly',
          'no',
        ],
        { stdio: 'ignore' },
      );
      await waitFor(() => redisAnswers(port), { timeoutMs: 10000, what: `redis on ${port}` });
    },
    async stop() {
      if (!child) return;
      const running = child;
      child = undefined;
      running.kill('SIGKILL');
      await exited(running);
    },
    async destroy() {
      await server.stop();
      process.removeListener('exit', kill);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((v) => join(root, v, 'bin'))
    .find((d) => existsSync(join(d, 'pg_ctl')));
  if (!found) throw new Error(`no PostgreSQL binaries under ${root}/*/bin`);
  return found;
}

/** initdb, postgres and pg_ctl refuse to run as root: run them as the postgres user then. */
function pgCommand(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', bin, ...args]]
    : [bin, args];
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A PostgreSQL cluster in a temp dir (trust auth, user postgres, socket in the same dir). */
export async function startThrowawayPostgres(): Promise<ThrowawayServer> {
  const bin = postgresBinDir();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ptrack-pg-'));
  const data = join(dir, 'data');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'])), 0);
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = pgCommand(join(bin, tool), args);
    execFileSync(cmd, argv, { stdio: 'pipe' });
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '--no-instructions']);

  let running = false;
  const stopNow = (mode: string) => {
    if (!running) return;
    running = false;
    run('pg_ctl', ['stop', '-D', data, '-m', mode, '-w']);
  };
  const onExit = () => stopNow('immediate');
  process.once('exit', onExit);

  const server: ThrowawayServer = {
    port,
    url,
    async start() {
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
      run('pg_ctl', ['start', '-D', data, '-l', join(dir, 'server.log'), '-w', '-o', options]);
      running = true;
      await waitFor(() => postgresAnswers(url), { timeoutMs: 10000, what: `postgres on ${port}` });
    },
    async stop() {
      stopNow('fast');
    },
    async destroy() {
      stopNow('fast');
      process.removeListener('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
