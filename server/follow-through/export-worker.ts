/** The export thread (export-thread.ts): reads and renders each export it is sent, in turn. */
import { parentPort } from 'node:worker_threads';
import type { ExportItem } from '../../shared/follow-through.ts';
import type { RenderJob, RenderReply } from './export-thread.ts';
import { completeExport, snapshotItems } from './exports/export-source.ts';
import { renderExport } from './exports/index.ts';

const port = parentPort;
if (!port) throw new Error('export-worker.ts runs as a worker thread (export-thread.ts)');

/**
 * The items of the snapshots read last, newest last. A snapshot never changes, and a version is
 * previewed by many at once or again and again: reading it (90–200 ms at 5,000 items) once will do.
 */
const recent = new Map<string, ExportItem[]>();
const RECENT = 4;

function readSnapshot(state: Uint8Array, snapshotId: string): ExportItem[] {
  const items = recent.get(snapshotId) ?? snapshotItems(state);
  recent.delete(snapshotId);
  recent.set(snapshotId, items);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return items;
}

port.on('message', ({ id, source, format, options }: RenderJob) => {
  const started = performance.now();
  let reply: RenderReply;
  try {
    const rendered = renderExport(completeExport(source, readSnapshot), format, options);
    reply = { id, ms: performance.now() - started, rendered };
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    reply = { id, ms: performance.now() - started, error: reason };
  }
  port.postMessage(reply);
});
