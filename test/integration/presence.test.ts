/**
 * Presence (Yjs awareness): merged per tick, echoes ignored, malformed states refused, and a
 * crowded board's relays held to the presence budget and its ticks to the message budget.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe('presence', () => {
  let server: TestServer;
  beforeAll(async () => {
    // A tiny budget: one presence message per second, none saved up beyond two.
    server = await startTestServer({ AWARENESS_RATE_PER_SEC: '1', AWARENESS_BURST: '2' });
  });
  afterAll(() => server.close());

  it("a stock client's echoes of other people's cursors never use up its own budget", async () => {
    const { board, tokens } = await server.boardWithMembers();
    const stock = yWebsocketClient(server.url, board.board.id, tokens.participant);
    const watcher = socketIoClient(server.url, board.board.id, tokens.facilitator);
    await Promise.all([stock.synced, watcher.synced]);
    // Five people move; the stock client echoes every change it receives back to the server.
    const others = Array.from({ length: 5 }, () =>
      socketIoClient(server.url, board.board.id, tokens.participant),
    );
    await Promise.all(others.map((o) => o.synced));
    for (const [i, other] of others.entries()) {
      other.provider.awareness.setLocalStateField('cursor', { x: i, y: i });
    }
    await waitFor(() => stock.provider.awareness.getStates().size >= 6, 'cursors at the stock');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Its own first state still gets through: the echoes spent none of its two tokens.
    stock.provider.awareness.setLocalStateField('cursor', { x: 42, y: 42 });
    const stockId = stock.doc.clientID;
    await waitFor(
      () => watcher.provider.awareness.getStates().get(stockId)?.cursor?.x === 42,
      'the stock client cursor at the watcher',
    );
    for (const client of [stock, watcher, ...others]) client.destroy();
  });

  it('closes a connection whose presence state is not JSON', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const client = socketIoClient(server.url, board.board.id, tokens.participant);
    await client.synced;
    const closed = new Promise<void>((resolve) =>
      client.provider.on('status', (s) => s === 'disconnected' && resolve()),
    );
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // awareness message
    encoding.writeVarUint8Array(encoder, new Uint8Array([1, 7, 1, 3, 0x7b, 0x7b, 0x7b]));
    client.provider.sendRaw(encoding.toUint8Array(encoder));
    await closed;
    expect(client.provider.socket.connected).toBe(false);
    client.destroy();
  });
});

describe('presence on a crowded board', () => {
  let server: TestServer;
  beforeAll(async () => {
    // 120 state deliveries a second per board, a tick every 100 ms (a quiet board saves up two
    // ticks): with 6 Socket.io connections that is 2 states a tick (4 after quiet), with 6
    // stock y-websocket connections, which send every state back, 1 (2 after quiet).
    server = await startTestServer({ PRESENCE_FANOUT_PER_SEC: '120', PRESENCE_FLUSH_MS: '100' });
  });
  afterAll(() => server.close());

  /** Five movers move at once, twice; returns how many states each relay to the watcher held. */
  async function crowd(client: typeof socketIoClient | typeof yWebsocketClient) {
    const { board, tokens } = await server.boardWithMembers();
    const watcher = client(server.url, board.board.id, tokens.facilitator);
    const movers = Array.from({ length: 5 }, () =>
      client(server.url, board.board.id, tokens.participant),
    );
    await Promise.all([watcher.synced, ...movers.map((m) => m.synced)]);
    await sleep(500);
    const statesPerMessage: number[] = [];
    watcher.provider.awareness.on(
      'update',
      (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin === 'local') return;
        statesPerMessage.push(change.added.length + change.updated.length + change.removed.length);
      },
    );
    // Only the newest position of each needs to arrive.
    for (const round of [1, 2]) {
      for (const [i, mover] of movers.entries()) {
        mover.provider.awareness.setLocalStateField('cursor', { x: i, y: round });
      }
    }
    const states = () => watcher.provider.awareness.getStates();
    await waitFor(
      () => movers.every((m) => states().get(m.doc.clientID)?.cursor?.y === 2),
      "every mover's newest cursor at the watcher",
    );
    const relayed = [...statesPerMessage]; // closing the clients removes their states too
    for (const c of [watcher, ...movers]) c.destroy();
    return relayed;
  }

  it('relays cursors in turn within the budget, and every newest cursor arrives', async () => {
    const statesPerMessage = await crowd(socketIoClient);
    // Unbudgeted, one tick would have carried all five.
    expect(statesPerMessage.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...statesPerMessage)).toBeLessThanOrEqual(4);
    expect(Math.max(...statesPerMessage)).toBeGreaterThanOrEqual(3);
  });

  it('counts a stock y-websocket connection twice, since it sends every state back', async () => {
    const statesPerMessage = await crowd(yWebsocketClient);
    expect(statesPerMessage.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...statesPerMessage)).toBeLessThanOrEqual(2);
  });
});

describe('presence ticks on a board with many connections', () => {
  let server: TestServer;
  beforeAll(async () => {
    // A tick every 50 ms, stretched to keep within 20 presence messages a second per board:
    // every 100 ms with 2 connections, every 300 ms with 6.
    server = await startTestServer({ PRESENCE_FLUSH_MS: '50', PRESENCE_MESSAGES_PER_SEC: '20' });
  });
  afterAll(() => server.close());

  /** One mover moves every 20 ms for 1.5 s; returns how many relays of it the watcher got. */
  async function relaysWith(bystanders: number) {
    const { board, tokens } = await server.boardWithMembers();
    const open = () => socketIoClient(server.url, board.board.id, tokens.participant);
    const watcher = open();
    const mover = open();
    const others = Array.from({ length: bystanders }, open);
    await Promise.all([watcher, mover, ...others].map((c) => c.synced));
    await sleep(400);
    let relays = 0;
    watcher.provider.awareness.on('update', (change: { updated: number[] }, origin: unknown) => {
      if (origin !== 'local' && change.updated.includes(mover.doc.clientID)) relays++;
    });
    let x = 0;
    const moving = setInterval(
      () => mover.provider.awareness.setLocalStateField('cursor', { x: ++x, y: 0 }),
      20,
    );
    await sleep(1500);
    clearInterval(moving);
    await waitFor(
      () => watcher.provider.awareness.getStates().get(mover.doc.clientID)?.cursor?.x === x,
      "the mover's newest cursor at the watcher",
    );
    for (const c of [watcher, mover, ...others]) c.destroy();
    return relays;
  }

  it('ticks less often the more connections a board has, and the newest cursor arrives', async () => {
    const few = await relaysWith(0);
    const many = await relaysWith(4);
    // Every 50 ms (no stretching) gave 24 relays on either board.
    expect(many).toBeLessThanOrEqual(7);
    expect(many).toBeGreaterThanOrEqual(2);
    // Two connections tick every 100 ms: about three times as often (less on a slow machine).
    expect(few).toBeGreaterThan(1.5 * many);
  });
});
