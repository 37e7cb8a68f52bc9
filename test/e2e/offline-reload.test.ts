/**
 * A board's page reloaded while the browser is offline (a reload on a train, a phone's browser
 * bringing back a tab it had put away) loads from the service worker (client/public/sw.js),
 * and shows the board as this browser last had it (client/src/sync/board-copy.ts), with the
 * changes kept here; it catches up by itself once the connection is back, sending them. Where
 * no copy is kept it says the board opens once the connection is back, and opens it then.
 * Until 7 December the browser showed its own "no connection" page, and nothing opened the
 * board again; until 7 December (later) the page only said that the board would open.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { expect, it } from 'vitest';
import { addItem, readItems } from '../../shared/board-document.ts';
import {
  addNoteInOutline,
  boardCopyKeptAt,
  openBoard,
  SCREENSHOTS,
  waitForConnection,
} from '../helpers/board-page.ts';
import { withServerAndBrowser } from '../helpers/browser.ts';
import { socketIoClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { addNoteByDoubleClick } from './canvas-helpers.ts';

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

/**
 * A board in silent writing, its facilitator connected, and Aino's page on it with every asset
 * kept for a reload offline. `notes`: the shared board's notes as the facilitator has them.
 */
async function participantInSilentWriting() {
  const { board, tokens } = await server.boardWithMembers();
  const boardId = board.board.id;
  const facilitator = socketIoClient(server.url, boardId, tokens.facilitator);
  await facilitator.synced;
  const notes = () =>
    readItems(facilitator.doc).flatMap((item) => (item.type === 'note' ? [item.text] : []));
  const silentWriting = (body: object) =>
    server.api(`/api/boards/${boardId}/silent-writing`, { body, token: tokens.facilitator });
  expect((await silentWriting({ action: 'start' })).status).toBe(200);
  const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
  await page.getByTestId('silent-writing-banner').waitFor();
  await assetsKept(page);
  return { boardId, facilitator, notes, silentWriting, context, page };
}

/** The board's notes as the page shows them on the canvas. */
const shownNotes = (page: Page) =>
  page.locator('[data-item-id] [data-item-text]').allTextContents();

it('a board reloaded offline shows it as this browser last had it, with the note written on the train, and catches up once the connection is back', async () => {
  const { board, tokens } = await server.boardWithMembers();
  const boardId = board.board.id;
  const facilitator = socketIoClient(server.url, boardId, tokens.facilitator);
  await facilitator.synced;
  addItem(facilitator.doc, { type: 'note', x: 0, y: 0, text: 'Before the train' });
  const notes = () =>
    readItems(facilitator.doc).flatMap((item) => (item.type === 'note' ? [item.text] : []));
  const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
  await waitForConnection(page);
  await assetsKept(page);
  await expect.poll(() => boardCopyKeptAt(page, boardId), { timeout: 10_000 }).not.toBeNull();

  await context.setOffline(true);
  await waitForConnection(page, 'offline');
  await addNoteInOutline(page, 'Written on the train');
  await page.locator('[data-outline-item-id]', { hasText: 'on the train' }).waitFor();
  // Meanwhile on the board: Aino's page cannot know yet.
  addItem(facilitator.doc, { type: 'note', x: 300, y: 0, text: 'Added while Aino was away' });
  page.on('dialog', (dialog) => void dialog.accept());
  // The browser's own offline page would make this reload fail (net::ERR_INTERNET_DISCONNECTED).
  await page.reload();
  await page.getByTestId('copy-banner').waitFor();
  await expect
    .poll(() => shownNotes(page))
    .toEqual(expect.arrayContaining(['Before the train', 'Written on the train']));
  expect(await shownNotes(page)).toHaveLength(2);
  expect(await page.getByTestId('copy-banner').locator('.status-words').textContent()).toMatch(
    /^The board as this browser last had it \(\d{1,2}:\d\d\)\. What others have done since shows once the connection is back\.$/,
  );
  // The panels wait for the server: what rounds are open is its to say.
  expect(await page.getByTestId('panels-wait').textContent()).toBe(
    'Voting, follow-ups and the board’s history show once the connection is back.',
  );
  expect(await page.getByTestId('open-round').count()).toBe(0);
  await page.screenshot({ path: `${SCREENSHOTS}/offline-reload.png` });
  expect(notes()).toEqual(['Before the train', 'Added while Aino was away']);

  // Back online, nobody presses anything: the board catches up and the note reaches everyone.
  await context.setOffline(false);
  await waitForConnection(page);
  await expect
    .poll(notes, { timeout: 10_000 })
    .toEqual(['Before the train', 'Added while Aino was away', 'Written on the train']);
  await expect
    .poll(async () => (await shownNotes(page)).sort())
    .toEqual(['Added while Aino was away', 'Before the train', 'Written on the train']);
  await expect
    .poll(() => page.getByTestId('carried-banner').textContent())
    .toBe('Your changes from your last visit that had not reached the server are saved now.');
  expect(await page.getByTestId('copy-banner').count()).toBe(0);
  await page.getByRole('tab', { name: 'Voting' }).waitFor();
  facilitator.destroy();
  await context.close();
});

