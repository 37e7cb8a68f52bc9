/**
 * A page whose clock is days off (QA, time): what it writes into the board with a time takes the
 * server's, which the board state tells it, so a late laptop's notes do not sort first.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readItems } from '../../shared/board-document.ts';
import { addNoteInOutline, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const TWO_DAYS = 2 * 24 * 3_600_000;

describe.skipIf(!HAS_CHROMIUM)('a page with its clock two days behind', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("stamps a new note with the server's time, not its own", async () => {
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const joined = await server.join(id, board.keys.participant, 'Late Lauri');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(
      ([key, membership, skew]) => {
        localStorage.setItem(key, membership);
        const realNow = Date.now.bind(Date);
        Date.now = () => realNow() - skew;
      },
      [`ideamill.board.${id}`, JSON.stringify(joined), TWO_DAYS] as const,
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/b/${id}`);
    await waitForConnection(page);
    expect(await page.evaluate(() => Date.now())).toBeLessThan(Date.now() - TWO_DAYS + 60_000);
    await addNoteInOutline(page, 'Written on a late laptop');
    const observer = socketIoClient(server.url, id, tokens.viewer);
    await observer.synced;
    const written = () =>
      readItems(observer.doc).find(
        (item) => item.type === 'note' && item.text === 'Written on a late laptop',
      );
    await waitFor(() => written() !== undefined, 'the note');
    expect(Math.abs((written()?.createdAt ?? 0) - Date.now())).toBeLessThan(60_000);
    observer.destroy();
    await context.close();
  });
});
