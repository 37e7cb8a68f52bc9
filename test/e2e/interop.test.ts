import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { openBoard, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { waitFor, yWebsocketClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';

describe.skipIf(!HAS_CHROMIUM)('a stock Yjs client and the web board', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('a note added over y-websocket shows on the board, and typing on it goes back', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
    await waitForConnection(page);

    const stock = yWebsocketClient(server.url, board.board.id, tokens.facilitator);
    await stock.synced;
    const id = addItem(stock.doc, { type: 'note', x: 40, y: 40, text: 'Hello from plain Yjs' });

    const note = page.locator(`[data-item-id="${id}"]`);
    await note.waitFor();
    expect(await note.getAttribute('data-item-type')).toBe('note');
    expect(await note.locator('[data-item-text]').textContent()).toBe('Hello from plain Yjs');

    // A later change from the stock client shows too, without a reload.
    const text = itemsOf(stock.doc).get(id)?.get('text') as Y.Text;
    text.insert(text.length, ', edited');
    await expect
      .poll(() => note.locator('[data-item-text]').textContent())
      .toBe('Hello from plain Yjs, edited');

    // Typing on the board reaches the stock client.
    await note.dblclick();
    await page.keyboard.type(' and from the board');
    await page.keyboard.press('Escape');
    await waitFor(
      () => text.toString() === 'Hello from plain Yjs, edited and from the board',
      'the browser edit at the stock client',
    );
    stock.destroy();
    await context.close();
  });
});
