import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import type { BenchRow } from './bench-result.js';

export const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const MEASURE_SECONDS = 10;

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** A server process under test: stdout to /dev/null, stderr shown. */
export interface ServerProcess {
  url: string;
  /** CPU seconds the process has used (all its threads), where /proc tells; else undefined. */
  cpuSeconds(): number | undefined;
  /** Peak resident memory so far (VmHWM), MB, where /proc tells; else undefined. */
  peakRssMb(): number | undefined;
  stop(): Promise<void>;
}

/**
 * Whether processes can be pinned to CPUs here (Linux, taskset, two CPUs or more). Pinned,
 * the load generator and the server under test each own a CPU instead of taking turns on
 * both: on this project's 2-CPU machine that halved the spread between rounds.
 */
export const CAN_PIN = (() => {
  if (process.platform !== 'linux' || availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Pins this process (the load generator) to `cpus`, e.g. "0"; no argument: every CPU. */
export function pinSelf(cpus = `0-${availableParallelism() - 1}`): void {
  if (CAN_PIN)
    execFileSync('taskset', ['-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
}

/** utime + stime of a Linux process, in seconds (USER_HZ is 100 on every Linux ABI). */
function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Starts `node script` on a free port; with `cpu` (and CAN_PIN), pinned to that CPU. */
export async function startServer(
  script: string,
  env: Record<string, string>,
  readyPath: string,
  cpu?: number,
): Promise<ServerProcess> {
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the servers.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const [command, args] =
    cpu !== undefined && CAN_PIN
      ? ['taskset', ['-c', String(cpu), process.execPath, ...nodeArgs, script]]
      : [process.execPath, [...nodeArgs, script]];
  const child: ChildProcess = spawn(command, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000; // a shared machine can be slow to boot Nest
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const ok = await fetch(url + readyPath).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not answer ${readyPath} within 60 s`);
    }
    await sleep(100);
  }
  return {
    url,
    cpuSeconds: () => processCpuSeconds(child.pid),
    peakRssMb: () => processPeakRssMb(child.pid),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

function load(
  url: string,
  seconds: number,
  headers: Record<string, string>,
  connections = CONNECTIONS,
): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration: seconds, headers });
}

/**
 * The same load as `measure` (50 connections in all), spread evenly over several servers
 * running the same route (replicas): req/s summed, the worst p50/p99 of the servers, CPU
 * per request over all of them.
 */
export async function measureSpread(
  name: string,
  servers: ServerProcess[],
  route: string,
  headers: Record<string, string> = {},
): Promise<BenchRow> {
  const each = Math.ceil(CONNECTIONS / servers.length);
  await Promise.all(servers.map((s) => load(s.url + route, WARMUP_SECONDS, headers, each)));
  const cpu = () => servers.reduce((n, s) => n + (s.cpuSeconds() ?? NaN), 0);
  const before = cpu();
  const results = await Promise.all(
    servers.map((s) => load(s.url + route, MEASURE_SECONDS, headers, each)),
  );
  const after = cpu();
  const total = results.reduce((n, r) => n + r.requests.total, 0);
  const failed = results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
  return {
    name,
    reqPerSec: Math.round(results.reduce((n, r) => n + r.requests.average, 0)),
    p50Ms: Math.max(...results.map((r) => r.latency.p50)),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
    cpuUsPerReq: Number.isNaN(after - before)
      ? undefined
      : Math.round(((after - before) * 1e6) / total),
    note: failed > 0 ? `${failed} failed requests` : undefined,
  };
}

/**
 * 2 s warm-up (discarded), then 10 s (or `seconds`) measured at 50 connections; optional
 * request headers. Given the server, the row also has the CPU time it spent per request.
 */
export async function measure(
  name: string,
  url: string,
  {
    headers = {},
    seconds = MEASURE_SECONDS,
    server,
  }: { headers?: Record<string, string>; seconds?: number; server?: ServerProcess } = {},
): Promise<BenchRow> {
  await load(url, WARMUP_SECONDS, headers);
  const cpuBefore = server?.cpuSeconds();
  const result = await load(url, seconds, headers);
  const cpuAfter = server?.cpuSeconds();
  const failed = result.errors + result.timeouts + result.non2xx;
  const cpuUsPerReq =
    cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0
      ? undefined
      : Math.round(((cpuAfter - cpuBefore) * 1e6) / result.requests.total);
  return {
    name,
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuUsPerReq,
    note: failed > 0 ? `${failed} failed requests` : undefined,
  };
}

/** VmHWM of a process in MB (Linux /proc), or undefined. */
export function processPeakRssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}
