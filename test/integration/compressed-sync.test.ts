/**
 * A large board's first sync over Socket.io goes compressed to a client that says it can inflate
 * it (`acceptEncoding: ['deflate-raw']`, server/realtime/deflated.ts), about 5 × smaller; to every
 * other client, and for small messages, it goes as before.
 */
import type { AddressInfo } from 'node:net';
import * as encoding from 'lib0/encoding';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { SocketIoProvider } from '../../client/src/sync/socketio-provider.ts';
import { DEFLATE_FROM_BYTES } from '../../server/realtime/deflated.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let boardId: string;
let tokens: Awaited<ReturnType<TestServer['boardWithMembers']>>['tokens'];
/** The board as it is: 600 notes of workshop words (one more after the first test). */
let written: unknown;
let stateBytes: number;

const WORDS =
  'customer journey onboarding pain point delight touchpoint blueprint backstage frontstage idea concept owner'.split(
    ' ',
  );

beforeAll(async () => {
  server = await startTestServer();
  const made = await server.boardWithMembers();
  boardId = made.board.board.id;
  tokens = made.tokens;
  const writer = socketIoClient(server.url, boardId, tokens.facilitator);
  await writer.synced;
  for (let start = 0; start < 600; start += 100) {
    writer.doc.transact(() => {
      for (let i = start; i < start + 100; i++) {
        const words = Array.from({ length: 4 + (i % 9) }, (_, k) => WORDS[(i * 7 + k) % 13]);
        addItem(writer.doc, {
          type: 'note',
          x: (i % 30) * 220,
          y: 0,
          text: `${i} ${words.join(' ')}`,
        });
      }
    });
    await waitFor(() => !writer.provider.unacknowledged, 'stored');
  }
  written = itemsOf(writer.doc).toJSON();
  stateBytes = Y.encodeStateAsUpdate(writer.doc).length;
  writer.destroy();
});

afterAll(async () => {
  await server.close();
});

/** Every `yjs` message a client receives: its size and encoding. */
function recordMessages(socket: { on(event: 'yjs', listener: (...args: never[]) => void): void }) {
  const messages: { bytes: number; encoding: unknown }[] = [];
  socket.on('yjs', ((message: Uint8Array, encoding?: unknown) =>
    messages.push({ bytes: message.byteLength, encoding })) as never);
  return messages;
}

describe('a large first sync over Socket.io', () => {
  it('comes compressed to a client that can inflate it, and the board arrives whole', async () => {
    expect(stateBytes).toBeGreaterThan(30_000);
    const reader = socketIoClient(server.url, boardId, tokens.viewer);
    const messages = recordMessages(reader.provider.socket);
    try {
      await reader.synced;
      expect(itemsOf(reader.doc).toJSON()).toEqual(written);
      const compressed = messages.filter((m) => m.encoding === 'deflate-raw');
      expect(compressed).toHaveLength(1);
      expect(compressed[0]!.bytes).toBeLessThan(stateBytes / 3);
      // Nothing else was worth compressing, and nothing carried the whole state a second time.
      expect(
        messages.every((m) => m.encoding === 'deflate-raw' || m.bytes < DEFLATE_FROM_BYTES),
      ).toBe(true);

      // An edit after the sync comes as it is.
      const other = socketIoClient(server.url, boardId, tokens.participant);
      await other.synced;
      const id = addItem(other.doc, { type: 'note', x: 0, y: 500, text: 'after the sync' });
      await waitFor(() => itemsOf(reader.doc).has(id), 'the edit relayed');
      expect(messages.at(-1)!.encoding).toBeUndefined();
      other.destroy();
      // The board the next clients sync.
      written = itemsOf(reader.doc).toJSON();
    } finally {
      reader.destroy();
    }
  });

  it('comes as before to a client that does not ask, or over long-polling', async () => {
    const unasked = socketIoClient(server.url, boardId, tokens.viewer, undefined, {
      compressed: false,
    });
    const polling = socketIoClient(server.url, boardId, tokens.viewer, {
      reconnection: false,
      transports: ['polling'],
    });
    const fromUnasked = recordMessages(unasked.provider.socket);
    const fromPolling = recordMessages(polling.provider.socket);
    try {
      await Promise.all([unasked.synced, polling.synced]);
      for (const [client, messages] of [
        [unasked, fromUnasked],
        [polling, fromPolling],
      ] as const) {
        expect(itemsOf(client.doc).toJSON()).toEqual(written);
        expect(messages.some((m) => m.bytes >= stateBytes * 0.9)).toBe(true);
        expect(messages.every((m) => m.encoding === undefined)).toBe(true);
      }
    } finally {
      unasked.destroy();
      polling.destroy();
    }
  });

  it.each([
    ['names no encoding', {}],
    ['holds what is not a list of names', { acceptEncoding: 'deflate-raw' }],
  ])('comes as before to a Socket.io client whose auth %s', async (_, extra) => {
    const socket = io(server.url, {
      auth: { token: tokens.viewer, boardId, ...extra },
      transports: ['websocket'],
      reconnection: false,
    });
    const messages = recordMessages(socket);
    try {
      await new Promise<void>((resolve) => socket.on('connect', resolve));
      // Sync step 1 with an empty state vector: "send me everything".
      socket.emit('yjs', new Uint8Array([0, 0, 1, 0]));
      await waitFor(() => messages.some((m) => m.bytes >= stateBytes * 0.9), 'the full sync');
      expect(messages.every((m) => m.encoding === undefined)).toBe(true);
    } finally {
      socket.disconnect();
    }
  });
});

describe('a compressed message that does not inflate', () => {
  it('ends the connection, and the provider starts again instead of applying what follows', async () => {
    const someone = new Awareness(new Y.Doc());
    someone.setLocalState({ name: 'Someone' });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // presence
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(someone, [someone.clientID]));
    const presenceOfSomeone = encoding.toUint8Array(encoder);
    someone.destroy();
    // A server that gets it wrong: not ours, which compresses with zlib.
    const bad = new Server(0, { serveClient: false });
    const port = (bad.httpServer.address() as AddressInfo).port;
    let connections = 0;
    bad.on('connection', (socket) => {
      connections++;
      socket.emit('yjs', new Uint8Array([0xff, 0xff, 0xff, 0xff]), 'deflate-raw');
      // Someone's presence right behind it must not be applied without it.
      socket.emit('yjs', presenceOfSomeone);
    });
    const doc = new Y.Doc();
    const provider = new SocketIoProvider(`http://127.0.0.1:${port}`, crypto.randomUUID(), doc, {
      token: 'token',
      socket: { reconnectionDelay: 50, reconnectionDelayMax: 50 },
    });
    const seen: number[] = [];
    provider.awareness.on('change', ({ added }: { added: number[] }) => seen.push(...added));
    const disconnects: string[] = [];
    provider.socket.on('disconnect', (reason) => disconnects.push(reason));
    try {
      await waitFor(() => connections >= 2, 'a second connection');
      // The provider's own doing (engine.close()), and Socket.io connects again.
      expect(disconnects[0]).toBe('forced close');
      expect(seen).toEqual([]);
      expect(provider.synced).toBe(false);
    } finally {
      provider.destroy();
      doc.destroy();
      await bad.close();
    }
  });
});
