/**
 * `npm run bench:slow-line [-- --quick] [--out=FILE]`: how long a member waits for a large
 * board's first sync over Socket.io, compressed (server/realtime/deflated.ts) and not, on
 * loopback and behind lines of 1 MB/s and 200 KB/s (test/helpers/throttle-proxy.ts: a weak
 * venue Wi-Fi, a poor mobile line). The board: 2,000 notes of words drawn from a workshop's
 * vocabulary, each moved five times (10,000 moves of history). Each case alternates the two
 * modes, REPS times; medians reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { SocketIoProvider } from '../client/src/sync/socketio-provider.ts';
import { loadConfig } from '../server/config/config.ts';
import { startServer } from '../server/start-server.ts';
import type { CreateBoardResponse, JoinBoardResponse } from '../shared/api.ts';
import { addItem, itemsOf } from '../shared/board-document.ts';
import { throttleProxy } from '../test/helpers/throttle-proxy.ts';
import { post, waitUntil, writeResults } from './board-fixture.ts';
import { median } from './stats.ts';

const quick = process.argv.includes('--quick');
const outArg = process.argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length);
const NOTES = quick ? 200 : 2_000;
const MOVES_EACH = 5;
const REPS = quick ? 1 : 3;
/** Bytes a second; null: loopback, no proxy. */
const LINES: (number | null)[] = quick ? [null] : [null, 1_000_000, 200_000];

const VOCABULARY = (
  'customer journey onboarding pain point delight touchpoint blueprint backstage frontstage ' +
  'idea concept owner waiting queue counter phone call email reminder booking cancel refund ' +
  'staff training shift handover form paper signature identity proof address change family ' +
  'child school lunch allergy menu price ticket bus late delay weather route app login ' +
  'password reset support chat bot human empathy trust clear simple fast slow broken fix ' +
  'evening weekend holiday summer winter rain snow map sign door ramp lift stairs light ' +
  'noise quiet seat table coffee water toilet parking bike walk drive elderly student tourist'
).split(' ');

/** Words for note `i`, drawn the same way every run (a linear congruential sequence). */
function noteText(i: number): string {
  let seed = (i * 2_654_435_761) >>> 0;
  const words: string[] = [];
  const count = 3 + (seed % 10);
  for (let k = 0; k < count; k++) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    words.push(VOCABULARY[(seed >>> 8) % VOCABULARY.length]!);
  }
  return `${words.join(' ')} (${i})`;
}

interface Sample {
  line: string;
  compressed: boolean;
  ms: number;
  /** What the sync messages weighed as they crossed the line. */
  bytes: number;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-slow-line-'));
  const server = await startServer(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir }),
  );
  try {
    const created = await post<CreateBoardResponse>(`${server.url}/api/boards`, {
      title: 'Slow line',
    });
    const boardId = created.board.id;
    const join = (name: string) =>
      post<JoinBoardResponse>(`${server.url}/api/boards/${boardId}/join`, {
        key: created.keys.facilitator,
        name,
      });
    const writerDoc = new Y.Doc();
    const writer = new SocketIoProvider(server.url, boardId, writerDoc, {
      token: (await join('Writer')).token,
    });
    await waitUntil(() => writer.synced, 'the writer synced');
    const ids: string[] = [];
    for (let start = 0; start < NOTES; start += 100) {
      writerDoc.transact(() => {
        for (let i = start; i < Math.min(NOTES, start + 100); i++) {
          ids.push(
            addItem(writerDoc, { type: 'note', x: (i % 50) * 230, y: 0, text: noteText(i) }),
          );
        }
      });
      await waitUntil(() => !writer.unacknowledged, 'notes stored');
    }
    for (let round = 1; round <= MOVES_EACH; round++) {
      for (let start = 0; start < ids.length; start += 100) {
        writerDoc.transact(() => {
          for (const id of ids.slice(start, start + 100)) {
            const note = itemsOf(writerDoc).get(id) as Y.Map<unknown>;
            note.set('y', round * 10);
          }
        });
        await waitUntil(() => !writer.unacknowledged, 'moves stored');
      }
    }
    const stateBytes = Y.encodeStateAsUpdate(writerDoc).length;
    writer.destroy();
    const { token } = await join('Reader');
    console.log(`Board: ${NOTES} notes, ${NOTES * MOVES_EACH} moves; state ${stateBytes} bytes`);

    const samples: Sample[] = [];
    for (const line of LINES) {
      const label = line === null ? 'loopback' : `${line / 1000} KB/s`;
      for (let rep = 0; rep < REPS; rep++) {
        for (const compressed of rep % 2 === 0 ? [true, false] : [false, true]) {
          const proxy = line === null ? null : await throttleProxy(server.url, line);
          const doc = new Y.Doc();
          const started = performance.now();
          const reader = new SocketIoProvider(proxy?.url ?? server.url, boardId, doc, {
            token,
            compressed,
            socket: { transports: ['websocket'], reconnection: false },
          });
          let bytes = 0;
          reader.socket.on('yjs', (message: Uint8Array) => {
            bytes += message.byteLength;
          });
          await waitUntil(() => reader.synced, 'the reader synced', 120_000);
          const ms = performance.now() - started;
          if (itemsOf(doc).size !== NOTES) throw new Error(`synced ${itemsOf(doc).size} notes`);
          samples.push({ line: label, compressed, ms, bytes });
          reader.destroy();
          doc.destroy();
          await proxy?.close();
          console.log(
            `${label} ${compressed ? 'compressed  ' : 'uncompressed'} ${ms.toFixed(0)} ms, ${bytes} bytes`,
          );
        }
      }
    }

    console.log(
      '\n| line | uncompressed ms | compressed ms | ratio | bytes uncompressed / compressed |',
    );
    console.log('| --- | ---: | ---: | ---: | --- |');
    const rows = LINES.map((line) => (line === null ? 'loopback' : `${line / 1000} KB/s`)).map(
      (label) => {
        const of = (compressed: boolean) =>
          samples.filter((s) => s.line === label && s.compressed === compressed);
        const plain = median(of(false).map((s) => s.ms));
        const deflated = median(of(true).map((s) => s.ms));
        const bytes = (compressed: boolean) => median(of(compressed).map((s) => s.bytes));
        console.log(
          `| ${label} | ${plain.toFixed(0)} | ${deflated.toFixed(0)} | ${(deflated / plain).toFixed(2)} | ${bytes(false)} / ${bytes(true)} |`,
        );
        return { line: label, uncompressedMs: plain, compressedMs: deflated };
      },
    );
    writeResults('slow-line', { notes: NOTES, stateBytes, rows, samples }, outArg);
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