it('offline with no copy of the board kept, the page says the board opens when the connection is back, and that the changes kept wait for it', async () => {
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
  // As in a browser whose copy was never kept (a client from before copies, or one whose
  // storage the browser cleared): the copy goes, the membership and the note stay.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const deleted = indexedDB.deleteDatabase('ideamill');
        deleted.onsuccess = deleted.onerror = deleted.onblocked = resolve;
      }),
  );
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  expect(await notConnectedPage(page)).toEqual({
    heading: 'Not connected',
    detail:
      'The board opens by itself once the connection is back. Your changes kept in this browser are sent then: nothing is lost.',
  });
  expect(await page.getByTestId('board-error').getByRole('alert').textContent()).toBe(
    'The server could not be reached. Check the connection and try again.',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/offline-reload-no-copy.png` });
  expect(notes()).toEqual([]);

  await context.setOffline(false);
  await waitForConnection(page);
  await expect.poll(notes, { timeout: 10_000 }).toEqual(['Written on the train']);
  facilitator.destroy();
  await context.close();
});

it('a board reloaded offline in Finnish says so in Finnish', async () => {
  const created = await server.createBoard({ title: 'Juna' });
  const { context, page } = await openBoard(browser, created.links.participant, 'Aino');
  await waitForConnection(page);
  await page.locator('[data-testid="language-switch"] button[lang="fi"]').first().click();
  await assetsKept(page);
  await expect
    .poll(() => boardCopyKeptAt(page, created.board.id), { timeout: 10_000 })
    .not.toBeNull();
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('copy-banner').waitFor();
  expect(await page.getByTestId('copy-banner').locator('.status-words').textContent()).toMatch(
    /^Taulu sellaisena kuin tämä selain sen viimeksi sai \(\d{1,2}\.\d\d\)\. Muiden muutokset sen jälkeen näkyvät, kun yhteys palaa\.$/,
  );
  expect(await page.getByTestId('board-title').textContent()).toBe('Juna');
  await context.setOffline(false);
  await waitForConnection(page);
  await context.close();
});

it('during silent writing, a note written on a board opened offline from its copy stays private until the reveal', async () => {
  const { boardId, facilitator, notes, silentWriting, context, page } =
    await participantInSilentWriting();
  await expect.poll(() => boardCopyKeptAt(page, boardId), { timeout: 10_000 }).not.toBeNull();

  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('copy-banner').waitFor();
  // The page knows silent writing runs: the note goes to Aino's private document.
  await page.getByTestId('silent-writing-banner').waitFor();
  await addNoteByDoubleClick(page, 0.5, 0.5, 'Private, from the train');
  const unsent = () =>
    page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('ideamill.unsent.')),
    );
  await expect.poll(unsent).toHaveLength(1);
  await context.setOffline(false);
  await waitForConnection(page);
  await expect.poll(() => page.getByTestId('copy-banner').count()).toBe(0);
  // On the server (this browser keeps nothing unsent), and nobody else's to see before the reveal.
  await expect.poll(unsent, { timeout: 10_000 }).toEqual([]);
  expect(notes()).toEqual([]);
  expect((await silentWriting({ action: 'reveal' })).body).toEqual({ revealed: 1 });
  await expect.poll(notes).toEqual(['Private, from the train']);
  facilitator.destroy();
  await context.close();
});

it('during silent writing, my private notes written before show on the board opened offline from its copy, and the reveal brings each once', async () => {
  const { boardId, facilitator, notes, silentWriting, context, page } =
    await participantInSilentWriting();
  const memberId = await page.evaluate(
    (id) =>
      (
        JSON.parse(localStorage.getItem(`ideamill.board.${id}`) ?? '{}') as {
          member: { id: string };
        }
      ).member.id,
    boardId,
  );
  const unsent = () =>
    page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('ideamill.unsent.')),
    );

  // Written at the workshop, sent, and kept with the board's copy.
  await addNoteByDoubleClick(page, 0.25, 0.25, 'Written at the workshop');
  await expect.poll(unsent, { timeout: 10_000 }).toEqual([]);
  const sentAt = Date.now();
  await expect
    .poll(() => boardCopyKeptAt(page, `${boardId}/mine/${memberId}`), { timeout: 20_000 })
    .toBeGreaterThan(sentAt);
  await expect.poll(() => boardCopyKeptAt(page, boardId), { timeout: 10_000 }).not.toBeNull();

  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('copy-banner').waitFor();
  await page.getByTestId('silent-writing-banner').waitFor();
  await expect.poll(() => shownNotes(page)).toEqual(['Written at the workshop']);
  await addNoteByDoubleClick(page, 0.75, 0.75, 'Private, from the train');
  await expect.poll(unsent).toHaveLength(1);

  await context.setOffline(false);
  await waitForConnection(page);
  await expect.poll(() => page.getByTestId('copy-banner').count()).toBe(0);
  await expect.poll(unsent, { timeout: 10_000 }).toEqual([]);
  expect((await shownNotes(page)).sort()).toEqual([
    'Private, from the train',
    'Written at the workshop',
  ]);
  // Still nobody else's to see; the reveal brings each note once.
  expect(notes()).toEqual([]);
  expect((await silentWriting({ action: 'reveal' })).body).toEqual({ revealed: 2 });
  await expect
    .poll(() => notes().sort())
    .toEqual(['Private, from the train', 'Written at the workshop']);
  await expect
    .poll(async () => (await shownNotes(page)).sort())
    .toEqual(['Private, from the train', 'Written at the workshop']);
  facilitator.destroy();
  await context.close();
});

it('a proxy saying the server is down (502, as nginx while it restarts) shows the board as last had, and it is live again once the server is up', async () => {
  const created = await server.createBoard({ title: 'Upgrade day' });
  const { context, page } = await openBoard(browser, created.links.participant, 'Aino');
  await waitForConnection(page);
  await assetsKept(page);
  await expect
    .poll(() => boardCopyKeptAt(page, created.board.id), { timeout: 10_000 })
    .not.toBeNull();
  // What nginx answers for the page, the API and Socket.io while the server behind it restarts:
  // 502 for plain requests, and no WebSocket upgrade.
  let down = true;
  const badGateway = (route: Route) =>
    route.fulfill({
      status: 502,
      contentType: 'text/html',
      body: '<html><body><center><h1>502 Bad Gateway</h1></center></body></html>',
    });
  const routed = (url: URL) =>
    ['/b/', '/api/', '/socket.io/'].some((path) => url.pathname.startsWith(path));
  await context.route(routed, badGateway);
  await context.routeWebSocket(
    (url) => url.pathname.startsWith('/socket.io/'),
    (ws) => (down ? ws.close() : ws.connectToServer()),
  );
  await page.reload();
  await page.getByTestId('copy-banner').waitFor();
  expect(await page.getByTestId('board-title').textContent()).toBe('Upgrade day');
  expect(await page.getByTestId('connection').getAttribute('data-status')).not.toBe('connected');
  down = false;
  await context.unroute(routed, badGateway);
  await waitForConnection(page);
  expect(await page.getByTestId('copy-banner').count()).toBe(0);
  await context.close();
});

it('a copy damaged in the browser’s storage is no copy: the page opens, waits for the board, and forgets it', async () => {
  const created = await server.createBoard({ title: 'Damaged copy' });
  const boardId = created.board.id;
  const { context, page } = await openBoard(browser, created.links.participant, 'Aino');
  await waitForConnection(page);
  await assetsKept(page);
  await expect.poll(() => boardCopyKeptAt(page, boardId), { timeout: 10_000 }).not.toBeNull();
  // Bytes no Yjs update is made of, where the state was.
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const opened = indexedDB.open('ideamill');
        opened.onsuccess = () => {
          const store = opened.result
            .transaction('board-copies', 'readwrite')
            .objectStore('board-copies');
          const read = store.get(id);
          read.onsuccess = () => {
            store.put({ ...read.result, state: new Uint8Array([1, 2, 3, 250, 7, 9]) });
            store.transaction.oncomplete = () => {
              opened.result.close();
              resolve();
            };
          };
        };
        opened.onerror = () => reject(opened.error);
      }),
    boardId,
  );
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('board-title').waitFor();
  expect(await page.getByTestId('copy-banner').count()).toBe(0);
  await expect.poll(() => boardCopyKeptAt(page, boardId)).toBeNull();
  await context.setOffline(false);
  await waitForConnection(page);
  await context.close();
});
