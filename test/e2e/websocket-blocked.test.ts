import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addItem } from '../../shared/board-document.ts';
import { addNoteInOutline, openBoard, showView, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { noWebSocketProxy } from '../helpers/no-websocket-proxy.ts';
import type { TestServer } from '../helpers/server.ts';

describe.skipIf(!HAS_CHROMIUM)('a network that lets no WebSocket through', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('the board connects over long-polling and edits go both ways', async () => {
    const proxy = await noWebSocketProxy(server.url, 'refuse');
    const created = await server.createBoard({ title: 'Behind the office proxy' });
    const direct = yWebsocketClient(
      server.url,
      created.board.id,
      (await server.join(created.board.id, created.keys.facilitator, 'Fia')).token,
    );
    await direct.synced;
    addItem(direct.doc, { type: 'note', x: 0, y: 0, text: 'From the meeting room' });
    const aino = await openBoard(
      browser,
      created.links.participant.replace(server.url, proxy.url),
      'Aino',
    );
    try {
      await waitForConnection(aino.page);
      expect(proxy.upgrades).toBeGreaterThan(0);
      await showView(aino.page, 'outline');
      await aino.page.getByText('From the meeting room').waitFor();
      await addNoteInOutline(aino.page, 'From behind the proxy');
      const texts = () =>
        [...direct.doc.getMap('items').values()].map((item) =>
          String((item as { get(key: string): unknown }).get('text')),
        );
      await waitFor(() => texts().includes('From behind the proxy'), 'the note over polling');
    } finally {
      direct.destroy();
      await aino.context.close();
      await proxy.close();
    }
  });
});
