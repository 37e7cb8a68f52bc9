import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeUpdate } from '../../server/documents/protocol.ts';
import { addItem, itemsOf, readItems } from '../../shared/board-document.ts';
import { sleep, socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let boardId: string;
let tokens: { facilitator: string; participant: string; viewer: string };
let before: ReturnType<typeof readItems>;

/** Real update messages a client could send, to truncate and mutate. */
function realMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  const messages: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => messages.push(encodeUpdate(update)));
  const id = addItem(doc, { type: 'note', x: 5, y: 5, text: 'a real note' });
  (itemsOf(doc).get(id)!.get('text') as Y.Text).insert(0, 'edited ');
  addItem(doc, { type: 'concept', x: 0, y: 0, title: 'Concept' });
  itemsOf(doc).get(id)!.set('x', 99);
  return messages;
}

function frames(count: number): Buffer[] {
  const real = realMessages();
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const source = real[i % real.length]!;
    switch (i % 4) {
      case 0: // random bytes
        out.push(randomBytes(1 + (i % 300)));
        break;
      case 1: // a real message cut short
        out.push(Buffer.from(source.subarray(0, 1 + (i % (source.length - 1)))));
        break;
      case 2: // a sync-update envelope around random bytes
        out.push(Buffer.concat([Buffer.from([0, 2, 40]), randomBytes(40)]));
        break;
      default: // a valid envelope whose update is cut short inside
        out.push(Buffer.from(encodeUpdate(source.subarray(3, source.length - 1 - (i % 5)))));
    }
  }
  return out;
}

async function expectBoardIntact(): Promise<void> {
  const reader = socketIoClient(server.url, boardId, tokens.viewer);
  await reader.synced;
  expect(readItems(reader.doc)).toEqual(before);
  reader.destroy();
  const health = await server.api('/healthz');
  expect(health.status).toBe(200);
}

beforeAll(async () => {
  server = await startTestServer({ MAX_MESSAGE_BYTES: '65536', MAX_DOCUMENT_BYTES: '131072' });
  const created = await server.boardWithMembers();
  boardId = created.board.board.id;
  tokens = created.tokens;
  const writer = socketIoClient(server.url, boardId, tokens.facilitator);
  await writer.synced;
  addItem(writer.doc, { type: 'note', x: 1, y: 1, text: 'must survive' });
  addItem(writer.doc, { type: 'frame', x: 0, y: 0, title: 'Frame' });
  const reader = socketIoClient(server.url, boardId, tokens.viewer);
  await waitFor(() => itemsOf(reader.doc).size === 2, 'seed');
  before = readItems(reader.doc);
  writer.destroy();
  reader.destroy();
});
afterAll(async () => {
  await server.close();
});

/**
 * Sends every frame on its own turn: one frame, then wait until the server closes the
 * connection (a refusal) or stays quiet (a frame it could accept, e.g. an empty update).
 * Returns how many frames the server refused by closing.
 */
async function blast(
  list: Buffer[],
  open: () => Promise<{
    send: (frame: Buffer) => void;
    close: () => void;
    closed: Promise<unknown>;
  }>,
  parallel = 8,
): Promise<number> {
  let next = 0;
  let refused = 0;
  async function lane(): Promise<void> {
    let connection = await open();
    let closed = false;
    connection.closed.then(() => (closed = true));
    while (next < list.length) {
      connection.send(list[next++]!);
      const quiet = new Promise((resolve) => setTimeout(resolve, 150));
      await Promise.race([connection.closed, quiet]);
      if (!closed) continue;
      refused++;
      connection = await open();
      closed = false;
      connection.closed.then(() => (closed = true));
    }
    connection.close();
    await connection.closed;
  }
  await Promise.all(Array.from({ length: parallel }, lane));
  return refused;
}

