/**
 * A board's page reloaded while the browser is offline (a reload on a train, a phone's browser
 * bringing back a tab it had put away) loads from the service worker (client/public/sw.js):
 * it says the board opens once the connection is back and that the changes kept here wait for
 * it, and opens the board by itself when it is, sending them. Until 7 December the browser
 * showed its own "no connection" page, and nothing opened the board again.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { expect, it } from 'vitest';
import { readItems } from '../../shared/board-document.ts';
import {
  addNoteInOutline,
  openBoard,
  SCREENSHOTS,
  waitForConnection,
} from '../helpers/board-page.ts';
import { withServerAndBrowser } from '../helpers/browser.ts';
import { socketIoClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

/** Once the service worker runs the page and keeps every asset the page has loaded. */
async function assetsKept(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(async () => {
    const loaded = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => new URL(url).pathname.startsWith('/assets/'));
    const cache = await caches.open('ideamill-assets-v1');
    const kept = await Promise.all(loaded.map((url) => cache.match(url, { ignoreVary: true })));
    return loaded.length > 0 && kept.every(Boolean);
  });
}

/** The page a reload brought, as read: the heading, and what it says will happen. */
async function notConnectedPage(page: Page): Promise<{ heading: string; detail: string }> {
  const error = page.getByTestId('board-error');
  await error.waitFor();
  return {
    heading: (await error.getByRole('heading').textContent()) ?? '',
    detail: (await page.getByTestId('board-error-detail').textContent()) ?? '',
  };
}

it('a board reloaded offline says it opens when the connection is back, and does, sending what was kept', async () => {
  const { board, tokens } = await server.boardWithMembers();
  const facilitator = socketIoClient(server.url, board.board.id, tokens.facilitator);
  await facilitator.synced;
  const notes = () =>
    readItems(facilitator.doc).flatMap((item) => (item.type === 'note' ? [item.text] : []));
  const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
  await waitForConnection(page);
  await assetsKept(page);

  await context.setOffline(true);
  await waitForConnection(page, 'offline');
  await addNoteInOutline(page, 'Written on the train');
  await page.locator('[data-outline-item-id]', { hasText: 'on the train' }).waitFor();
  page.on('dialog', (dialog) => void dialog.accept());
  // The browser's own offline page would make this reload fail (net::ERR_INTERNET_DISCONNECTED).
  await page.reload();
  expect(await notConnectedPage(page)).toEqual({
    heading: 'Not connected',
    detail:
      'The board opens by itself once the connection is back. Your changes kept in this browser are sent then: nothing is lost.',
  });
  expect(await page.getByTestId('board-error').getByRole('alert').textContent()).toBe(
    'The server could not be reached. Check the connection and try again.',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/offline-reload.png` });
  expect(notes()).toEqual([]);

  // Back online, nobody presses anything: the board opens and the note reaches everyone.
  await context.setOffline(false);
  await waitForConnection(page);
  await expect.poll(notes, { timeout: 10_000 }).toEqual(['Written on the train']);
  await expect
    .poll(() => page.getByTestId('carried-banner').textContent())
    .toBe('Your changes from your last visit that had not reached the server are saved now.');
  facilitator.destroy();
  await context.close();
});

it('offline with nothing kept, the page says only that the board opens when the connection is back (Finnish)', async () => {
  const created = await server.createBoard({ title: 'Juna' });
  const { context, page } = await openBoard(browser, created.links.participant, 'Aino');
  await waitForConnection(page);
  await page.locator('[data-testid="language-switch"] button[lang="fi"]').first().click();
  await assetsKept(page);
  await context.setOffline(true);
  await page.reload();
  expect(await notConnectedPage(page)).toEqual({
    heading: 'Ei yhteyttä',
    detail: 'Taulu avautuu itsestään, kun yhteys palaa.',
  });
  await context.setOffline(false);
  await waitForConnection(page);
  await context.close();
});

it('a proxy saying the server is down (502, as nginx while it restarts) is told as not connected, and the board opens once it is up', async () => {
  const created = await server.createBoard({ title: 'Upgrade day' });
  const { context, page } = await openBoard(browser, created.links.participant, 'Aino');
  await waitForConnection(page);
  await assetsKept(page);
  // What nginx answers for the page and the API while the server behind it restarts.
  const down = (route: Route) =>
    route.fulfill({
      status: 502,
      contentType: 'text/html',
      body: '<html><body><center><h1>502 Bad Gateway</h1></center></body></html>',
    });
  const routed = (url: URL) => url.pathname.startsWith('/b/') || url.pathname.startsWith('/api/');
  await context.route(routed, down);
  await page.reload();
  expect(await notConnectedPage(page)).toEqual({
    heading: 'Not connected',
    detail: 'The board opens by itself once the connection is back.',
  });
  await context.unroute(routed, down);
  await waitForConnection(page);
  await context.close();
});
