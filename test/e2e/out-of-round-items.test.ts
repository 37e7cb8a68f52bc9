/**
 * During a round, an item the round leaves out never stands between a person and an item in
 * it. QA (a11y, D3): in a round of concept cards, a note lying over a card's foot hid the card's
 * vote dot and took the click (a mouse) or the tap (a tablet) meant for it: nobody could vote
 * for the card. Now the note lies beneath the card until the round ends; where nothing of the
 * round lies over it, it still takes the pointer (dragged into a frame round's frame, a note
 * comes into the round). Screenshot for review: test-results/screenshots/out-of-round-items.png.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item, overlayOf } from './canvas-helpers.ts';
import { FILLED_FIELDS, openAs, screenshot, seededBoard } from './workshop-helpers.ts';

const TABLET = { width: 820, height: 1180, touch: true } as const;

/** What is on top at the middle of `locator`: it (or inside it), or what covers it, named. */
function onTopAtMiddle(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (top !== null && (top === element || element.contains(top))) return 'itself';
    return top?.closest('[aria-label]')?.getAttribute('aria-label') ?? String(top?.className);
  });
}

describe.skipIf(!HAS_CHROMIUM)('items a round leaves out', () => {
  let server: TestServer;
  let browser: Browser;
  let board: Awaited<ReturnType<typeof seededBoard>>;
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
        w: 300,
        h: 400,
        title: 'Book locker pickup',
        fields: FILLED_FIELDS,
      },
      // Put down near the card, as a double-click does: over its foot, where its dots are.
      { type: 'note', x: 150, y: 300, w: 200, h: 200, text: 'Return books at any shop' },
    ]);
    [card = '', note = ''] = board.ids;
    const opened = await board.post<{ round: { id: string } }>('/rounds', {
      title: 'Concepts',
      budget: 2,
      maxPerItem: 1,
      itemTypes: ['concept'],
    });
    roundId = opened.round.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function voteOnCard(page: Page, touch: boolean) {
    const add = overlayOf(page, card).locator('.wk-dot-add');
    await add.waitFor();
    await overlayOf(page, note).locator('[data-out-of-play]').waitFor();
    // The note lies over the card's foot, and the dot shows whole, on top.
    const noteBox = (await item(page, note).boundingBox())!;
    const addBox = (await add.boundingBox())!;
    expect(addBox.x + addBox.width).toBeGreaterThan(noteBox.x);
    expect(addBox.y + addBox.height).toBeGreaterThan(noteBox.y);
    expect(await onTopAtMiddle(add)).toBe('itself');
    if (touch) await add.tap({ timeout: 5000 });
    else await add.click({ timeout: 5000 });
    await overlayOf(page, card).locator('.wk-dot-mine').waitFor();
  }

  it('with a mouse, the card a note lay over shows its vote dot whole and takes the vote, and a click where both lie', async () => {
    const emma = await openAs(browser, server, board.boardId, board.keys.participant, 'Emma');
    await voteOnCard(emma.page, false);
    await screenshot(emma.page, 'out-of-round-items');
    // A click on the note where it lies over the card is the card's while the round runs.
    const noteBox = (await item(emma.page, note).boundingBox())!;
    await emma.page.mouse.click(noteBox.x + 30, noteBox.y + 20);
    await emma.page.locator(`[data-item-id="${card}"].is-selected`).waitFor();
    expect(await emma.page.locator(`[data-item-id="${note}"].is-selected`).count()).toBe(0);
    // Below the card, the note is there to be picked (and dragged).
    await emma.page.mouse.click(noteBox.x + noteBox.width / 2, noteBox.y + noteBox.height * 0.85);
    await emma.page.locator(`[data-item-id="${note}"].is-selected`).waitFor();
    expect(emma.errors).toEqual([]);
    await emma.context.close();
  });

  it('on a tablet, a tap on the card’s vote dot under a note votes', async () => {
    const raj = await openAs(browser, server, board.boardId, board.keys.participant, 'Raj', TABLET);
    await voteOnCard(raj.page, true);
    expect(raj.errors).toEqual([]);
    await raj.context.close();
  });

  it('once the round ends, the note lies over the card again and takes its clicks there', async () => {
    const maria = await openAs(browser, server, board.boardId, board.keys.facilitator, 'Maria');
    const { page } = maria;
    await overlayOf(page, note).locator('[data-out-of-play]').waitFor();
    await board.post(`/rounds/${roundId}/close`);
    await overlayOf(page, note).locator('[data-out-of-play]').waitFor({ state: 'detached' });
    const noteBox = (await item(page, note).boundingBox())!;
    await page.mouse.click(noteBox.x + 30, noteBox.y + 20);
    await page.locator(`[data-item-id="${note}"].is-selected`).waitFor();
    expect(maria.errors).toEqual([]);
    await maria.context.close();
  });
});
