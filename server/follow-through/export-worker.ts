/** The export thread (export-thread.ts): reads and renders each export it is sent, in turn. */
import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ExportItem } from '../../shared/follow-through.ts';
import { snapshotStates } from '../store/snapshots-repository.ts';
import type { RenderJob, RenderReply, SentSource, ThreadData } from './export-thread.ts';
import { completeExport, type ExportSource, snapshotItems } from './exports/export-source.ts';
import { renderExport } from './exports/index.ts';

const port = parentPort;
if (!port) throw new Error('export-worker.ts runs as a worker thread (export-thread.ts)');
const { databaseFile } = workerData as ThreadData;

/** A snapshot the database no longer has: deleted since the request found it. */
class SnapshotMissing extends Error {}

/** Opened at the first snapshot read: read-only, beside the server's own connection (WAL). */
let storedState: ReturnType<typeof snapshotStates> | undefined;

/**
 * The items of the snapshots read last, newest last. A snapshot never changes, and a version is
 * previewed by many at once or again and again: reading it (90–200 ms at 5,000 items) once will do.
 */
const recent = new Map<string, ExportItem[]>();
const RECENT = 4;

function readSnapshot(boardId: string, snapshotId: string): ExportItem[] {
  let items = recent.get(snapshotId);
  if (!items) {
    storedState ??= snapshotStates(
      new Database(databaseFile, { readonly: true, fileMustExist: true }),
    );
    const state = storedState(boardId, snapshotId);
    if (!state) throw new SnapshotMissing(`snapshot ${snapshotId} is not in the database`);
    items = snapshotItems(state);
  }
  recent.delete(snapshotId);
  recent.set(snapshotId, items);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return items;
}

function received(source: SentSource): ExportSource {
  if (!('serializedItems' in source)) return source;
  const { serializedItems, ...rest } = source;
  return { ...rest, items: deserialize(serializedItems) as ExportItem[] };
}

const utf8 = new TextEncoder();

port.on('message', ({ id, source, format, options }: RenderJob) => {
  const started = performance.now();
  try {
    const rendered = renderExport(completeExport(received(source), readSnapshot), format, options);
    const body = utf8.encode(rendered.body);
    const reply: RenderReply = {
      id,
      ms: performance.now() - started,
      rendered: { ...rendered, body },
    };
    port.postMessage(reply, [body.buffer]);
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const ms = performance.now() - started;
    const missing = error instanceof SnapshotMissing ? { snapshotNotFound: true as const } : {};
    port.postMessage({ id, ms, error: reason, ...missing } satisfies RenderReply);
  }
});
