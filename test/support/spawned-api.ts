import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from './throwaway.js';
import { waitFor } from './wait.js';

export interface SpawnedProcess {
  child: ChildProcess;
  output: () => string;
  baseUrl: string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Runs a compiled entry point (dist/src/main.js or worker.js) as its own process. */
export async function spawnProcess(
  entry: 'main' | 'worker',
  env: Record<string, string> = {},
): Promise<SpawnedProcess> {
  const port = await freePort();
  const child = spawn('node', [`dist/src/${entry}.js`], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  if (entry === 'main') {
    await waitFor(async () => (await fetch(`${baseUrl}/health/live`).catch(() => null))?.ok, {
      what: 'spawned api to listen',
      intervalMs: 100,
    });
  }
  return {
    child,
    output: () => out,
    baseUrl,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
