/**
 * Silent writing on the canvas: my new notes go to my private document, drawn marked as
 * private, absent from the shared board until the facilitator reveals them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Item, readItems } from '../../shared/board-document.ts';
import { type OpenedBoard, openBoard, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { sleep, socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { addNoteByDoubleClick, notesWithText } from './canvas-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('silent writing on the canvas', () => {
  let server: TestServer;
  let browser: Browser;
  let aino: OpenedBoard;
  let facilitator: ReturnType<typeof socketIoClient>;
  const sharedNotes = () =>
    readItems(facilitator.doc).filter(
      (i): i is Extract<Item, { type: 'note' | 'text' }> => i.type === 'note',
    );

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Silent' });
    const joined = await server.join(created.board.id, created.keys.facilitator, 'Fiona');
    facilitator = socketIoClient(server.url, created.board.id, joined.token);
    await facilitator.synced;
    aino = await openBoard(browser, created.links.participant, 'Aino');
    await waitForConnection(aino.page);
  });
  afterAll(async () => {
    facilitator?.destroy();
    await browser?.close();
    await server?.close();
  });

  it('my notes stay mine, marked private, until the facilitator reveals them', async () => {
    const page = aino.page;
    await new Promise((resolve) => facilitator.provider.socket.emit('silent:start', {}, resolve));
    await page.locator('.im-canvas[data-private-writing="true"]').waitFor();

    await addNoteByDoubleClick(page, 0.4, 0.4, 'My quiet idea');
    const mine = notesWithText(page, 'My quiet idea');
    await mine.waitFor();
    expect(await mine.getAttribute('data-private')).toBe('true');
    expect(await mine.locator('.im-private-badge').textContent()).toBe('Private');
    // Give a leak time to show: the shared board must still not have it.
    await sleep(500);
    expect(sharedNotes().map((n) => n.text)).not.toContain('My quiet idea');

    await new Promise((resolve) =>
      facilitator.provider.socket.emit('silent:reveal', { anonymous: false }, resolve),
    );
    await waitFor(
      () => sharedNotes().some((n) => n.text === 'My quiet idea'),
      'the revealed note on the shared board',
    );
    await page.locator('.im-canvas:not([data-private-writing])').waitFor();
    await expect.poll(() => notesWithText(page, 'My quiet idea').count()).toBe(1);
    expect(await notesWithText(page, 'My quiet idea').getAttribute('data-private')).toBeNull();
  });
});
