/**
 * A winner's badge and follow-up mark stay in sight over notes laid out in rows (20 board units
 * apart, as new notes are placed): zoomed out, the foot hangs no further below its note than at
 * full size, so the next row's note, drawn over it, no longer covers it (QA: at the 36 % a
 * board opens at, the note below hid the "#1" badge and the follow-up mark of every winner).
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addItem } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { zoomTo } from './canvas-helpers.ts';
import { openAs, screenshot } from './workshop-helpers.ts';

/** How much of the marks on item `above` the box of item `below` covers, in screen px². */
function covered(page: Page, above: string, below: string): Promise<number> {
  return page.evaluate(
    ([top, next]) => {
      const lower = document
        .querySelector(`.im-world [data-item-id="${next}"]`)!
        .getBoundingClientRect();
      let area = 0;
      for (const mark of document.querySelectorAll(
        `.im-world [data-overlay-of="${top}"] .wk-badge, .im-world [data-overlay-of="${top}"] .wk-fu-mark`,
      )) {
        const box = mark.getBoundingClientRect();
        const across = Math.min(box.right, lower.right) - Math.max(box.left, lower.left);
        const down = Math.min(box.bottom, lower.bottom) - Math.max(box.top, lower.top);
        if (across > 0 && down > 0) area += across * down;
      }
      return area;
    },
    [above, below] as const,
  );
}

describe.skipIf(!HAS_CHROMIUM)("a winner's marks over notes in rows", () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('no note of the next row covers them, at full size or zoomed out', async () => {
    const created = await server.createBoard({ title: 'Weekly ideas' });
    const boardId = created.board.id;
    const fia = await server.join(boardId, created.keys.facilitator, 'Fia');
    const writer = socketIoClient(server.url, boardId, fia.token);
    await writer.synced;
    const winner = addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'Peer mentoring' });
    const below = addItem(writer.doc, { type: 'note', x: 0, y: 220, text: 'Shadowing day' });
    await waitFor(() => server.documents.open({ boardId }).doc.getMap('items').has(below));
    writer.destroy();
    const api = (route: string, body?: unknown) =>
      server.api<{ round: { id: string } }>(`/api/boards/${boardId}${route}`, {
        token: fia.token,
        method: 'POST',
        body,
      });
    const round = await api('/rounds', { title: 'Pick', budget: 2, anonymous: false });
    await api(`/rounds/${round.body.round.id}/votes`, { itemId: winner });
    await api(`/rounds/${round.body.round.id}/close`);
    await api('/followups', { itemId: winner, title: 'Pilot', owner: { name: 'Juha Korhonen' } });

    const aino = await openAs(browser, server, boardId, created.keys.participant, 'Aino');
    const { page } = aino;
    const marked = page.locator(`.im-world [data-item-id="${winner}"]`);
    await page.locator(`[data-overlay-of="${winner}"] .wk-fu-mark`).waitFor();
    for (const target of [1, 0.6, 0.36]) {
      const zoom = Math.round((await zoomTo(page, target, marked)) * 100);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
      await screenshot(page, `overlay-foot-rows-${zoom}`);
      expect(await covered(page, winner, below), `at ${zoom} %`).toBe(0);
    }
    await aino.context.close();
  });
});
