/**
 * An item's overlay (its vote dots, result badge, follow-up mark, the facilitator's "Assign
 * follow-up") is never hidden by another item lying over it. QA (a11y, D3): a note put down over
 * a concept card's foot hid the card's badge and dots, and took the click meant for "Assign
 * follow-up" (Playwright: the note's "subtree intercepts pointer events"). Overlays are drawn in
 * a layer of their own above every item, at their item's place. Every click here is a real
 * mouse click at the control's place, not one sent to the element.
 * Screenshots for review: test-results/screenshots/overlays-above-items-*.png.
 */
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { centreOf, item, overlayOf } from './canvas-helpers.ts';
import {
  FILLED_FIELDS,
  openAs,
  type SeededBoard,
  screenshot,
  seededBoard,
} from './workshop-helpers.ts';

/** What is on top at the middle of `locator`: it (or inside it), or what covers it, named. */
function onTopAtMiddle(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (top !== null && (top === element || element.contains(top))) return 'itself';
    return top?.closest('[aria-label]')?.getAttribute('aria-label') ?? String(top?.className);
  });
}

/** Whether the note's box covers the middle of `locator`'s: the case this file is about. */
async function noteCovers(note: Locator, locator: Locator): Promise<boolean> {
  const box = (await note.boundingBox())!;
  const at = await centreOf(locator);
  return at.x > box.x && at.x < box.x + box.width && at.y > box.y && at.y < box.y + box.height;
}

describe.skipIf(!HAS_CHROMIUM)('overlays of an item with another item over it', () => {
  let server: TestServer;
  let browser: Browser;
  let board: SeededBoard;
  let card = '';
  let note = '';
  let roundId = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    board = await seededBoard(server, 'Library service concepts', [
      {
        type: 'concept',
        x: 0,
        y: 0,
        w: 260,
        h: 400,
        title: 'Book locker pickup',
        fields: FILLED_FIELDS,
      },
      // Put down after the card, so over it: across its whole foot, as a double-click near it does.
      { type: 'note', x: -20, y: 320, w: 300, h: 200, text: 'Return books at any shop' },
    ]);
    [card = '', note = ''] = board.ids;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('outside a round, the facilitator clicks the card’s "Assign follow-up" under the note', async () => {
    const maria = await openAs(browser, server, board.boardId, board.keys.facilitator, 'Maria');
    const { page } = maria;
    const title = item(page, card).locator('.im-concept-title');
    await title.hover();
    const assign = page.getByRole('button', { name: 'Assign follow-up', exact: true });
    await assign.waitFor();
    await page.waitForFunction(
      (button) => button !== null && getComputedStyle(button).opacity === '1',
      await assign.elementHandle(),
    );
    expect(await noteCovers(item(page, note), assign)).toBe(true);
    await screenshot(page, 'overlays-above-items-assign');
    expect(await onTopAtMiddle(assign)).toBe('itself');
    const at = await centreOf(assign);
    await page.mouse.click(at.x, at.y);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: 5000 });
    await dialog.getByLabel('Title').fill('Ask the city about lockers');
    await dialog.getByRole('button', { name: 'Create follow-up', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // Its follow-up mark shows on the card, on top of the note too.
    const mark = overlayOf(page, card).locator('.wk-fu-mark');
    await mark.waitFor();
    expect(await onTopAtMiddle(mark)).toBe('itself');
    expect(maria.errors).toEqual([]);
    await maria.context.close();
  });

  it('in a round of notes and cards, a participant votes for the card by its dot under the note', async () => {
    const opened = await board.post<{ round: { id: string } }>('/rounds', {
      title: 'Ideas',
      budget: 2,
      maxPerItem: 1,
      itemTypes: ['concept', 'note'],
    });
    roundId = opened.round.id;
    const emma = await openAs(browser, server, board.boardId, board.keys.participant, 'Emma');
    const { page } = emma;
    const add = overlayOf(page, card).locator('.wk-dot-add');
    await add.waitFor();
    // Both take votes: neither lies beneath the other for the round.
    await overlayOf(page, note).locator('.wk-dot-add').waitFor();
    expect(await noteCovers(item(page, note), add)).toBe(true);
    await screenshot(page, 'overlays-above-items-round');
    expect(await onTopAtMiddle(add)).toBe('itself');
    const at = await centreOf(add);
    await page.mouse.click(at.x, at.y);
    await overlayOf(page, card).locator('.wk-dot-mine').waitFor({ timeout: 5000 });
    expect(await overlayOf(page, note).locator('.wk-dot-mine').count()).toBe(0);
    expect(emma.errors).toEqual([]);
    await emma.context.close();
  });

  it('after the round, the card’s result badge shows whole over the note', async () => {
    await board.post(`/rounds/${roundId}/close`);
    const lena = await openAs(browser, server, board.boardId, board.keys.participant, 'Lena');
    const { page } = lena;
    const badge = overlayOf(page, card).locator('[data-result-rank="1"]');
    await badge.waitFor();
    expect(await noteCovers(item(page, note), badge)).toBe(true);
    await screenshot(page, 'overlays-above-items-result');
    expect(await onTopAtMiddle(badge)).toBe('itself');
    // A press on the badge is the card's: it selects the card, not the note beneath.
    const at = await centreOf(badge);
    await page.mouse.click(at.x, at.y);
    await page.locator(`[data-item-id="${card}"].is-selected`).waitFor();
    expect(await page.locator(`[data-item-id="${note}"].is-selected`).count()).toBe(0);
    expect(lena.errors).toEqual([]);
    await lena.context.close();
  });
});
