import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { JobName, QueueName } from '../src/queue/job-registry.js';
import { QueueProducer } from '../src/queue/queue-producer.service.js';
import { UnitOfWork } from '../src/queue/unit-of-work.service.js';
import { exitWithin, type NodeProcess, spawnNode } from './support/node-process.js';
import { startTestApi, type TestApi } from './support/test-app.js';
import { freePort } from './support/throwaway.js';
import { waitFor } from './support/wait.js';

const API = 'dist/src/main.js';
const WORKER = 'dist/src/worker.js';
const EXIT_WITHIN_MS = 10_000;

/** Resolves true once nothing accepts connections on `port` any more. */
const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

describe('graceful shutdown of the compiled processes (SIGTERM → exit 0)', () => {
  let api: TestApi;
  const spawned: NodeProcess[] = [];
  const start = (script: string, env: Record<string, string | undefined> = {}) => {
    const proc = spawnNode(script, env);
    spawned.push(proc);
    return proc;
  };
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterEach(() => {
    for (const proc of spawned.splice(0)) proc.child.kill('SIGKILL');
  });
  afterAll(() => api?.close());

  it('worker: lets the running job finish, marks its outbox row done, exits 0', async () => {
    const worker = start(WORKER);
    const id = await api.app
      .get(UnitOfWork)
      .run(async (tx) => tx.emit(JobName.SystemProbe, { delayMs: 3000, note: 'shutdown test' }));
    const queue = api.app.get(QueueProducer).queue(QueueName.Maintenance);
    await waitFor(async () => (await (await queue.getJob(id))?.getState()) === 'active', {
      timeoutMs: 15000,
      intervalMs: 100,
      what: `job ${id} to be active in the worker`,
    });

    worker.child.kill('SIGTERM');
    const exit = await exitWithin(worker, EXIT_WITHIN_MS);
    expect({ ...exit, stderr: worker.stderr() }).toEqual({
      code: 0,
      signal: null,
      stderr: expect.any(String),
    });
    const [row] = await api.db.query(`SELECT status FROM outbox_messages WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'done' });
  });

  it('api: answers the request in flight, then exits 0', async () => {
    const port = await freePort();
    const server = start(API, { PORT: String(port), HOST: '127.0.0.1' });
    await waitFor(
      () =>
        fetch(`http://127.0.0.1:${port}/health/live`).then(
          (res) => res.ok,
          () => false,
        ),
      { timeoutMs: 15000, intervalMs: 100, what: 'the api to answer /health/live' },
    );

    // A request whose headers have arrived but whose body has not: it is in flight.
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
    socket.write(
      'POST /api/v1/shutdown-probe HTTP/1.1\r\nHost: localhost\r\n' +
        'Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{',
    );
    // Give the server time to read the headers (on a loaded machine it may not have yet;
    // a request that arrives after SIGTERM is rightly refused with 503).
    await new Promise((resolve) => setTimeout(resolve, 500));
    server.child.kill('SIGTERM');
    await waitFor(() => refusesConnections(port), {
      what: 'the api to stop accepting connections',
    });
    socket.end('}');
    await once(socket, 'close');

    expect(response).toMatch(/^HTTP\/1\.1 404 /);
    expect(response).toContain('"code":"route_not_found"');
    const exit = await exitWithin(server, EXIT_WITHIN_MS);
    expect({ ...exit, stderr: server.stderr() }).toEqual({
      code: 0,
      signal: null,
      stderr: expect.any(String),
    });
  });

  describe.each([
    ['api', API],
    ['worker', WORKER],
  ])('%s refuses to start with bad configuration', (_name, script) => {
    it.each([
      ['DATABASE_URL=nonsense', 'DATABASE_URL', 'nonsense'],
      ['JWT_SECRET unset', 'JWT_SECRET', undefined],
    ])('%s → non-zero exit, stderr names the variable', async (_case, variable, value) => {
      const proc = start(script, { [variable]: value });
      const { code } = await exitWithin(proc, EXIT_WITHIN_MS);
      expect(code).toBeGreaterThan(0);
      expect(proc.stderr()).toContain(variable);
    });
  });
});
