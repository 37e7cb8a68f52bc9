/**
 * The canvas for screen readers and keyboards: axe-core finds no serious or critical problem
 * in it (with every kind of item, a selection and the shortcut list open), items are named
 * by type and text, and the browser's own find reaches text on the board.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, forEachItemMap } from '../../shared/board-document.ts';
import { seriousAxeViolations } from '../helpers/axe.ts';
import {
  type OpenedBoard,
  openBoard,
  SCREENSHOTS,
  waitForConnection,
} from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item, zoomToFit } from './canvas-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('the canvas for assistive technology', () => {
  let server: TestServer;
  let browser: Browser;
  let me: OpenedBoard;
  let noteId = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'A11y', template: 'concept-canvas' });
    const joined = await server.join(created.board.id, created.keys.facilitator, 'Observer');
    const observer = socketIoClient(server.url, created.board.id, joined.token);
    await observer.synced;
    observer.doc.transact(() => {
      // The template's frame comes pinned: unpinned, the participant writes its title (the
      // editor is what is tested here). A pinned heading keeps a pin mark on the board for axe.
      forEachItemMap(observer.doc, (map) => map.delete('pinned'));
      noteId = addItem(observer.doc, { type: 'note', x: 700, y: 0, text: 'Night bus timetable' });
      const other = addItem(observer.doc, {
        type: 'text',
        x: 700,
        y: 300,
        text: 'Heading',
        pinned: true,
      });
      addItem(observer.doc, { type: 'connector', x: 0, y: 0, from: noteId, to: other });
      addItem(observer.doc, { type: 'stroke', x: 0, y: 0, points: [700, 500, 760, 540, 820, 500] });
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.destroy();
    me = await openBoard(browser, created.links.participant, 'Aino');
    await waitForConnection(me.page);
    await item(me.page, noteId).waitFor();
    await zoomToFit(me.page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no serious or critical axe violations, also with a selection and the help open', async () => {
    const page = me.page;
    expect(await seriousAxeViolations(page, '.im-canvas')).toEqual([]);
    await item(page, noteId).click();
    await page.locator('.im-selection-bar').waitFor();
    expect(await seriousAxeViolations(page, '.im-canvas')).toEqual([]);
    await page.keyboard.press('?');
    await page.locator('dialog.im-help').waitFor();
    expect(await seriousAxeViolations(page, '.im-canvas')).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'canvas-help.png') });
    await page.keyboard.press('Escape');
  });

  it('names every item by its type and text, and tool buttons by their shortcut', async () => {
    const page = me.page;
    expect(await item(page, noteId).getAttribute('aria-label')).toBe('Note: Night bus timetable');
    expect(await item(page, noteId).getAttribute('aria-roledescription')).toBe('Note');
    const concept = page.locator('[data-item-type="concept"]');
    expect(await concept.getAttribute('aria-label')).toBe('Concept card: New service concept');
    expect(await page.locator('.im-toolbar [data-tool="pen"]').getAttribute('aria-label')).toBe(
      'Pen (P)',
    );
  });

  it('Tab walks through the items, each with a visible focus ring', async () => {
    const page = me.page;
    await page.locator('.im-surface').focus();
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const id = el?.getAttribute('data-item-id');
        return id ? { id, outline: getComputedStyle(el!).outlineStyle } : null;
      });
      if (!focused) continue;
      seen.add(focused.id);
      expect(focused.outline).not.toBe('none');
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });

  it("the browser's find sees text on the board (it is real text, not pixels)", async () => {
    const found = await me.page.evaluate('window.find("Night bus timetable")');
    expect(found).toBe(true);
  });

  it("a frame's title editor says which frame's title it is; a concept card's that it is the concept's name", async () => {
    const page = me.page;
    const frame = page.locator('[data-item-type="frame"]');
    const frameName = (await frame.getAttribute('aria-label')) ?? '';
    expect(frameName).toMatch(/^Frame: ./);
    await frame.locator('[data-handle="title"]').dblclick();
    // Lifted above the items while it is written (FrameTitle.tsx), it is still heard inside
    // the frame it names, as it was when it sat in the frame's own element.
    const input = page
      .getByRole('group', { name: frameName, exact: true })
      .getByRole('textbox', { name: 'Edit title' });
    await input.waitFor();
    expect(await input.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await seriousAxeViolations(page, '.im-canvas')).toEqual([]);
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'detached' });
    const concept = page.locator('[data-item-type="concept"]');
    await concept.locator('.im-concept-title').dblclick();
    await page
      .getByRole('group', { name: 'Concept card: New service concept', exact: true })
      .getByRole('textbox', { name: 'Concept name' })
      .waitFor();
    await page.keyboard.press('Escape');
  });
});
