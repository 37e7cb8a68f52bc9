/** The export thread (export-thread.ts): reads and renders each export it is sent, in turn. */
import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ExportItem } from '../../shared/follow-through.ts';
import { storedDocuments } from '../store/documents-repository.ts';
import { snapshotStates } from '../store/snapshots-repository.ts';
import type { RenderJob, RenderReply, SentSource, ThreadData } from './export-thread.ts';
import {
  completeExport,
  type ExportSource,
  type ItemsReader,
  snapshotItems,
  storedItems,
} from './exports/export-source.ts';
import { renderExport } from './exports/index.ts';

const port = parentPort;
if (!port) throw new Error('export-worker.ts runs as a worker thread (export-thread.ts)');
const { databaseFile } = workerData as ThreadData;

/** What the database no longer has: deleted since the request found it. */
class Missing extends Error {
  readonly what: 'snapshot' | 'board';

  constructor(what: 'snapshot' | 'board', id: string) {
    super(`${what} ${id} is not in the database`);
    this.what = what;
  }
}

function openDatabase() {
  const connection = new Database(databaseFile, { readonly: true, fileMustExist: true });
  return { snapshotState: snapshotStates(connection), boards: storedDocuments(connection) };
}

/** Opened at the first read: read-only, beside the server's own connection (WAL). */
let database: ReturnType<typeof openDatabase> | undefined;
const db = () => {
  database ??= openDatabase();
  return database;
};

/**
 * The items read last, newest last: those of a snapshot, which never changes, and of a board
 * nobody has open, as of its stored version. A version is previewed by many at once or again
 * and again, and an organiser downloads a closed board's files one after another: reading one
 * (90–200 ms at 5,000 items) once will do.
 */
const recent = new Map<string, { version: string; items: ExportItem[] }>();
const RECENT = 4;

function remembered(key: string, version: string, read: () => ExportItem[]): ExportItem[] {
  let known = recent.get(key);
  if (known?.version !== version) known = { version, items: read() };
  recent.delete(key);
  recent.set(key, known);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return known.items;
}

const read: ItemsReader = {
  snapshot: (boardId, snapshotId) =>
    remembered(snapshotId, '', () => {
      const state = db().snapshotState(boardId, snapshotId);
      if (!state) throw new Missing('snapshot', snapshotId);
      return snapshotItems(state);
    }),
  // Its version first: what is read after it is at least as new (see storedDocuments).
  board: (boardId) =>
    remembered(boardId, db().boards.version(boardId), () => {
      const stored = db().boards.load(boardId);
      // Every board has a state from the moment it is made (its template): none, deleted.
      if (!stored.state && stored.updates.length === 0) throw new Missing('board', boardId);
      return storedItems(stored);
    }),
};

function received(source: SentSource): ExportSource {
  if (!('serializedItems' in source)) return source;
  const { serializedItems, ...rest } = source;
  return { ...rest, items: deserialize(serializedItems) as ExportItem[] };
}

const utf8 = new TextEncoder();

port.on('message', ({ id, source, format, options }: RenderJob) => {
  const started = performance.now();
  try {
    const rendered = renderExport(completeExport(received(source), read), format, options);
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
    const missing = error instanceof Missing ? { missing: error.what } : {};
    port.postMessage({ id, ms, error: reason, ...missing } satisfies RenderReply);
  }
});
