/**
 * Where no WebSocket gets through (an office proxy, a reverse proxy without the Upgrade
 * headers), our Socket.io client falls back to long-polling and the board works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { noWebSocketProxy } from '../helpers/no-websocket-proxy.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('a network that lets no WebSocket through', () => {
  for (const mode of ['refuse', 'hang'] as const) {
    it(`syncs over long-polling when the proxy ${mode === 'refuse' ? 'refuses' : 'never answers'} the upgrade`, async () => {
      const proxy = await noWebSocketProxy(server.url, mode);
      const { board, tokens } = await server.boardWithMembers();
      const id = board.board.id;
      const direct = yWebsocketClient(server.url, id, tokens.facilitator);
      await direct.synced;
      addItem(direct.doc, { type: 'note', x: 0, y: 0, text: 'from the meeting room' });
      // The web client's own settings, but for a short connect timeout (the hanging upgrade).
      const behind = socketIoClient(proxy.url, id, tokens.participant, {
        reconnection: true,
        reconnectionDelay: 50,
        timeout: 1_000,
      });
      try {
        await behind.synced;
        expect(proxy.upgrades).toBeGreaterThan(0);
        expect(behind.provider.socket.io.engine.transport.name).toBe('polling');
        expect(itemsOf(behind.doc).size).toBe(1);
        addItem(behind.doc, { type: 'note', x: 200, y: 0, text: 'from behind the proxy' });
        await waitFor(() => itemsOf(direct.doc).size === 2, 'the edit over polling relayed');
        addItem(direct.doc, { type: 'note', x: 400, y: 0, text: 'and back' });
        await waitFor(() => itemsOf(behind.doc).size === 3, 'a relay over polling received');
        // The page's next connection there (its private document, say) starts on polling: it
        // does not wait out the same failure (QA: a private note took 20 s to be sent).
        const next = socketIoClient(proxy.url, id, tokens.participant, { timeout: 1_000 });
        const failures: string[] = [];
        next.provider.socket.on('connect_error', (error) => failures.push(error.message));
        await next.synced;
        expect(failures).toEqual([]);
        expect(next.provider.socket.io.opts.transports?.[0]).toBe('polling');
        next.destroy();
      } finally {
        behind.destroy();
        direct.destroy();
        await proxy.close();
      }
    });
  }
});
