/**
 * Child processes that run TypeScript: `node --import tsx <entry>`, which is what the `tsx`
 * command does, minus its wrapper process, so the pid we read /proc for is the server itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Open an IPC channel (load-client workers). */
  ipc?: boolean;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** TypeScript modules to preload after tsx is registered. */
  preload?: string[];
  /** Prefix for the child's stderr lines; stderr is dropped when undefined. */
  label?: string;
}

export function spawnTs(entry: string, options: SpawnOptions = {}): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx',
      ...(options.preload ?? []).flatMap((file) => ['--import', path.resolve(ROOT, file)]),
      path.resolve(ROOT, entry),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: options.ipc ? ['ignore', 'inherit', 'pipe', 'ipc'] : ['ignore', 'ignore', 'pipe'],
    },
  );
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (options.label) process.stderr.write(prefixLines(options.label, chunk));
  });
  return child;
}

function prefixLines(label: string, text: string): string {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => `[${label}] ${line}\n`)
    .join('');
}

/** Stops a child: SIGTERM, then SIGKILL if it has not exited after graceMs. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls an HTTP URL until it answers 2xx, or fails after timeoutMs or when the child dies. */
export async function waitForHttp(
  url: string,
  child: ChildProcess,
  timeoutMs = 30_000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited (${child.exitCode})`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {}
    if (Date.now() - started > timeoutMs) throw new Error(`${url}: not ready in ${timeoutMs} ms`);
    await sleep(50);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
