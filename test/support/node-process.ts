import { type ChildProcess, spawn } from 'node:child_process';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A compiled entry point (`dist/…`) running as a real child process. */
export interface NodeProcess {
  readonly child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves once the process has exited: its exit code, or the signal that killed it. */
  readonly exited: Promise<Exit>;
}

/**
 * Spawns `node <script>` with this test run's environment plus `env` (an `undefined` value
 * removes the variable). Jest's NODE_OPTIONS are left out, as in production.
 */
export function spawnNode(
  script: string,
  env: Record<string, string | undefined> = {},
): NodeProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: undefined, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [script], {
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stderr: () => stderr, exited };
}

/** How the process exited, or a rejection when it still runs after `ms` (it is killed then). */
export async function exitWithin(proc: NodeProcess, ms: number): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      proc.child.kill('SIGKILL');
      reject(new Error(`process ${proc.child.pid} still running after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([proc.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