describe('random and truncated frames never hurt the server or the board', () => {
  it('on the y-websocket endpoint (2,000 frames)', async () => {
    const url = `${server.url.replace('http', 'ws')}/yjs/${boardId}?token=${tokens.participant}`;
    const closed = await blast(frames(2000), async () => {
      const ws = new WebSocket(url);
      await new Promise((resolve) => ws.once('open', resolve));
      const closed = new Promise<number>((resolve) => ws.once('close', resolve));
      // Text frames are refused too.
      return {
        send: (frame) => ws.readyState === ws.OPEN && ws.send(frame),
        close: () => ws.close(),
        closed,
      };
    });
    expect(closed).toBeGreaterThan(1900);
    await expectBoardIntact();
  });

  it('on Socket.io (2,000 frames, plus non-binary payloads)', async () => {
    const list = frames(2000);
    const closed = await blast(list, async () => {
      const socket = io(server.url, {
        auth: { token: tokens.participant, boardId },
        transports: ['websocket'],
        reconnection: false,
      });
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const closed = new Promise((resolve) => socket.once('disconnect', resolve));
      let n = 0;
      return {
        send: (frame) => {
          n++;
          // Every tenth frame is something that is not a binary message at all.
          if (n % 10 === 0) socket.emit('yjs', frame.toString('latin1'));
          else if (n % 10 === 5) socket.emit('yjs', { not: 'binary' });
          else socket.emit('yjs', frame);
        },
        close: () => socket.disconnect(),
        closed,
      };
    });
    expect(closed).toBeGreaterThan(1900);
    await expectBoardIntact();
  });

  it('garbage at the Socket.io engine level closes only that connection', async () => {
    for (let i = 0; i < 50; i++) {
      const ws = new WebSocket(
        `${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`,
      );
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(randomBytes(20).toString('latin1'));
      ws.send(randomBytes(20));
      ws.close();
    }
    await expectBoardIntact();
  });
});

describe('requests nested too deeply', () => {
  /**
   * A raw Socket.io connection (EIO 4) as a viewer: what a stock client cannot send (its own
   * encoder would run out of stack first). Resolves the text packets it receives.
   */
  async function rawViewer() {
    const ws = new WebSocket(
      `${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`,
    );
    const received: string[] = [];
    ws.on('message', (data, binary) => {
      if (binary) return;
      const text = data.toString();
      if (text === '2') ws.send('3');
      received.push(text);
    });
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(`40${JSON.stringify({ token: tokens.viewer, boardId })}`);
    // Requests are taken once the server has welcomed the connection (connections are admitted
    // one per event-loop turn).
    await waitFor(() => received.some((packet) => packet.includes('board:welcome')), 'welcome');
    return { ws, received };
  }
  const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it('are refused invalid_input, and one of 70,000 levels stops nothing (QA: it stopped the server)', async () => {
    const { ws, received } = await rawViewer();
    // A request with an acknowledgement (id 7), then one without, then one nested within the
    // limit (read, and refused only as a list refuses any body but {}), then one that is fine.
    ws.send(`427["round:list",${deep(70_000)}]`);
    ws.send(`42["snapshot:list",${deep(70_000)}]`);
    ws.send(`429["round:list",${deep(20)}]`);
    ws.send(`428["round:list",{}]`);
    await waitFor(() => received.some((packet) => packet.startsWith('438')), 'the last answer');
    expect(JSON.parse(received.find((packet) => packet.startsWith('439'))?.slice(3) ?? '')).toEqual(
      [
        {
          ok: false,
          error: { code: 'invalid_input', message: 'must be a JSON object, not an array' },
        },
      ],
    );
    const refused = received.find((packet) => packet.startsWith('437'));
    expect(JSON.parse(refused?.slice(3) ?? 'null')).toEqual([
      {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'A request may nest arrays and objects 32 levels deep at most.',
        },
      },
    ]);
    expect(JSON.parse(received.find((packet) => packet.startsWith('438'))?.slice(3) ?? '')).toEqual(
      [{ ok: true, data: [] }],
    );
    // A binary event nested as deeply (its attachment's placeholder at the bottom): the
    // connection may go, the server stays.
    ws.send(`451-["yjs",${'['.repeat(70_000)}{"_placeholder":true,"num":0}${']'.repeat(70_000)}]`);
    ws.send(Buffer.from([0, 0]));
    ws.close();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    await expectBoardIntact();
  });
});

