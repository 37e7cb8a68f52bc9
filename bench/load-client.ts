/**
 * A load-client worker: a child process holding many client connections, driven by the
 * orchestrator over IPC (protocol.ts). Start: `node --import tsx bench/load-client.ts`.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import * as Y from 'yjs';
import { addItem, itemsOf } from '../shared/board-document.ts';
import { type BenchClient, openClient } from './clients/index.ts';
import { openWriter, type Writer } from './clients/writer.ts';
import { now } from './clock.ts';
import { populateHistory } from './history.ts';
import {
  createNote,
  MOVED_AT,
  moveMessageBytes,
  moveNote,
  othersClock,
  STRUCTS_PER_MOVE,
} from './note.ts';
import type { ClientSpec } from './peers/types.ts';
import {
  type Method,
  type Params,
  RELAY_KIND_CURSOR,
  RELAY_KIND_NOTE,
  type Request,
  type Result,
  relayMessage,
} from './protocol.ts';

interface Entry {
  spec: ClientSpec;
  client: BenchClient;
}

const entries: Entry[] = [];
/** Send-only writers (throughput), apart from the clients that receive. */
const writers: Writer[] = [];
/**
 * Clients whose events count. A destroyed client's socket can still hand over messages it had
 * already read (a backlog of seconds when a server fell behind); they belong to the previous
 * measurement and must not be counted in the next one.
 */
const live = new WeakSet<BenchClient>();
const recorder = {
  on: false,
  samplers: 0,
  doc: [] as number[],
  cursor: [] as number[],
  /** Moves received by relay clients (the floor), one per message. */
  applied: 0,
  /** Each Yjs client's othersClock() when recording started. */
  baseline: new Map<BenchClient, number>(),
};

/** Note moves this worker's clients have received since record(). */
function movesApplied(): number {
  let structs = 0;
  for (const [client, base] of recorder.baseline) {
    if (live.has(client) && client.type === 'yjs') structs += othersClock(client.doc) - base;
  }
  return recorder.applied + Math.floor(structs / STRUCTS_PER_MOVE);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Records note and cursor latencies at one client while the recorder is on. */
function listen(client: BenchClient, index: number): void {
  live.add(client);
  if (client.type === 'relay') {
    client.onMessage = (data) => {
      if (!recorder.on || !live.has(client) || data.length < 9) return;
      const latency = now() - Buffer.from(data.buffer, data.byteOffset, 8).readDoubleLE(0);
      if (data[8] === RELAY_KIND_NOTE) {
        recorder.doc.push(latency);
        recorder.applied++;
      } else if (data[8] === RELAY_KIND_CURSOR && index < recorder.samplers) {
        recorder.cursor.push(latency);
      }
    };
    return;
  }
  itemsOf(client.doc).observeDeep((events) => {
    if (!recorder.on || !live.has(client)) return;
    const at = now();
    for (const event of events) {
      if (!(event instanceof Y.YMapEvent) || !event.keysChanged.has(MOVED_AT)) continue;
      const sentAt = (event.target as Y.Map<unknown>).get(MOVED_AT);
      if (typeof sentAt !== 'number') continue;
      recorder.doc.push(at - sentAt);
    }
  });
  const { awareness } = client;
  awareness.on('change', (change: { added: number[]; updated: number[] }) => {
    if (!recorder.on || !live.has(client) || index >= recorder.samplers) return;
    const at = now();
    const states = awareness.getStates();
    for (const id of change.added.concat(change.updated)) {
      if (id === awareness.clientID) continue;
      const sentAt = (states.get(id) as { t?: unknown } | undefined)?.t;
      if (typeof sentAt === 'number') recorder.cursor.push(at - sentAt);
    }
  });
}

function open(spec: ClientSpec, index: number): BenchClient {
  const client = openClient(spec);
  listen(client, index);
  return client;
}

function destroy(client: BenchClient): void {
  live.delete(client);
  client.destroy();
}

/** Runs tick(i) rateHz times a second for durationMs, on schedule; returns the count. */
async function paced(rateHz: number, durationMs: number, tick: (i: number) => void) {
  const interval = 1000 / rateHz;
  const start = performance.now();
  let i = 0;
  for (; i * interval < durationMs; i++) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    tick(i);
  }
  return i;
}

