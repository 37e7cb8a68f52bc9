/**
 * What the web board benchmarks share: a real server in a temporary data directory, a board of
 * notes written by a Node Yjs client, members joined through the API, and a browser page opened
 * on the board the way the join page leaves it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { SocketIoProvider } from '../client/src/sync/socketio-provider.ts';
import { buildClient } from '../scripts/build-client.ts';
import { loadConfig } from '../server/config/config.ts';
import { startServer } from '../server/start-server.ts';
import type { CreateBoardResponse, JoinBoardResponse } from '../shared/api.ts';
import { addItem, itemsOf, NOTE_COLORS } from '../shared/board-document.ts';
import { launchChromium } from '../test/helpers/chromium.ts';

/** The board's notes and the repetitions of each case, for every web board benchmark. */
export const NOTES = Number(process.env.BENCH_NOTES) || 2000;
export const REPS = Number(process.env.BENCH_REPS) || 3;

export async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function waitUntil(predicate: () => boolean, what: string, timeoutMs = 60_000) {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function connect(origin: string, boardId: string, token: string) {
  const doc = new Y.Doc();
  const provider = new SocketIoProvider(origin, boardId, doc, { token });
  const synced = new Promise<void>((resolve) => provider.on('synced', (s) => s && resolve()));
  return { doc, provider, synced };
}

/** `count` notes in a 50-column grid, like a big brainstorm, in batches of 100; their ids. */
export function populate(doc: Y.Doc, count: number): string[] {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 100) {
    doc.transact(() => {
      for (let i = start; i < Math.min(count, start + 100); i++) {
        ids.push(
          addItem(doc, {
            type: 'note',
            x: (i % 50) * 230,
            y: Math.floor(i / 50) * 230,
            color: NOTE_COLORS[i % NOTE_COLORS.length],
            text: `Idea ${i}: asiakas odottaa, että palvelu toimii myös illalla`,
          }),
        );
      }
    });
  }
  return ids;
}

/**
 * In-page script (a string: tsx would wrap a named function in a helper the page lacks): true
 * once some notes are on screen and each of them carries its vote dots. Notes off screen draw
 * theirs only as the view comes near them (client/src/canvas/model/nearby.ts).
 */
export const NOTES_ON_SCREEN_VOTABLE = `(() => {
  const screen = document.querySelector('.im-surface')?.getBoundingClientRect();
  if (!screen) return false;
  // Since 6 December an item's dots are drawn in its overlay's box, in a layer above the items
  // (data-overlay-of); before, inside the item: either counts, so builds before it compare.
  const lifted = new Set();
  for (const dots of document.querySelectorAll('[data-overlay-of] [data-vote-dots]')) {
    lifted.add(dots.closest('[data-overlay-of]').getAttribute('data-overlay-of'));
  }
  let onScreen = 0;
  for (const note of document.querySelectorAll('.im-world [data-item-type="note"]')) {
    const box = note.getBoundingClientRect();
    const seen = box.right > screen.left && box.left < screen.right &&
      box.bottom > screen.top && box.top < screen.bottom;
    if (!seen) continue;
    const votable = note.querySelector('[data-vote-dots]') || lifted.has(note.dataset.itemId);
    if (!votable) return false;
    onScreen++;
  }
  return onScreen > 0;
})()`;

/**
 * In-page scripts (strings, as above): RECORD_FRAMES notes the time of every animation frame and
 * the duration of every long animation frame until STOP_FRAMES, which returns the intervals
 * between the frames and the long frames' durations.
 */
export const RECORD_FRAMES = `(() => {
  window.__frames = [];
  window.__long = [];
  window.__stop = false;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__long.push(entry.duration);
  }).observe({ type: 'long-animation-frame' });
  const tick = (t) => {
    window.__frames.push(t);
    if (!window.__stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
export const STOP_FRAMES = `(() => {
  window.__stop = true;
  const gaps = window.__frames.slice(1).map((t, i) => t - window.__frames[i]);
  return { gaps, long: window.__long };
})()`;
export interface RecordedFrames {
  /** ms between consecutive animation frames. */
  gaps: number[];
  /** ms, each long animation frame's duration. */
  long: number[];
}

export interface BoardBench {
  url: string;
  boardId: string;
  keys: CreateBoardResponse['keys'];
  /** The notes' ids, in grid order (left to right, then down). */
  noteIds: string[];
  browser: Browser;
  join(key: string, name: string): Promise<JoinBoardResponse>;
  boardUrl: string;
  /** A page in a new browser profile that opens the board as `member` (not opened yet). */
  memberPage(member: JoinBoardResponse): Promise<{ page: Page; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** Builds the client, starts a server and a browser, and fills one board with `notes` notes. */
export async function startBoardBench(title: string, notes: number): Promise<BoardBench> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-board-bench-'));
  await buildClient({ quiet: true });
  const server = await startServer(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir }),
  );
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const created = await post<CreateBoardResponse>(`${server.url}/api/boards`, { title });
    const boardId = created.board.id;
    const join = (key: string, name: string) =>
      post<JoinBoardResponse>(`${server.url}/api/boards/${boardId}/join`, { key, name });
    const writerJoin = await join(created.keys.facilitator, 'Writer');
    const writer = connect(server.url, boardId, writerJoin.token);
    await writer.synced;
    const noteIds = populate(writer.doc, notes);
    const check = connect(server.url, boardId, writerJoin.token);
    await check.synced;
    await waitUntil(() => itemsOf(check.doc).size >= notes, 'notes on the server');
    check.provider.destroy();
    writer.provider.destroy();
    const memberPage = async (member: JoinBoardResponse) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // The membership the join page stores (client/src/app/membership.ts), so the board opens.
      await context.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
        key: `ideamill.board.${boardId}`,
        value: JSON.stringify({ token: member.token, member: member.member }),
      });
      return { page: await context.newPage(), close: () => context.close() };
    };
    return {
      url: server.url,
      boardId,
      keys: created.keys,
      noteIds,
      browser,
      join,
      boardUrl: `${server.url}/b/${boardId}`,
      memberPage,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface Span {
  start: number;
  ms: number;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { name?: string };
}

/**
 * The renderer main thread's work in a devtools trace, in ms on the trace's clock: its tasks
 * (`RunTask`: script, style, layout, paint, everything) and, of that, the script it ran
 * (`FunctionCall`: event handlers and React, microtasks included).
 */
export function mainThreadWork(trace: Buffer): Record<'tasks' | 'script', Span[]> {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )?.tid;
  const spans = (name: RegExp) =>
    events
      .filter((e) => e.tid === main && e.ph === 'X' && e.dur && name.test(e.name))
      .map((e) => ({ start: e.ts / 1000, ms: (e.dur ?? 0) / 1000 }));
  return { tasks: spans(/RunTask$/), script: spans(/^FunctionCall$/) };
}

/** The user-timing marks of a trace, by name, on the trace's clock (ms). */
export function traceMarks(trace: Buffer): Map<string, number> {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = new Map<string, number>();
  for (const e of events) {
    if (e.cat.includes('user_timing')) marks.set(e.name, e.ts / 1000);
  }
  return marks;
}

/** Writes a benchmark's figures to bench/results/<name>-<time>.json, with the machine. */
/** Writes `figures` to `out`, or to bench/results/<name>-<timestamp>.json. */
export function writeResults(name: string, figures: Record<string, unknown>, out?: string): void {
  out ??= path.join(
    'bench/results',
    `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const machine = { cpus: os.cpus().length, node: process.version };
  fs.writeFileSync(out, `${JSON.stringify({ ...figures, machine }, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}