describe('limits', () => {
  it('an oversized message closes the y-websocket connection with 1009', async () => {
    const ws = new WebSocket(
      `${server.url.replace('http', 'ws')}/yjs/${boardId}?token=${tokens.participant}`,
    );
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send(Buffer.alloc(70_000));
    expect(await closed).toBe(1009);
    await expectBoardIntact();
  });

  it('an oversized message disconnects the Socket.io client, saying why', async () => {
    const client = socketIoClient(server.url, boardId, tokens.participant);
    await client.synced;
    const errors: string[] = [];
    client.provider.on('board-error', (error) => errors.push(error.code));
    const disconnected = new Promise((resolve) =>
      client.provider.socket.once('disconnect', resolve),
    );
    client.provider.sendRaw(new Uint8Array(70_000));
    await disconnected;
    expect(errors).toEqual(['payload_too_large']);
    client.destroy();
    await expectBoardIntact();
  });

  it('every such refusal is counted in ideamill_messages_rejected_total, whatever the transport (operator QA)', async () => {
    const rejected = async (reason: string) => {
      const text = (await server.api<string>('/metrics')).body;
      const line = text
        .split('\n')
        .find((l) => l.startsWith(`ideamill_messages_rejected_total{reason="${reason}"}`));
      return line ? Number(line.split(' ').at(-1)) : 0;
    };
    const before = {
      malformed: await rejected('malformed_message'),
      tooLarge: await rejected('payload_too_large'),
    };
    const url = `${server.url.replace('http', 'ws')}/yjs/${boardId}?token=${tokens.participant}`;
    for (const frame of ['a text frame', Buffer.alloc(70_000)]) {
      const ws = new WebSocket(url);
      await new Promise((resolve) => ws.once('open', resolve));
      const closed = new Promise((resolve) => ws.once('close', resolve));
      ws.send(frame);
      await closed;
    }
    const client = socketIoClient(server.url, boardId, tokens.participant);
    await client.synced;
    const disconnected = new Promise((r) => client.provider.socket.once('disconnect', r));
    client.provider.sendRaw(new Uint8Array(70_000));
    await disconnected;
    client.destroy();
    await expect.poll(() => rejected('payload_too_large')).toBe(before.tooLarge + 2);
    expect(await rejected('malformed_message')).toBe(before.malformed + 1);
  });

  it('an edit far past the limit is held back by the client, saying why, not sent again and again (operator QA)', async () => {
    const own = await server.boardWithMembers();
    const id = own.board.board.id;
    // With reconnection on, as a page has it: cut by the transport, it came back for ever.
    const client = socketIoClient(server.url, id, own.tokens.participant);
    await client.synced;
    const errors: string[] = [];
    client.provider.on('board-error', (error) => errors.push(error.code));
    let connects = 0;
    client.provider.socket.on('connect', () => connects++);
    // 200 KB of text: past what the transport takes (a third more than 64 KiB, and 64 KiB).
    addItem(client.doc, { type: 'note', x: 0, y: 0, text: 'x'.repeat(200_000) });
    await waitFor(() => errors.length > 0, 'the refusal');
    await sleep(1500);
    expect(errors).toEqual(['payload_too_large']);
    expect([client.provider.socket.connected, connects]).toEqual([false, 0]);
    client.destroy();
    const reader = socketIoClient(server.url, id, own.tokens.viewer);
    await reader.synced;
    expect(readItems(reader.doc)).toEqual([]);
    reader.destroy();
  });

  it('a message under the limit gets through long-polling too, where binary is a third larger', async () => {
    const own = await server.boardWithMembers();
    const id = own.board.board.id;
    const client = socketIoClient(server.url, id, own.tokens.participant, {
      reconnection: false,
      transports: ['polling'],
    });
    await client.synced;
    const noteId = addItem(client.doc, { type: 'note', x: 0, y: 0, text: 'p'.repeat(60_000) });
    const reader = socketIoClient(server.url, id, own.tokens.viewer);
    await reader.synced;
    await waitFor(() => readItems(reader.doc).some((item) => item.id === noteId), 'the big note');
    expect(client.provider.socket.io.engine.transport.name).toBe('polling');
    for (const c of [client, reader]) c.destroy();
  });

  it('an update that would grow the board past its maximum size is refused', async () => {
    const client = socketIoClient(server.url, boardId, tokens.participant);
    await client.synced;
    const errors: string[] = [];
    client.provider.on('board-error', (error) => errors.push(error.code));
    const disconnected = new Promise((resolve) =>
      client.provider.socket.once('disconnect', resolve),
    );
    for (let i = 0; i < 4; i++)
      addItem(client.doc, { type: 'note', x: i, y: 0, text: 'y'.repeat(40_000) });
    await disconnected;
    expect(errors).toContain('document_too_large');
    client.destroy();
    const reader = socketIoClient(server.url, boardId, tokens.viewer);
    await reader.synced;
    // What fitted was kept; the board is whole and readable.
    expect(readItems(reader.doc).filter((i) => i.type === 'note').length).toBeLessThan(5);
    expect(readItems(reader.doc)).toEqual(expect.arrayContaining(before));
    reader.destroy();
  });

  it('past its maximum size (a reveal can take it there), a board still takes deletions', async () => {
    const full = await startTestServer({ MAX_DOCUMENT_BYTES: '65536' });
    try {
      const { board, tokens: t } = await full.boardWithMembers();
      const id = board.board.id;
      // Put there by the server itself, as a reveal of private notes does: past the limit.
      let big = '';
      full.documents.open({ boardId: id }).change((doc) => {
        big = addItem(doc, { type: 'note', x: 0, y: 0, text: 'z'.repeat(70_000) });
      });
      const reader = socketIoClient(full.url, id, t.viewer);
      const client = socketIoClient(full.url, id, t.participant);
      await Promise.all([reader.synced, client.synced]);
      expect(itemsOf(reader.doc).has(big)).toBe(true);
      const errors: string[] = [];
      client.provider.on('board-error', (error) => errors.push(error.code));
      itemsOf(client.doc).delete(big);
      await waitFor(() => !itemsOf(reader.doc).has(big), 'the deletion on the board');
      expect(client.provider.socket.connected).toBe(true);
      // Adding is still refused until the next compaction gives the room back.
      const closed = new Promise((r) => client.provider.socket.once('disconnect', r));
      addItem(client.doc, { type: 'note', x: 0, y: 0, text: 'one more' });
      await closed;
      expect(errors).toEqual(['document_too_large']);
      for (const c of [client, reader]) c.destroy();
    } finally {
      await full.close();
    }
  });

  it('asking for the whole board again and again closes that connection, even a viewer connection (QA)', async () => {
    // Sync step 1 is answered with up to the whole board: 6 bytes asking for megabytes, and one
    // with a state vector encoded for the asker. A client asks once as it connects.
    const viewer = new WebSocket(
      `${server.url.replace('http', 'ws')}/yjs/${boardId}?token=${tokens.viewer}`,
    );
    const closed = new Promise<[number, string]>((resolve) =>
      viewer.once('close', (code, reason) => resolve([code, reason.toString()])),
    );
    let answers = 0;
    viewer.on('message', (data: Buffer) => {
      // Sync (0), step 2 (1): the board.
      if (data[0] === 0 && data[1] === 1) answers++;
    });
    await new Promise((resolve) => viewer.once('open', resolve));
    const doc = new Y.Doc();
    addItem(doc, { type: 'note', x: 0, y: 0, text: 'a state vector of a client of my own' });
    const stateVector = Y.encodeStateVector(doc);
    const stepOne = new Uint8Array([0, 0, ...encodeVarUint(stateVector.length), ...stateVector]);
    for (let i = 0; i < 50; i++) viewer.send(stepOne);
    expect(await closed).toEqual([4429, 'rate_limited']);
    // The connection's first few were answered; the rest were not.
    expect(answers).toBeGreaterThanOrEqual(1);
    expect(answers).toBeLessThanOrEqual(4);
  });

  it("a viewer's garbage update and a viewer's flood of updates close its connection too (operator QA)", async () => {
    const viewerSocket = async (url: string, board: string, token: string) => {
      const ws = new WebSocket(`${url.replace('http', 'ws')}/yjs/${board}?token=${token}`);
      const closed = new Promise<[number, string]>((resolve) =>
        ws.once('close', (code, reason) => resolve([code, reason.toString()])),
      );
      await new Promise((resolve) => ws.once('open', resolve));
      return { ws, closed };
    };
    // A sync update (0, 2) whose update is three bytes of nothing Yjs can read.
    const garbage = await viewerSocket(server.url, boardId, tokens.viewer);
    garbage.ws.send(new Uint8Array([0, 2, 3, 9, 9, 9]));
    expect(await garbage.closed).toEqual([4400, 'malformed_message']);

    const strict = await startTestServer({ UPDATE_RATE_PER_SEC: '5', UPDATE_BURST: '10' });
    try {
      const { board, tokens: t } = await strict.boardWithMembers();
      const flood = await viewerSocket(strict.url, board.board.id, t.viewer);
      const doc = new Y.Doc();
      doc.on('update', (update: Uint8Array) =>
        flood.ws.send(new Uint8Array([0, 2, ...encodeVarUint(update.length), ...update])),
      );
      for (let i = 0; i < 30; i++) addItem(doc, { type: 'note', x: i, y: 0 });
      expect(await flood.closed).toEqual([4429, 'rate_limited']);
      // Dropped, as ever: none of it reached the board.
      const reader = socketIoClient(strict.url, board.board.id, t.facilitator);
      await reader.synced;
      expect(readItems(reader.doc)).toEqual([]);
      reader.destroy();
    } finally {
      await strict.close();
    }
  });

  it('too many updates too fast closes that connection only', async () => {
    const strict = await startTestServer({ UPDATE_RATE_PER_SEC: '5', UPDATE_BURST: '10' });
    try {
      const { board, tokens: t } = await strict.boardWithMembers();
      const spammer = socketIoClient(strict.url, board.board.id, t.participant);
      const calm = socketIoClient(strict.url, board.board.id, t.facilitator);
      await Promise.all([spammer.synced, calm.synced]);
      const errors: string[] = [];
      spammer.provider.on('board-error', (error) => errors.push(error.code));
      const disconnected = new Promise((r) => spammer.provider.socket.once('disconnect', r));
      for (let i = 0; i < 30; i++) addItem(spammer.doc, { type: 'note', x: i, y: 0 });
      await disconnected;
      expect(errors).toContain('rate_limited');
      const note = addItem(calm.doc, { type: 'note', x: 0, y: 0, text: 'still fine' });
      const reader = socketIoClient(strict.url, board.board.id, t.viewer);
      await waitFor(() => itemsOf(reader.doc).has(note), 'calm edit');
      for (const c of [spammer, calm, reader]) c.destroy();
    } finally {
      await strict.close();
    }
  });
});

