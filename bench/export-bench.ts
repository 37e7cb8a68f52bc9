/**
 * `npm run bench:exports [-- --quick] [--ideamill-dir=PATH]`: a 5,000-item board (quick: 500)
 * exported in every format over HTTP, as it is and gzip'd (on loopback, and the SVG and JSON
 * over a line of 1 MB/s: test/helpers/throttle-proxy.ts), and snapshot / restore of it.
 * Ideamill only: no peer has these features. PATH runs another checkout's server, for a before
 * and after.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as Y from 'yjs';
import { SocketIoProvider } from '../client/src/sync/socketio-provider.ts';
import { addItem, CONCEPT_FIELDS, itemsOf } from '../shared/board-document.ts';
import { EXPORT_FORMATS } from '../shared/follow-through.ts';
import { throttleProxy } from '../test/helpers/throttle-proxy.ts';
import { wireGet } from '../test/helpers/wire-get.ts';
import { ROOT } from './child.ts';
import { startIdeamill } from './peers/ideamill.ts';
import { median } from './stats.ts';

const quick = process.argv.includes('--quick');
const ITEMS = Number(process.env.BENCH_ITEMS) || (quick ? 500 : 5000);
const REPS = quick ? 2 : 6;

function connect(origin: string, boardId: string, token: string) {
  const doc = new Y.Doc();
  const provider = new SocketIoProvider(origin, boardId, doc, { token });
  const synced = new Promise<void>((resolve) => provider.on('synced', (s) => s && resolve()));
  return { doc, provider, synced };
}

async function waitUntil(predicate: () => boolean, what: string, timeoutMs = 120_000) {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** 2 % frames, 4 % concepts, 1 % strokes, 1 % connectors, the rest notes with real-ish text. */
function populate(doc: Y.Doc, count: number): string[] {
  const ids: string[] = [];
  const frames: string[] = [];
  for (let start = 0; start < count; start += 100) {
    doc.transact(() => {
      for (let i = start; i < Math.min(count, start + 100); i++) {
        const x = (i % 70) * 230;
        const y = Math.floor(i / 70) * 230;
        let id: string;
        if (i % 50 === 0) {
          id = addItem(doc, { type: 'frame', x, y, w: 2000, h: 1500, title: `Teema ${i / 50}` });
          frames.push(id);
        } else if (i % 25 === 1) {
          const fields = Object.fromEntries(
            CONCEPT_FIELDS.map((f) => [f, `${f} for concept ${i}`]),
          );
          id = addItem(doc, { type: 'concept', x, y, title: `Konsepti ${i}`, fields });
        } else if (i % 100 === 7) {
          id = addItem(doc, {
            type: 'stroke',
            x,
            y,
            points: [x, y, x + 40, y + 10, x + 80, y + 40],
          });
        } else if (i % 100 === 9 && ids.length > 2) {
          id = addItem(doc, {
            type: 'connector',
            x,
            y,
            from: ids[ids.length - 1]!,
            to: ids[ids.length - 2]!,
          });
        } else {
          id = addItem(doc, {
            type: 'note',
            x,
            y,
            parent: frames.at(-1),
            text: `Idea ${i}: asiakas odottaa, että palvelu, "toimii" — step ${i % 7}`,
          });
        }
        ids.push(id);
      }
    });
  }
  return ids;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

type Encoding = 'identity' | 'gzip';
const ENCODINGS: Encoding[] = ['identity', 'gzip'];
const LINE_BYTES_PER_SEC = 1_000_000;
const LINE_REPS = quick ? 1 : 3;

interface Row {
  what: string;
  medianMs: number;
  maxMs: number;
  /** The file's size. */
  bytes?: number;
  /** What crossed the wire for it. */
  sent?: number;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(0);
const summary = (times: number[]) => ({ medianMs: median(times), maxMs: Math.max(...times) });

/** One export, read whole (and inflated, as a browser does, when it came gzip'd). */
async function download(
  { origin, boardId, token }: { origin: string; boardId: string; token: string },
  format: string,
  encoding: Encoding,
) {
  const {
    status,
    headers,
    bytes: body,
  } = await wireGet(`${origin}/api/boards/${boardId}/export?format=${format}`, {
    authorization: `Bearer ${token}`,
    'accept-encoding': encoding,
  });
  if (status !== 200) throw new Error(`export ${format}: ${status} ${body.toString()}`);
  const file = headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body) : body;
  return { bytes: file.length, sent: body.length };
}

// The exports measured here, not the limit on a member's exports (bench:export-stall does).
const dirArg = process.argv.find((arg) => arg.startsWith('--ideamill-dir='));
const peer = await startIdeamill({
  ideamillDir: dirArg ? path.resolve(dirArg.slice('--ideamill-dir='.length)) : undefined,
  env: { EXPORT_MS_PER_SEC: '1000', EXPORT_BURST_MS: '600000' },
});
try {
  const boardId = await peer.newRoom();
  const [facilitator, participant] = await peer.credentials(boardId, 2);
  const auth = { authorization: `Bearer ${facilitator}`, 'content-type': 'application/json' };
  const api = (route: string, init: RequestInit = {}) =>
    fetch(`${peer.origin}/api/boards/${boardId}${route}`, { ...init, headers: auth });

  const writer = connect(peer.origin, boardId, facilitator!);
  await writer.synced;
  const ids = populate(writer.doc, ITEMS);
  const reader = connect(peer.origin, boardId, participant!);
  await reader.synced;
  await waitUntil(() => itemsOf(reader.doc).size >= ITEMS, 'board populated');

  // A closed round and 100 follow-ups, so every format has all its parts.
  const round = (await (
    await api('/rounds', { method: 'POST', body: JSON.stringify({ budget: 10 }) })
  ).json()) as {
    round: { id: string };
  };
  const notes = ids.filter((id) => itemsOf(writer.doc).get(id)?.get('type') === 'note');
  for (let i = 0; i < 10; i++) {
    await api(`/rounds/${round.round.id}/votes`, {
      method: 'POST',
      body: JSON.stringify({ itemId: notes[i] }),
    });
  }
  await api(`/rounds/${round.round.id}/close`, { method: 'POST', body: '{}' });
  for (let i = 0; i < 100; i++) {
    await api('/followups', {
      method: 'POST',
      body: JSON.stringify({ itemId: notes[i], owner: { name: `Owner ${i}` }, due: '2027-01-15' }),
    });
  }

  const rows: Row[] = [];
  const exportRows = async (format: string, origin: string, reps: number, suffix = '') => {
    const times: Record<Encoding, number[]> = { identity: [], gzip: [] };
    const sizes = { identity: { bytes: 0, sent: 0 }, gzip: { bytes: 0, sent: 0 } };
    // The two encodings alternate, each first in every other repetition.
    for (let rep = 0; rep < reps; rep++) {
      for (const encoding of rep % 2 === 0 ? ENCODINGS : [...ENCODINGS].reverse()) {
        const [ms, reply] = await timed(() =>
          download({ origin, boardId, token: facilitator! }, format, encoding),
        );
        times[encoding].push(ms);
        sizes[encoding] = reply;
      }
    }
    for (const encoding of ENCODINGS) {
      rows.push({
        what: `export ${format}, ${encoding}${suffix}`,
        ...summary(times[encoding]),
        ...sizes[encoding],
      });
    }
  };
  for (const format of EXPORT_FORMATS) await exportRows(format, peer.origin, REPS);
  // The largest two over a line of 1 MB/s (a weak venue Wi-Fi).
  const proxy = await throttleProxy(peer.origin, LINE_BYTES_PER_SEC);
  try {
    for (const format of ['svg', 'json']) {
      await exportRows(format, proxy.url, LINE_REPS, `, ${LINE_BYTES_PER_SEC / 1e6} MB/s`);
    }
  } finally {
    await proxy.close();
  }

  const inSnapshot = Array.from(itemsOf(reader.doc).keys());
  const snapshotTimes: number[] = [];
  const snapshots: string[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const [ms, body] = await timed(async () =>
      (
        await api('/snapshots', { method: 'POST', body: JSON.stringify({ name: `v${rep}` }) })
      ).json(),
    );
    snapshotTimes.push(ms);
    snapshots.push((body as { id: string }).id);
  }
  rows.push({
    what: 'snapshot (save a version)',
    medianMs: median(snapshotTimes),
    maxMs: Math.max(...snapshotTimes),
  });

  // Restore after 10 % of the notes were deleted and as many added: time until the server has
  // answered, and until a connected client shows the restored board.
  const restoreTimes: number[] = [];
  const convergeTimes: number[] = [];
  for (let rep = 0; rep < Math.min(REPS, 3); rep++) {
    const doomed = inSnapshot.filter((_, i) => i % 10 === rep);
    writer.doc.transact(() => {
      for (const id of doomed) itemsOf(writer.doc).delete(id);
    });
    const added = populate(writer.doc, doomed.length);
    // Wait for the edits themselves: the item count alone does not change (as many added as deleted).
    await waitUntil(
      () =>
        doomed.every((id) => !itemsOf(reader.doc).has(id)) &&
        added.every((id) => itemsOf(reader.doc).has(id)),
      'edits synced',
    );
    const started = performance.now();
    const reply = await api(`/snapshots/${snapshots[0]}/restore`, { method: 'POST', body: '{}' });
    if (!reply.ok) throw new Error(`restore: ${reply.status} ${await reply.text()}`);
    restoreTimes.push(performance.now() - started);
    await waitUntil(
      () =>
        doomed.every((id) => itemsOf(reader.doc).has(id)) &&
        added.every((id) => !itemsOf(reader.doc).has(id)),
      'client restored',
    );
    convergeTimes.push(performance.now() - started);
    await waitUntil(() => doomed.every((id) => itemsOf(writer.doc).has(id)), 'writer restored');
  }
  rows.push({
    what: 'restore (server reply)',
    medianMs: median(restoreTimes),
    maxMs: Math.max(...restoreTimes),
  });
  rows.push({
    what: 'restore (client shows it)',
    medianMs: median(convergeTimes),
    maxMs: Math.max(...convergeTimes),
  });
  writer.provider.destroy();
  reader.provider.destroy();

  console.log(`follow-through on a ${ITEMS}-item board (${REPS} reps; medians)`);
  for (const row of rows) {
    const sizes = [
      row.bytes === undefined ? '' : `${kib(row.bytes)} KiB`,
      row.sent === undefined || row.sent === row.bytes ? '' : `${kib(row.sent)} KiB sent`,
    ].filter(Boolean);
    console.log(
      `  ${row.what.padEnd(34)} ${row.medianMs.toFixed(1).padStart(8)} ms  (max ${row.maxMs.toFixed(1)} ms)  ${sizes.join(', ')}`.trimEnd(),
    );
  }
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `exports-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    `${JSON.stringify({ workload: 'exports', items: ITEMS, reps: REPS, rows }, null, 2)}\n`,
  );
} finally {
  await peer.stop();
}
