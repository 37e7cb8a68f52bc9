/**
 * Another member's selection is outlined in their colour where I can see the item, and not over
 * an item that lies above it: a note half under a concept card, a frame's edge under a card.
 * The outline drew on a layer above every item, across the card's words (QA). Measured by the
 * pixels of Bruno's colour on Aino's screen, in the covered part of the item and in the rest.
 * Screenshot for review: test-results/screenshots/remote-selection-covered.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item } from './canvas-helpers.ts';
import { FILLED_FIELDS, openAs, type Person, screenshot, seededBoard } from './workshop-helpers.ts';

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How many pixels in `rect` (page px) are within a small distance of colour `hex`. */
async function pixelsOf(page: Page, rect: Rect, hex: string): Promise<number> {
  const clip = {
    x: Math.round(rect.left),
    y: Math.round(rect.top),
    width: Math.max(1, Math.round(rect.right - rect.left)),
    height: Math.max(1, Math.round(rect.bottom - rect.top)),
  };
  const png = (await page.screenshot({ clip })).toString('base64');
  return page.evaluate(
    async ({ png, hex }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const blob = new Blob([bytes], { type: 'image/png' });
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const want = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const near = want.every((value, c) => Math.abs(data[i + c]! - value) <= 24);
        if (near) count += 1;
      }
      return count;
    },
    { png, hex },
  );
}

const boxOn = async (page: Page, id: string): Promise<Rect> => {
  const box = (await item(page, id).boundingBox())!;
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
};

const inset = (r: Rect, by: number): Rect => ({
  left: r.left + by,
  top: r.top + by,
  right: r.right - by,
  bottom: r.bottom - by,
});

const intersection = (a: Rect, b: Rect): Rect => ({
  left: Math.max(a.left, b.left),
  top: Math.max(a.top, b.top),
  right: Math.min(a.right, b.right),
  bottom: Math.min(a.bottom, b.bottom),
});

describe.skipIf(!HAS_CHROMIUM)("another member's selection under an item above it", () => {
  let server: TestServer;
  let browser: Browser;
  let aino: Person;
  let bruno: Person;
  let ids: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const seeded = await seededBoard(server, 'Covered', [
      // A note, then a card made later (drawn above it) over its right half.
      { type: 'note', x: 0, y: 0, text: 'Call back within a day' },
      { type: 'concept', x: 110, y: -40, w: 300, h: 300, title: 'Evening chat service' },
      // A frame, and a card over its right edge.
      { type: 'frame', x: 0, y: 420, w: 500, h: 300, title: 'Lane' },
      {
        type: 'concept',
        x: 420,
        y: 480,
        w: 260,
        h: 300,
        title: 'Booking',
        fields: FILLED_FIELDS,
      },
    ]);
    ids = seeded.ids;
    aino = await openAs(browser, server, seeded.boardId, seeded.keys.participant, 'Aino');
    bruno = await openAs(browser, server, seeded.boardId, seeded.keys.participant, 'Bruno');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Bruno picks item `id` by a click at `at` (fractions of its box), and Aino's pixels of his
   * colour are counted in the part of its edge `cover` lies over, and along its left edge,
   * which nothing covers.
   */
  async function brunosOutline(id: string, cover: string, at: { x: number; y: number }) {
    const target = item(bruno.page, id);
    const box = (await target.boundingBox())!;
    await bruno.page.mouse.click(box.x + box.width * at.x, box.y + box.height * at.y);
    await bruno.page.locator(`[data-item-id="${id}"].is-selected`).waitFor();
    const page = aino.page;
    await page.locator('.im-remote-selection').first().waitFor();
    await page.waitForTimeout(200);
    const color = bruno.member.color;
    const mine = await boxOn(page, id);
    const above = await boxOn(page, cover);
    // Inside the card, clear of its own border: where the item's edges lie under it.
    const covered = intersection(inset(above, 4), inset(mine, -4));
    const leftEdge = {
      left: mine.left - 4,
      top: mine.top + 40,
      right: mine.left + 4,
      bottom: mine.bottom - 40,
    };
    return {
      covered: await pixelsOf(page, covered, color),
      uncovered: await pixelsOf(page, leftEdge, color),
    };
  }

  it('outlines a note Bruno selected where it shows, not over the card that covers half of it', async () => {
    const [note, card] = ids as [string, string];
    const seen = await brunosOutline(note, card, { x: 0.2, y: 0.5 });
    await screenshot(aino.page, 'remote-selection-covered');
    expect(seen.uncovered, "his colour along the note's left edge").toBeGreaterThan(20);
    expect(seen.covered, 'his colour on the card above the note').toBe(0);
  });

  it('outlines a frame Bruno selected where it shows, not over the card on its edge', async () => {
    const [, , frame, card] = ids as [string, string, string, string];
    const seen = await brunosOutline(frame, card, { x: 0.1, y: 0.05 });
    await screenshot(aino.page, 'remote-selection-covered-frame');
    expect(seen.uncovered, "his colour along the frame's left edge").toBeGreaterThan(20);
    expect(seen.covered, 'his colour on the card over the frame').toBe(0);
    expect([...aino.errors, ...bruno.errors]).toEqual([]);
  });
});