describe('malformed addresses and bodies', () => {
  it('a y-websocket address that is not valid percent-encoding is refused, the server stays up', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/%E0%A4%A?token=x`);
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    expect(await closed).toBe(4404);
    expect((await server.api('/healthz')).status).toBe(200);
  });

  it('a WebSocket upgrade to any other address is answered 404 at once, not left hanging', async () => {
    const base = server.url.replace('http', 'ws');
    // A stock WebsocketProvider given an empty room asks for /yjs/; a typo, for anything.
    for (const address of ['/', '/yjs', '/yjs/', `/yjs/${boardId}/elsewhere`, '/socketio/']) {
      const ws = new WebSocket(`${base}${address}?token=${tokens.viewer}`);
      const answer = await new Promise<number | string>((resolve) => {
        const timer = setTimeout(() => resolve('no answer in 3 s'), 3000);
        ws.once('unexpected-response', (_request, response) => {
          clearTimeout(timer);
          resolve(response.statusCode ?? 0);
        });
        ws.once('open', () => resolve('opened'));
        ws.once('error', () => {});
      });
      ws.terminate();
      expect([address, answer]).toEqual([address, 404]);
    }
    // Socket.io's own path still upgrades.
    const socket = io(server.url, {
      auth: { token: tokens.viewer, boardId },
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise<void>((resolve) => socket.once('board:welcome', () => resolve()));
    socket.close();
    expect((await server.api('/healthz')).status).toBe(200);
  });

  it('a y-websocket handshake ws cannot take is refused in the error shape, not text/html (operator QA)', async () => {
    const upgrade = (method: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: unknown }>(
        (resolve, reject) => {
          const request = http.request(`${server.url}/yjs/${boardId}?token=${tokens.viewer}`, {
            method,
            headers: { Connection: 'Upgrade', Upgrade: 'websocket', ...headers },
          });
          request.on('response', (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => {
              text += chunk;
            });
            response.on('end', () => {
              try {
                const body: unknown = JSON.parse(text);
                resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
              } catch {
                reject(new Error(`not JSON: ${text}`));
              }
            });
          });
          request.on('upgrade', () => reject(new Error('upgraded')));
          request.on('error', reject);
          request.end();
        },
      );
    const key = randomBytes(16).toString('base64');
    const noKey = await upgrade('GET', { 'Sec-WebSocket-Version': '13' });
    expect([noKey.status, noKey.headers['content-type'], noKey.body]).toEqual([
      400,
      'application/json',
      {
        error: {
          code: 'invalid_input',
          message: 'Not a WebSocket handshake: Missing or invalid Sec-WebSocket-Key header.',
        },
      },
    ]);
    const oldVersion = await upgrade('GET', {
      'Sec-WebSocket-Key': key,
      'Sec-WebSocket-Version': '7',
    });
    expect([oldVersion.status, oldVersion.headers['sec-websocket-version']]).toEqual([
      400,
      '13, 8',
    ]);
    expect(oldVersion.body).toMatchObject({ error: { code: 'invalid_input' } });
    const posted = await upgrade('POST', {
      'Sec-WebSocket-Key': key,
      'Sec-WebSocket-Version': '13',
    });
    expect([posted.status, posted.headers.allow, posted.body]).toMatchObject([
      405,
      'GET',
      { error: { code: 'method_not_allowed' } },
    ]);
    expect((await server.api('/healthz')).status).toBe(200);
  });

  it('HTTP requests the server cannot read are 400s with the error body, not 500s', async () => {
    const requests: [string, RequestInit][] = [
      ['/api/boards/%E0%A4%A', {}],
      ['/b/%E0%A4%A', {}],
      [`/api/boards/${boardId}/followups/%E0%A4%A`, {}],
      [
        '/api/boards',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=latin1' },
          body: '{"title":"x"}',
        },
      ],
      [
        '/api/boards',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body: '{"title":"x"}',
        },
      ],
    ];
    for (const [path, init] of requests) {
      const response = await fetch(`${server.url}${path}`, init);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect([path, response.status, body.error.code]).toEqual([path, 400, 'invalid_input']);
      expect(body.error.message).toMatch(/^The request is not valid: /);
    }
    expect((await server.api('/healthz')).status).toBe(200);
  });
});

/** A y-protocols variable-length unsigned integer. */
function encodeVarUint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}
