/**
 * Socket.io connections that arrive together are admitted one per event-loop turn: a storm of
 * reconnects must not authenticate and sync every new connection back to back. The clients
 * run in a child process, so they keep connecting while the server's event loop is held.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const CLIENTS = 20;

/** Opens `CLIENTS` raw Socket.io connections at once; prints "connected" once all are. */
const CLIENT_SCRIPT = `
const { io } = require('socket.io-client');
const [url, boardId, token, n] = process.argv.slice(1);
let connected = 0;
for (let i = 0; i < Number(n); i++) {
  const socket = io(url, { auth: { token, boardId }, transports: ['websocket'], reconnection: false, forceNew: true });
  socket.on('connect', () => { if (++connected === Number(n)) console.log('connected'); });
  socket.on('connect_error', (error) => { console.error(error.message); process.exit(1); });
}
`;

describe('admitting Socket.io connections', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('authenticates connections that arrive together in turns of their own', async () => {
    const { board, tokens } = await server.boardWithMembers();
    // Counts event-loop turns: one increment in each turn's check phase.
    let turn = 0;
    let counting = true;
    const count = () => {
      turn++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const turns: number[] = [];
    const signIn = server.boards.signIn.bind(server.boards);
    server.boards.signIn = (boardId, token) => {
      // The first connection holds the loop while the others arrive, as in a storm.
      if (turns.length === 0) {
        const until = Date.now() + 300;
        while (Date.now() < until);
      }
      turns.push(turn);
      return signIn(boardId, token);
    };

    const child = spawn(
      process.execPath,
      ['-e', CLIENT_SCRIPT, server.url, board.board.id, tokens.participant, String(CLIENTS)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('connected')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`clients exited with ${code}`)));
      });
    } finally {
      child.kill();
      counting = false;
      server.boards.signIn = signIn;
    }
    expect(turns).toHaveLength(CLIENTS);
    expect(new Set(turns).size).toBe(CLIENTS);
  });
});