function firstClient(): BenchClient {
  const entry = entries[0];
  if (!entry) throw new Error('this worker has no client');
  return entry.client;
}

const handlers: { [M in Method]: (params: Params<M>) => Promise<Result<M>> } = {
  async connect({ specs, concurrency, timeoutMs }) {
    const started = now();
    const base = entries.length;
    let next = 0;
    const lane = async () => {
      while (next < specs.length) {
        const i = next++;
        const spec = specs[i]!;
        const client = open(spec, base + i);
        entries[base + i] = { spec, client };
        await withTimeout(client.synced, timeoutMs, `client ${base + i} sync`);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
    return { connected: specs.length, ms: now() - started };
  },

  async settle({ quietMs, timeoutMs }) {
    const started = now();
    (globalThis as { gc?: () => void }).gc?.();
    const tick = 10;
    let quietSince = now();
    while (now() - quietSince < quietMs && now() - started < timeoutMs) {
      const before = now();
      await sleep(tick);
      // Late by more than a few ms: the loop is still busy with something.
      if (now() - before > tick + 5) quietSince = now();
    }
    return { waitedMs: now() - started };
  },

  async record({ samplers }) {
    recorder.doc = [];
    recorder.cursor = [];
    recorder.applied = 0;
    recorder.baseline = new Map();
    for (const { client } of entries) {
      if (client.type === 'yjs') recorder.baseline.set(client, othersClock(client.doc));
    }
    recorder.samplers = samplers;
    recorder.on = true;
    return { startedAt: now() };
  },

  async progress() {
    return { applied: movesApplied() };
  },

  async collect() {
    recorder.on = false;
    const { doc, cursor } = recorder;
    const applied = movesApplied();
    recorder.doc = [];
    recorder.cursor = [];
    return { doc, cursor, applied, stoppedAt: now() };
  },

  async prepareNote({ noteId }) {
    const client = firstClient();
    if (client.type === 'yjs') createNote(client.doc, noteId);
    return { ok: true };
  },

  async move({ noteId, rateHz, durationMs }) {
    const client = firstClient();
    const messageBytes = moveMessageBytes();
    const sent = await paced(rateHz, durationMs, (i) => {
      if (client.type === 'yjs') moveNote(client.doc, noteId, i);
      else client.send(relayMessage(RELAY_KIND_NOTE, messageBytes));
    });
    return { sent, messageBytes };
  },

  async cursors({ rateHz, durationMs }) {
    const counts = await Promise.all(
      entries.map(async ({ client }, index) => {
        await sleep(Math.random() * (1000 / rateHz));
        return paced(rateHz, durationMs, (i) => {
          const cursor = { x: (index * 37 + i) % 1600, y: (index * 11 + i) % 900 };
          if (client.type === 'yjs') {
            client.awareness.setLocalState({ name: `bench ${index}`, cursor, t: now() });
          } else {
            client.send(relayMessage(RELAY_KIND_CURSOR, 60));
          }
        });
      }),
    );
    return { sent: counts.reduce((a, b) => a + b, 0) };
  },

  async connectWriters({ specs, timeoutMs }) {
    const started = now();
    const base = writers.length;
    const opened = specs.map((spec, i) => openWriter(spec, `flood-${process.pid}-${base + i}`));
    writers.push(...opened);
    await Promise.all(opened.map((w, i) => withTimeout(w.ready, timeoutMs, `writer ${i}`)));
    return { connected: opened.length, ms: now() - started };
  },

  async flood({ durationMs, maxBacklog, ratePerSec }) {
    const perWriter = ratePerSec === undefined ? Infinity : ratePerSec / writers.length;
    const counts = await Promise.all(
      writers.map(async (writer) => {
        const start = performance.now();
        const end = start + durationMs;
        let sent = 0;
        for (let at = start; at < end; at = performance.now()) {
          // Flat out, or as many as are due by now at the offered rate.
          const due = Math.min(sent + 50, Math.floor(((at - start) / 1000) * perWriter));
          let burst = 0;
          while (sent < due && writer.backlog() < maxBacklog) {
            writer.move(sent);
            sent++;
            burst++;
          }
          if (burst === 0) await sleep(1);
          else await yieldToLoop();
        }
        return sent;
      }),
    );
    return { sent: counts.reduce((a, b) => a + b, 0) };
  },

  async populate({ notes, updates, marker }) {
    const client = firstClient();
    if (client.type !== 'yjs') throw new Error('populate needs a Yjs client');
    const sent = await populateHistory(client, notes, updates);
    client.doc.getMap('bench').set('populated', marker);
    return { sent: sent + 1 };
  },

  async load({ spec, timeoutMs }) {
    const started = now();
    const client = openClient(spec);
    try {
      await withTimeout(client.synced, timeoutMs, 'cold load');
      const synced = now();
      const items = client.type === 'yjs' ? itemsOf(client.doc).size : 0;
      const marker = client.type === 'yjs' ? client.doc.getMap('bench').get('populated') : null;
      return {
        firstByteMs: (client.firstMessageAt ?? synced) - started,
        syncMs: synced - started,
        items,
        marker: typeof marker === 'string' ? marker : null,
      };
    } finally {
      client.destroy();
    }
  },

  async seed({ notes }) {
    let seeded = 0;
    for (const [index, { client }] of entries.entries()) {
      if (client.type !== 'yjs') continue;
      client.doc.transact(() => {
        for (let i = 0; i < notes; i++) {
          const id = `seed-${process.pid}-${index}-${i}`;
          addItem(
            client.doc,
            { type: 'note', x: (i % 20) * 220, y: i * 10, text: `idea ${i}` },
            id,
          );
        }
      });
      seeded++;
    }
    return { seeded };
  },

  async waitItems({ items, timeoutMs }) {
    const started = now();
    const ready = () =>
      entries.every(({ client }) => client.type !== 'yjs' || itemsOf(client.doc).size >= items);
    while (!ready()) {
      if (now() - started > timeoutMs) throw new Error(`items did not reach ${items}`);
      await sleep(20);
    }
    return { ms: now() - started };
  },

  async storm({ withinMs, timeoutMs }) {
    const started = now();
    let failed = 0;
    await Promise.all(
      entries.map(async (entry, index) => {
        await sleep(Math.random() * withinMs);
        destroy(entry.client);
        entry.client = open(entry.spec, index);
        try {
          await withTimeout(entry.client.synced, timeoutMs, 'reconnect');
        } catch {
          failed++;
        }
      }),
    );
    return { allSyncedMs: now() - started, failed };
  },

  async close() {
    const closed = entries.length + writers.length;
    for (const { client } of entries.splice(0)) destroy(client);
    for (const writer of writers.splice(0)) writer.destroy();
    return { closed };
  },
};

process.on('message', (message: Request) => {
  const handler = handlers[message.method] as (params: unknown) => Promise<unknown>;
  handler(message.params).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) =>
      process.send?.({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
// y-websocket adds one process 'exit' listener per provider; hundreds are expected here.
process.setMaxListeners(0);
// The orchestrator went away: nothing left to do.
process.on('disconnect', () => process.exit(0));
// A server killed mid-run makes sockets error; the workload reports it, the worker lives on.
process.on('uncaughtException', (error) => {
  process.stderr.write(`load-client: ${error instanceof Error ? error.message : error}\n`);
});
