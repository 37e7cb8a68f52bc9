/**
 * The connection indicator says Live once the board has arrived, not when the socket opens:
 * on a slow link a big board takes seconds to come, and "Live" over an empty board told the
 * participant otherwise. Here everything the server sends after its welcome is held back.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { joinByLink, newPerson, showView, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { sleep, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';

describe.skipIf(!HAS_CHROMIUM)('the connection indicator on a slow first sync', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('says Connecting while the board is on its way, and Live once it is here', async () => {
    const created = await server.createBoard({ title: 'Slow link' });
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const writer = yWebsocketClient(server.url, id, fia.token);
    await writer.synced;
    addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'Already on the board' });
    await waitFor(() => itemsOf(server.documents.open({ boardId: id }).doc).size === 1);
    writer.destroy();

    const context = await newPerson(browser);
    let welcomed = false;
    let holding = true;
    const held: Array<() => void> = [];
    await context.routeWebSocket(/\/socket\.io\//, (page) => {
      const toServer = page.connectToServer();
      toServer.onMessage((message) => {
        if (welcomed && holding) {
          held.push(() => page.send(message));
          return;
        }
        if (typeof message === 'string' && message.includes('board:welcome')) welcomed = true;
        page.send(message);
      });
    });
    const page = await context.newPage();
    await joinByLink(page, created.links.participant, 'Aino');
    await waitFor(() => welcomed && held.length > 0, 'the welcome, and the board held back');
    // The socket is open and the welcome is in; the board is not.
    await sleep(1500);
    const indicator = page.getByTestId('connection');
    expect(await indicator.getAttribute('data-status')).toBe('connecting');

    holding = false;
    for (const release of held.splice(0)) release();
    await waitForConnection(page);
    await showView(page, 'outline');
    await page.getByText('Already on the board').first().waitFor();
    await context.close();
  });
});
