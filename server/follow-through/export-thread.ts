/**
 * Renders exports in a worker thread, off the event loop. Building the SVG of a 5,000-item board
 * took about 60 ms, its Markdown or CSV 40–55, and a saved version's preview first read the
 * snapshot into a document (90–200 ms more): meanwhile every board on the server waited. Now the
 * event loop only gathers an open board's items (15–30 ms at 5,000) and hands them over; a
 * snapshot, and a board nobody has open, are read in the thread, from the database on a
 * connection of its own.
 *
 * One thread: exports are rendered one after another in it, and the event loop keeps the other
 * core. It starts at the first export and stops after IDLE_MS without one, giving its memory back.
 */
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { ExportFormat, ExportItem } from '../../shared/follow-through.ts';
import { AppError } from '../errors.ts';
import type {
  ExportSource,
  LiveSource,
  SnapshotSource,
  StoredSource,
} from './exports/export-source.ts';
import type { ExportOptions, RenderedExport } from './exports/index.ts';
import { SnapshotNotFound } from './snapshots-service.ts';

const IDLE_MS = 5 * 60_000;
/**
 * How long the thread may go without finishing an export while some wait for it before it is
 * stopped and started anew: a format once took 81 s for one note of 100,000 characters (QA), and
 * one such file would otherwise hold every member's exports behind it.
 */
const STALL_MS = 30_000;

/** Plain JavaScript: it registers tsx's TypeScript loader, which a worker does not inherit. */
const BOOT = new URL('./export-worker-boot.mjs', import.meta.url);

/**
 * A source as the thread is sent it: a live board's items serialized once per list into shared
 * memory (many members exporting the same board at once each had the same 5,000 items copied, 4–5
 * ms of the event loop apiece); a snapshot as it is, which the thread reads itself.
 */
export type SentSource =
  | SnapshotSource
  | StoredSource
  | (Omit<LiveSource, 'items'> & { serializedItems: Uint8Array });

/** A rendered export as the thread hands it back: the file's UTF-8 bytes, moved, not copied. */
export type RenderedFile = Omit<RenderedExport, 'body'> & { body: Uint8Array };

export interface RenderJob {
  id: number;
  source: SentSource;
  format: ExportFormat;
  options: ExportOptions;
}

export type RenderReply = { id: number; ms: number } & (
  | { rendered: RenderedFile }
  /** `missing`: a snapshot or board the request found was deleted before the thread read it. */
  | { error: string; missing?: 'snapshot' | 'board' }
);

/** What the thread is started with: the database, to read snapshots and closed boards from. */
export interface ThreadData {
  databaseFile: string;
}

/**
 * An export the thread did not render. `ms` is how long the thread spent on this one: the time
 * to charge its member (see ExportBudget), and 0 for those that only waited behind another.
 */
export class RenderFailed extends Error {
  readonly ms: number;

  constructor(message: string, ms = 0) {
    super(message);
    this.ms = ms;
  }
}

interface Pending {
  resolve(done: { rendered: RenderedFile; ms: number }): void;
  reject(error: Error): void;
}

export class ExportThread {
  readonly #logger: Logger;
  #worker: Worker | undefined;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #idle: NodeJS.Timeout | undefined;
  #stall: NodeJS.Timeout | undefined;
  readonly #stallMs: number;
  readonly #serialized = new WeakMap<ExportItem[], Uint8Array>();

  readonly #data: ThreadData;

  /** `databaseFile`: the server's SQLite file, which the thread reads snapshots from. */
  constructor(
    logger: Logger,
    databaseFile: string,
    { stallMs = STALL_MS }: { stallMs?: number } = {},
  ) {
    this.#logger = logger;
    this.#data = { databaseFile };
    this.#stallMs = stallMs;
  }

  /** Renders in the thread; `ms` is how long the thread took (reading a snapshot included). */
  render(
    source: ExportSource,
    format: ExportFormat,
    options: ExportOptions,
  ): Promise<{ rendered: RenderedFile; ms: number }> {
    const sent = this.#sendable(source);
    const worker = this.#start();
    clearTimeout(this.#idle);
    const id = ++this.#nextId;
    if (this.#pending.size === 0) this.#watch(worker);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, source: sent, format, options } satisfies RenderJob);
    });
  }

