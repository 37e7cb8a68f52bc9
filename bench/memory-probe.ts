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

/** Removes what `memoryProbeFile` made. */
export function removeMemoryProbeFile(file: string): void {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
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

export interface SettledReading {
  reading: MemoryReading;
  /** From the first probe to the reading that no longer moved. */
  afterMs: number;
}

/**
 * Probes every `everyMs` until RSS stops moving: once memory has been freed, V8 and the
 * allocator hand pages back to the system over several seconds, so a reading taken at once
 * shows memory the process no longer holds. Settled: two probes in a row within
 * `toleranceBytes` (or the last one at `maxMs`).
 */
export async function probeSettledMemory(
  pid: number,
  file: string,
  { everyMs, maxMs, toleranceBytes }: { everyMs: number; maxMs: number; toleranceBytes: number },
): Promise<SettledReading> {
  const started = Date.now();
  let previous = await probeMemory(pid, file);
  for (;;) {
    await sleep(everyMs);
    const reading = await probeMemory(pid, file);
    const afterMs = Date.now() - started;
    if (Math.abs(reading.rss - previous.rss) <= toleranceBytes || afterMs >= maxMs) {
      return { reading, afterMs };
    }
    previous = reading;
  }
}
