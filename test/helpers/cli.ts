/** Runs the `ideamill` command as an operator does: its own process, its exit code and output. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/ideamill.js');

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Asynchronous, so a server running in the test's own process keeps serving meanwhile: a
 * synchronous spawn held its event loop for the seconds the command takes, past the keep-alive
 * timeouts, and the next request on the pooled connection met the server closing it
 * (ECONNRESET, a CI run of 5 December). Standard input is closed at once, as nobody types.
 */
export function ideamill(args: string[], env: Record<string, string>): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