  #sendable(source: ExportSource): SentSource {
    if (!('items' in source)) return source;
    const { items, ...rest } = source;
    let serializedItems = this.#serialized.get(items);
    if (!serializedItems) {
      // Shared memory: posting a copy of 1 MB took 2.5–4 ms of the event loop each time on this
      // machine (fresh pages), sharing it 0.01 ms. Neither side writes to it again.
      const bytes = serialize(items);
      serializedItems = new Uint8Array(new SharedArrayBuffer(bytes.length));
      serializedItems.set(bytes);
      this.#serialized.set(items, serializedItems);
    }
    return { ...rest, serializedItems };
  }

  /** Stops the thread if it finishes nothing for stallMs (see STALL_MS). */
  #watch(worker: Worker): void {
    clearTimeout(this.#stall);
    this.#stall = setTimeout(() => {
      if (this.#worker !== worker) return;
      const seconds = this.#stallMs / 1000;
      this.#lost(
        worker,
        new Error(`it rendered nothing for ${seconds} s and was stopped`),
        this.#stallMs,
      );
      void worker.terminate();
    }, this.#stallMs).unref();
  }

  /** Stops the thread; exports still waiting for it fail. */
  async close(): Promise<void> {
    clearTimeout(this.#idle);
    clearTimeout(this.#stall);
    const worker = this.#worker;
    if (!worker) return;
    this.#worker = undefined;
    this.#failPending('the server is shutting down');
    await worker.terminate();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(BOOT, { workerData: this.#data });
    // The HTTP server keeps the process alive while anyone waits for an export.
    worker.unref();
    worker.on('message', (reply: RenderReply) => this.#settle(reply));
    worker.on('error', (error) => this.#lost(worker, error));
    worker.on('exit', (code) => this.#lost(worker, new Error(`it exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }

  #settle(reply: RenderReply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if ('rendered' in reply) pending.resolve({ rendered: reply.rendered, ms: reply.ms });
    else pending.reject(failure(reply));
    if (this.#pending.size > 0 && this.#worker) this.#watch(this.#worker);
    else {
      clearTimeout(this.#stall);
      this.#idle = setTimeout(() => void this.close(), IDLE_MS).unref();
    }
  }

  /**
   * The thread failed or ended by itself: what waited for it fails, the next export starts anew.
   * `ms`: how long the export it was rendering (the oldest; they are rendered in turn) took.
   */
  #lost(worker: Worker, error: Error, ms = 0): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    clearTimeout(this.#stall);
    this.#logger.error({ err: error }, 'the export thread stopped');
    this.#failPending(`the export thread stopped: ${error.message}`, ms);
  }

  #failPending(message: string, oldestMs = 0): void {
    let ms = oldestMs;
    for (const pending of this.#pending.values()) {
      pending.reject(new RenderFailed(message, ms));
      ms = 0;
    }
    this.#pending.clear();
  }
}

/**
 * A snapshot or board the thread found missing: deleted after the request found it (retention
 * thins automatic snapshots while their previews wait their turn, or the thread starts; a
 * facilitator deletes the board while a download waits). 404, as if the request had come a
 * moment later; `ms` is what the thread spent on it.
 */
export class Gone extends AppError {
  readonly ms: number;

  constructor(what: 'snapshot' | 'board', ms: number) {
    const { code, message } =
      what === 'snapshot'
        ? new SnapshotNotFound()
        : new AppError('board_not_found', 'There is no board with that id.');
    super(code, message);
    this.ms = ms;
  }
}

/**
 * What an export the thread did not render cost the thread, for the member's budget (not the
 * wait behind other exports, nor the thread's start); undefined for an error that came from
 * elsewhere.
 */
export function threadMs(error: unknown): number | undefined {
  return error instanceof RenderFailed || error instanceof Gone ? error.ms : undefined;
}

/** Why the thread rendered nothing. */
function failure(reply: { error: string; missing?: 'snapshot' | 'board'; ms: number }): Error {
  if (reply.missing) return new Gone(reply.missing, reply.ms);
  return new RenderFailed(`the export could not be rendered: ${reply.error}`, reply.ms);
}
