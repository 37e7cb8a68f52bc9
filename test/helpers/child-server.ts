/** An Ideamill server in its own process, for tests that kill it with SIGKILL. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  process: ChildProcess;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/**
 * `command`: by default `node --import tsx`, which keeps the server in this one process, so
 * SIGKILL reaches it; `['npm', 'start']` as the README has it.
 */
export async function startChildServer(
  env: Record<string, string>,
  [command, ...args]: string[] = [process.execPath, '--import', 'tsx', 'server/main.ts'],
): Promise<ChildServer> {
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'Ideamill is serving' && entry.url) resolve(entry.url);
      } catch {}
    });
    exited.then((code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    process: child,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
