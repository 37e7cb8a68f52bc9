/** The orchestrator's side of peers/servers/memory-probe.ts: ask a server for a GC'd reading. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sleep } from './child.ts';

export interface MemoryReading {
  seq: number;
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export const MEMORY_PROBE = 'bench/peers/servers/memory-probe.ts';

export function memoryProbeFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-bench-mem-')), 'memory.json');
}

function read(file: string): MemoryReading | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as MemoryReading;
  } catch {
    return undefined;
  }
}

/** Signals the server, then waits for its reading (the file is removed first: no stale one). */
export async function probeMemory(pid: number, file: string): Promise<MemoryReading> {
  fs.rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  const started = Date.now();
  for (;;) {
    const reading = read(file);
    if (reading) return reading;
    if (Date.now() - started > 10_000) throw new Error(`no memory reading from ${pid}`);
    await sleep(20);
  }
}
