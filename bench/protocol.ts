/** The IPC contract between the orchestrator and its load-client workers. */
import { now } from './clock.ts';
import type { ClientSpec } from './peers/types.ts';

export interface WorkerApi {
  /** Opens one client per spec (a few at a time) and waits until every one is synced. */
  connect(params: { specs: ClientSpec[]; concurrency: number; timeoutMs: number }): {
    connected: number;
    ms: number;
  };
  /**
   * Waits until the worker is idle: garbage collected, and its event loop on time for
   * `quietMs` in a row (a server that fell behind leaves seconds of backlog behind it).
   */
  settle(params: { quietMs: number; timeoutMs: number }): { waitedMs: number };
  /** Starts recording: note latency at every client, cursor latency at the first `samplers`. */
  record(params: { samplers: number }): { startedAt: number };
  /** How many note moves this worker's clients have applied since record(). */
  progress(params: Record<string, never>): { applied: number };
  /** Stops recording and hands over the samples (milliseconds). */
  collect(params: Record<string, never>): {
    doc: number[];
    cursor: number[];
    applied: number;
    stoppedAt: number;
  };
  /** The worker's first client creates the note a writer will move. */
  prepareNote(params: { noteId: string }): { ok: true };
  /** The worker's first client moves the note at rateHz for durationMs. */
  move(params: { noteId: string; rateHz: number; durationMs: number }): {
    sent: number;
    messageBytes: number;
  };
  /** Every client of the worker moves its cursor (awareness) at rateHz for durationMs. */
  cursors(params: { rateHz: number; durationMs: number }): { sent: number };
  /** Opens one send-only writer per spec (clients/writer.ts), each with a note of its own. */
  connectWriters(params: { specs: ClientSpec[]; timeoutMs: number }): {
    connected: number;
    ms: number;
  };
  /**
   * The worker's writers move their notes, together `ratePerSec` moves a second or (without it)
   * as fast as their sockets drain.
   */
  flood(params: { durationMs: number; maxBacklog: number; ratePerSec?: number }): { sent: number };
  /** The worker's first client builds a board history: notes created, then edits. */
  populate(params: { notes: number; updates: number; marker: string }): { sent: number };
  /** Opens one fresh client, times it to first message and to full sync, then closes it. */
  load(params: { spec: ClientSpec; timeoutMs: number }): {
    firstByteMs: number;
    syncMs: number;
    items: number;
    marker: string | null;
  };
  /** Every Yjs client of the worker adds `notes` notes in one transaction. */
  seed(params: { notes: number }): { seeded: number };
  /** Waits until every Yjs client of the worker holds at least `items` items. */
  waitItems(params: { items: number; timeoutMs: number }): { ms: number };
  /** Every client drops and reconnects at a random moment within withinMs. */
  storm(params: { withinMs: number; timeoutMs: number }): { allSyncedMs: number; failed: number };
  /** Closes every client. */
  close(params: Record<string, never>): { closed: number };
}

export type Method = keyof WorkerApi;
export type Params<M extends Method> = Parameters<WorkerApi[M]>[0];
export type Result<M extends Method> = ReturnType<WorkerApi[M]>;

export interface Request<M extends Method = Method> {
  id: number;
  method: M;
  params: Params<M>;
}

export type Response = { id: number; result: unknown } | { id: number; error: string };

/** The byte layout of floor (relay) messages: timestamp, then a kind byte, then padding. */
export const RELAY_KIND_NOTE = 0;
export const RELAY_KIND_CURSOR = 1;

/** A floor message of `bytes` bytes (at least 9), stamped now. */
export function relayMessage(kind: number, bytes: number): Buffer {
  const message = Buffer.alloc(Math.max(9, bytes));
  message.writeDoubleLE(now(), 0);
  message[8] = kind;
  return message;
}
