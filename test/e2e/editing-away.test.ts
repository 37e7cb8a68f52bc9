/**
 * Typing in a note, a person switches to another tab or program (to copy a sentence from an
 * e-mail) and comes back: the note is still being edited where they left it. Focus emulation
 * is turned off, so that the page loses the focus as a real window does.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addItem, type Item, itemsOf, readItems } from '../../shared/board-document.ts';
import { openBoard, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { item, zoomToFit } from './canvas-helpers.ts';

type Note = Extract<Item, { type: 'note' | 'text' }>;

/** Another tab comes to the front, then this one again. */
async function awayAndBack(page: Page): Promise<void> {
  const other = await page.context().newPage();
  await other.bringToFront();
  await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(false);
  await page.bringToFront();
  await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(true);
  await other.close();
}

describe.skipIf(!HAS_CHROMIUM)('coming back to a note being edited', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('goes on with the same note, and a frame title too', async () => {
    const created = await server.createBoard({ title: 'Away and back' });
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const observer = socketIoClient(server.url, id, fia.token);
    await observer.synced;
    const noteId = addItem(observer.doc, { type: 'note', x: 0, y: 0, text: 'Customer says:' });
    const frameId = addItem(observer.doc, { type: 'frame', x: 400, y: 0, title: 'Lane' });
    const notes = () => readItems(observer.doc).filter((i): i is Note => i.type === 'note');

    const me = await openBoard(browser, created.links.facilitator, 'Fran');
    const { page } = me;
    const cdp = await me.context.newCDPSession(page);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    await waitForConnection(page);
    await item(page, noteId).waitFor();
    await zoomToFit(page);

    await item(page, noteId).click();
    await page.keyboard.press('Enter');
    const editor = page.locator(`[data-item-id="${noteId}"] textarea`);
    await editor.waitFor();
    await page.keyboard.press('End');
    await page.keyboard.type(' the queue');
    await awayAndBack(page);
    // Still editing, with the caret where it was.
    expect(await editor.evaluate((area) => area === document.activeElement)).toBe(true);
    await page.keyboard.type(' is too long');
    await page.keyboard.press('Escape');
    await waitFor(
      () => notes()[0]?.text === 'Customer says: the queue is too long',
      'the sentence finished in the same note',
    );
    expect(notes()).toHaveLength(1);

    // A frame's title likewise.
    await page.locator(`[data-item-id="${frameId}"] [data-handle="title"]`).dblclick();
    await page.keyboard.press('End');
    await page.keyboard.type(' one');
    await awayAndBack(page);
    await page.keyboard.type(' more');
    await page.keyboard.press('Enter');
    await waitFor(
      () =>
        (readItems(observer.doc).find((i) => i.id === frameId) as { title?: string })?.title ===
        'Lane one more',
      'the frame title finished',
    );
    expect(itemsOf(observer.doc).size).toBe(2);
    observer.destroy();
    await me.context.close();
  });
});
