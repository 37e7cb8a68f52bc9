/**
 * Someone else deletes the note I am typing in. Editing ends, the keyboard stays on the canvas,
 * and the rest of what I type is not taken for shortcuts: no tool switches, and Backspace or
 * Delete removes nothing of what I had selected beside the note. A status says what happened.
 * The same for a frame's title, whose editor lies outside the frame's element while it is open.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addItem, itemsOf, readItems } from '../../shared/board-document.ts';
import { openBoard, SCREENSHOTS, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { sleep, socketIoClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { item } from './canvas-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('the note I am typing in is deleted by someone else', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  for (const locale of ['en-US', 'fi-FI'] as const) {
    it(`editing ends quietly and my typing changes nothing else (${locale})`, async () => {
      const { board, tokens } = await server.boardWithMembers();
      const other = socketIoClient(server.url, board.board.id, tokens.facilitator);
      await other.synced;
      const keepId = addItem(other.doc, { type: 'note', x: 0, y: 0, text: 'Keep me' });
      const typedId = addItem(other.doc, { type: 'note', x: 260, y: 0, text: 'Typed' });
      const { context, page } = await openBoard(browser, board.links.participant, 'Aino', locale);
      await waitForConnection(page);
      await item(page, typedId).waitFor();
      await page.waitForTimeout(300); // the first view's zoom to fit

      // Both notes selected, then typing into one of them.
      await item(page, keepId).click();
      await item(page, typedId).click({ modifiers: ['Shift'] });
      await item(page, typedId).dblclick();
      const editor = page.locator('textarea.im-editor');
      await editor.waitFor();
      await page.keyboard.type(' and more');
      expect(await page.locator('.im-item.is-selected').count()).toBe(2);

      other.doc.transact(() => itemsOf(other.doc).delete(typedId));
      await editor.waitFor({ state: 'detached' });
      // The rest of the sentence, a correction, and Delete: meant for the text, not the board.
      await page.keyboard.type('ideas here');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Delete');

      expect(await page.locator('.im-surface').getAttribute('data-tool')).toBe('select');
      await sleep(300);
      expect(readItems(other.doc).map((i) => i.id)).toEqual([keepId]);
      expect(await item(page, keepId).count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.className)).toContain('im-surface');

      const notice = page.getByTestId('canvas-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toBe(
        locale === 'en-US'
          ? 'Someone else, or you in another window, deleted the note you were editing.'
          : 'Joku muu – tai sinä toisessa ikkunassa – poisti muistilapun, jota muokkasit.',
      );
      expect(await notice.locator('xpath=..').getAttribute('aria-live')).toBe('polite');
      await page.screenshot({ path: `${SCREENSHOTS}/canvas-deleted-while-editing-${locale}.png` });

      // After a pause the keys are shortcuts again.
      await sleep(1600);
      await page.keyboard.press('n');
      expect(await page.locator('.im-surface').getAttribute('data-tool')).toBe('note');

      other.destroy();
      await context.close();
    });
  }
  it('a frame whose title I am writing is deleted, or the board locked: the keyboard stays on the canvas', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const other = socketIoClient(server.url, board.board.id, tokens.facilitator);
    await other.synced;
    const stage = addItem(other.doc, { type: 'frame', x: 0, y: 0, w: 600, h: 400, title: 'Stage' });
    const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
    await waitForConnection(page);
    await item(page, stage).waitFor();
    await page.waitForTimeout(300); // the first view's zoom to fit
    const editor = page.locator('.im-title-input');
    const focused = () => page.evaluate(() => document.activeElement?.className ?? '');

    // The title editor is lifted out of the frame's element while it is open (FrameTitle.tsx).
    await item(page, stage).locator('[data-handle="title"]').dblclick();
    await editor.waitFor();
    await page.keyboard.type(' one');
    other.doc.transact(() => itemsOf(other.doc).delete(stage));
    await editor.waitFor({ state: 'detached' });
    await page.keyboard.type('two');
    expect(await focused()).toContain('im-surface');
    expect(await page.locator('.im-surface').getAttribute('data-tool')).toBe('select');

    const again = addItem(other.doc, { type: 'frame', x: 0, y: 0, w: 600, h: 400, title: 'Again' });
    await item(page, again).locator('[data-handle="title"]').dblclick();
    await editor.waitFor();
    await server.api(`/api/boards/${board.board.id}/lock`, {
      token: tokens.facilitator,
      body: { locked: true },
    });
    await editor.waitFor({ state: 'detached' });
    expect(await focused()).toContain('im-surface');

    other.destroy();
    await context.close();
  });
});
