/**
 * Pinned items on the canvas: a customer journey's labels stay put for a participant (no drag,
 * no resize handle, no editing, no delete; a small pin says why), who still adds notes into
 * its lanes; a facilitator unpins and pins from the selection bar, with the keyboard too. A
 * plain Yjs client judges what the board got; a screenshot of the participant's view is kept
 * (.exp/pinned-journey-participant.png), and one of the outline (.exp/pinned-journey-outline.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ItemMap, itemsOf, readItems } from '../../shared/board-document.ts';
import { openBoard, showView, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { sleep, socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { centreOf, drag, item, zoomToFit } from './canvas-helpers.ts';

const SHOTS = path.resolve('.exp');

describe.skipIf(!HAS_CHROMIUM)('pinned items on the canvas', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A customer journey, a Yjs reader on it, and the ids of its title and first lane. */
  async function journey() {
    const created = await server.createBoard({ title: 'Journey', template: 'customer-journey' });
    const viewer = await server.join(created.board.id, created.keys.viewer, 'Reader');
    const reader = socketIoClient(server.url, created.board.id, viewer.token);
    await reader.synced;
    const find = (words: string) =>
      readItems(reader.doc).find(
        (entry) =>
          ('text' in entry && entry.text === words) || ('title' in entry && entry.title === words),
      )!.id;
    const title = find('Customer journey');
    const lane = find('People');
    const map = (id: string) => itemsOf(reader.doc).get(id) as ItemMap;
    return { created, reader, title, lane, map };
  }

  async function boardAs(page: Page) {
    await waitForConnection(page);
    await page.locator('.im-world [data-item-id]').first().waitFor();
    await zoomToFit(page);
  }

  const selectionBar = (page: Page) => page.getByRole('toolbar', { name: 'Selected items' });
  const editors = (page: Page) => page.locator('.im-world textarea, .im-title-input');
  const offsetOf = async (element: Locator) => {
    const box = (await element.boundingBox())!;
    return { x: Math.round(box.x), y: Math.round(box.y) };
  };

  it("a participant cannot drag, resize, edit or delete a journey's labels, and adds notes into its lanes", async () => {
    const { created, reader, title, lane, map } = await journey();
    const { context, page } = await openBoard(browser, created.links.participant, 'Pia');
    try {
      await boardAs(page);
      // Every label, stage and lane carries the pin, named for screen readers.
      await expect.poll(() => page.getByRole('img', { name: 'Pinned' }).count()).toBe(11);
      const label = item(page, title);
      expect(await label.getAttribute('data-pinned')).toBe('true');
      await page.screenshot({ path: path.join(SHOTS, 'pinned-journey-participant.png') });

      // A drag moves nothing, here or on the board, and says why.
      const before = await offsetOf(label);
      const from = await centreOf(label.locator('[data-item-text]'));
      await drag(page, from, { x: from.x + 160, y: from.y + 120 });
      const notice = page.getByTestId('canvas-notice');
      await expect
        .poll(() => notice.textContent())
        .toBe('1 pinned item was not moved: only a facilitator can change pinned items.');
      await sleep(300);
      expect(await offsetOf(label)).toEqual(before);
      expect(map(title).get('x')).toBe(0);

      // Selected: no selection bar (no delete, no colours), no resize handle.
      expect(await label.getAttribute('class')).toContain('is-selected');
      expect(await selectionBar(page).count()).toBe(0);
      expect(await label.locator('[data-handle="resize"]').count()).toBe(0);
      // Delete and Enter do nothing to it; a double-click opens no editor.
      await label.focus();
      await page.keyboard.press('Delete');
      await expect
        .poll(() => notice.textContent())
        .toBe('1 pinned item was not deleted: only a facilitator can change pinned items.');
      await page.keyboard.press('Enter');
      await label.locator('[data-item-text]').dblclick();
      await sleep(300);
      expect(await editors(page).count()).toBe(0);
      expect(itemsOf(reader.doc).has(title)).toBe(true);
      expect(readItems(reader.doc).find((entry) => entry.id === title)).toMatchObject({
        text: 'Customer journey',
        x: 0,
        pinned: true,
      });

      // A lane is pinned, yet a double-click inside it adds a note there.
      const laneBox = (await item(page, lane).boundingBox())!;
      await page.keyboard.press('Escape');
      await page.mouse.dblclick(laneBox.x + laneBox.width * 0.45, laneBox.y + laneBox.height * 0.6);
      await page.locator('.im-note textarea.im-editor').waitFor();
      await page.keyboard.type('Queue at the desk');
      await page.keyboard.press('Escape');
      await waitFor(
        () =>
          readItems(reader.doc).some(
            (entry) =>
              entry.type === 'note' && entry.text === 'Queue at the desk' && entry.parent === lane,
          ),
        'the note in the lane',
      );
      expect(map(lane).get('x')).toBe(0);

      // The outline reads the labels as the board's structure, not among the ideas.
      await showView(page, 'outline');
      const labels = page.locator('[data-outline-labels]');
      await expect
        .poll(() => labels.first().textContent())
        .toBe(
          'Pinned labels: Customer journey · Need arises · Finding the service · First contact · Using the service · Afterwards',
        );
      const listed = await page.locator('.ol-list').allTextContents();
      expect(listed.join('\n')).toContain('Queue at the desk');
      expect(listed.join('\n')).not.toContain('Customer journey');
      expect(listed.join('\n')).not.toContain('Need arises');
      await page.screenshot({ path: path.join(SHOTS, 'pinned-journey-outline.png') });
    } finally {
      await context.close();
      reader.destroy();
    }
  });

  it('a facilitator unpins and pins from the selection bar, and moves what is unpinned', async () => {
    const { created, reader, title, map } = await journey();
    const { context, page } = await openBoard(browser, created.links.facilitator, 'Fia');
    try {
      await boardAs(page);
      const label = item(page, title);
      await label.locator('[data-item-text]').click();
      const bar = selectionBar(page);
      const unpin = bar.getByRole('button', { name: 'Unpin' });
      await unpin.click();
      await waitFor(() => !map(title).has('pinned'), 'unpinned on the board');
      await expect.poll(() => label.getAttribute('data-pinned')).toBeNull();
      expect(await label.getByRole('img', { name: 'Pinned' }).count()).toBe(0);

      // Unpinned, it moves with a drag.
      const from = await centreOf(label.locator('[data-item-text]'));
      await drag(page, from, { x: from.x + 80, y: from.y });
      await waitFor(() => (map(title).get('x') as number) > 0, 'the label moved');

      // Pinned again from the keyboard: the bar's button answers Enter.
      const pin = bar.getByRole('button', { name: 'Pin', exact: true });
      await pin.focus();
      await page.keyboard.press('Enter');
      await waitFor(() => map(title).get('pinned') === true, 'pinned on the board');
      await bar.getByRole('button', { name: 'Unpin' }).waitFor();
      expect(await label.getByRole('img', { name: 'Pinned' }).count()).toBe(1);
    } finally {
      await context.close();
      reader.destroy();
    }
  });
});
