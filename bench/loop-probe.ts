/** The orchestrator's side of peers/servers/loop-probe.ts: a server's event-loop lag. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Since the previous reading, in ms: the 99th percentile and the longest of the intervals
 * between two 10 ms ticks (prom-client's figure), and the process's garbage collection.
 */
export interface LoopLag {
  p99: number;
  max: number;
  /** Garbage collection in the window: all of it, and the longest pause. */
  gcMs: number;
  gcMaxMs: number;
}

export const LOOP_PROBE = 'bench/peers/servers/loop-probe.ts';

export function loopProbeDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-bench-loop-'));
}

/** Removes what `loopProbeDir` made. */
export function removeLoopProbeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The server's figures since the previous reading; a new window starts. */
export function readLoopLag(dir: string, pid: number): Promise<LoopLag> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(path.join(dir, `${pid}.sock`));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('end', () => {
      try {
        resolve(JSON.parse(text) as LoopLag);
      } catch (error) {
        reject(error);
      }
    });
    socket.on('error', reject);
  });
}
