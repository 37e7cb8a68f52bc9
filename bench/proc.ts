/** Reads a child process's CPU time and resident memory from /proc (Linux only). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { sleep } from './child.ts';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU time the process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / clockTicks();
}

/** Resident set size in bytes. */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** Measures a child's CPU over a window: call stop() at its end. */
export function cpuWindow(pid: number): { stop(): number } {
  const start = cpuMs(pid);
  return { stop: () => cpuMs(pid) - start };
}

/**
 * Waits until a process has used at most `maxCpuMs` of CPU over `windowMs` (or `timeoutMs`
 * has passed): work a server defers after a measurement must not land in the next one, nor a
 * just-started process's own start-up work (compiling, its first garbage collections) in its
 * first. Returns how long it waited and the CPU rate of the last window.
 */
export async function cpuQuiet(
  pid: number,
  {
    windowMs,
    maxCpuMs,
    timeoutMs = 20_000,
  }: { windowMs: number; maxCpuMs: number; timeoutMs?: number },
): Promise<{ waitedMs: number; cpuMsPerSecond: number }> {
  const started = Date.now();
  let before = cpuMs(pid);
  for (;;) {
    await sleep(windowMs);
    const now = cpuMs(pid);
    const used = now - before;
    if (used <= maxCpuMs || Date.now() - started >= timeoutMs) {
      return { waitedMs: Date.now() - started, cpuMsPerSecond: (used * 1000) / windowMs };
    }
    before = now;
  }
}
