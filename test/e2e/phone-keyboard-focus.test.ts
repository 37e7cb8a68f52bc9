/**
 * A phone with a keyboard (390 × 844, touch, and a keyboard case or a Bluetooth one): the ring
 * that shows where the keyboard is and the selection agree. A finger that picked a note up and
 * moved it selected it, but a browser moves the focus only on a tap, so the ring stayed on the
 * note the arrows had reached before Escape: the next Delete or arrow acted on one note while
 * the ring said another (QA). The desktop's rules stay (keyboard-focus.test.ts): keyboard focus
 * selects, Escape clears the selection, and the focus stays on the board.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item } from './canvas-helpers.ts';
import { openAs, type Person, screenshot, seededBoard } from './workshop-helpers.ts';

const PHONE = { width: 390, height: 844, touch: true } as const;

/** The items drawn with the keyboard's ring, and the items selected. */
function ringAndSelection(page: Page) {
  return page.evaluate(() => {
    const ids = (selector: string) =>
      [...document.querySelectorAll(selector)].map((element) =>
        element.getAttribute('data-item-id'),
      );
    return {
      ring: ids('[data-item-id]:focus-visible'),
      selected: ids('[data-item-id].is-selected'),
    };
  });
}

describe.skipIf(!HAS_CHROMIUM)('the keyboard on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let pia: Person;
  let notes: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const seeded = await seededBoard(server, 'Keys on a phone', [
      { type: 'note', x: 0, y: 0, text: 'Shorter queues' },
      { type: 'note', x: 0, y: 240, text: 'Friendlier letters' },
      { type: 'note', x: 0, y: 480, text: 'Chat on the website' },
    ]);
    notes = seeded.ids;
    pia = await openAs(browser, server, seeded.boardId, seeded.keys.participant, 'Pia', PHONE);
    await item(pia.page, notes[2]!).waitFor();
    await pia.page.waitForTimeout(400);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Taps the middle of a note's words: a finger picking it. */
  async function tap(id: string) {
    await item(pia.page, id).locator('[data-item-text]').tap();
    await pia.page.locator(`[data-item-id="${id}"].is-selected`).waitFor();
    await pia.page.waitForTimeout(100);
  }

  /** A finger on a note's words, moved 60 px down in steps and lifted: a drag, not a tap. */
  async function dragByFinger(id: string) {
    const page = pia.page;
    const box = (await item(page, id).locator('[data-item-text]').boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + 10 };
    const cdp = await pia.context.newCDPSession(page);
    const touch = (
      type: 'touchStart' | 'touchMove' | 'touchEnd',
      points: { x: number; y: number }[],
    ) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map((p, n) => ({ x: p.x, y: p.y, id: n })),
      });
    await touch('touchStart', [at]);
    for (let i = 1; i <= 6; i++) await touch('touchMove', [{ x: at.x, y: at.y + i * 10 }]);
    await touch('touchEnd', []);
    await cdp.detach();
    await page.locator(`[data-item-id="${id}"].is-selected`).waitFor();
    await page.waitForTimeout(100);
  }

  /** Picks the first note, then arrows down to the second, ring and selection together, then Escape. */
  async function arrowThenEscape() {
    const page = pia.page;
    const [first, second] = notes as [string, string];
    // Each case from a page just opened.
    await page.reload();
    await item(page, notes[2]!).waitFor();
    await page.waitForTimeout(400);
    await tap(first);
    // A tap draws no ring: nothing says the keyboard is in use.
    expect((await ringAndSelection(page)).ring).toEqual([]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => ringAndSelection(page)).toEqual({ ring: [second], selected: [second] });
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await ringAndSelection(page)).selected).toEqual([]);
  }

  /**
   * After the arrows and Escape, a finger picks the third note (`pick`): the ring is on it or on
   * no note, and the keyboard goes on from it, up to the one above it.
   */
  async function afterEscapeAFinger(pick: (id: string) => Promise<void>, shot: string) {
    const page = pia.page;
    const [, second, third] = notes as [string, string, string];
    await arrowThenEscape();
    await pick(third);
    await screenshot(page, shot);
    const after = await ringAndSelection(page);
    expect(after.selected).toEqual([third]);
    expect([[], [third]]).toContainEqual(after.ring);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => ringAndSelection(page)).toEqual({ ring: [second], selected: [second] });
    expect(pia.errors).toEqual([]);
  }

  it('after Escape, a note a finger drags has the ring, or no note has', async () => {
    await afterEscapeAFinger(dragByFinger, 'phone-keyboard-focus-drag');
  });

  it('without the keyboard, a note a finger drags from another draws no ring', async () => {
    const page = pia.page;
    const [first, , third] = notes as [string, string, string];
    await page.reload();
    await item(page, third).waitFor();
    await page.waitForTimeout(400);
    await tap(first);
    await dragByFinger(third);
    expect(await ringAndSelection(page)).toEqual({ ring: [], selected: [third] });
    expect(pia.errors).toEqual([]);
  });

  it('after Escape, a note tapped has the ring, or no note has', async () => {
    await afterEscapeAFinger(tap, 'phone-keyboard-focus-tap');
  });
});
