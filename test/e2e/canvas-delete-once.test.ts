/**
 * One Delete deletes what I selected, and no more, in real Chromium. QA: after a Delete the
 * keyboard's focus went on to the nearest note and selected it, "so Delete goes on through the
 * board": a second press (a double tap, a key held) deleted "Rota gaps on Fridays", a
 * colleague's note, and a third would have taken another, off screen as like as not. Now the
 * focus still goes on to the nearest item, so Tab and the arrows go on from there, but nothing
 * is selected until I choose it; the same after the selection bar's Delete, on a phone too.
 * What is left is read in the board's Yjs document, through a client of its own.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addItem, readItems } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { type Client, socketIoClient, waitFor } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { item } from './canvas-helpers.ts';
import { openAs, screenshot, seededBoard } from './workshop-helpers.ts';

const PHONE = { width: 390, height: 844, touch: true } as const;

/** My note at the left; a colleague's beside it (the nearest), two more further off. */
const COLLEAGUES = [
  { type: 'note', x: 240, y: 0, text: 'Rota gaps on Fridays' },
  { type: 'note', x: 480, y: 0, text: 'Night bus timetable' },
  { type: 'note', x: 0, y: 320, text: 'Quieter waiting room' },
] as const;
const MINE = { type: 'note', x: 0, y: 0, text: 'Bus stop shelter' } as const;

/** Which item has the focus, which are selected, and how the focused one's ring is drawn. */
function focusAndSelection(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {
      focused: active?.getAttribute('data-item-id') ?? null,
      ring: active?.matches('[data-item-id]:focus-visible')
        ? getComputedStyle(active).outlineStyle
        : null,
      selected: [...document.querySelectorAll('[data-item-id].is-selected')].map((element) =>
        element.getAttribute('data-item-id'),
      ),
    };
  });
}

describe.skipIf(!HAS_CHROMIUM)('Delete deletes what I selected, and no more', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  /** A board of the colleagues' notes and mine, open in Pia's page; `board` reads it. */
  async function boardWithMyNote(title: string, options: { touch?: boolean } = {}) {
    const seeded = await seededBoard(server, title, [...COLLEAGUES]);
    const pia = await openAs(browser, server, seeded.boardId, seeded.keys.participant, 'Pia', {
      ...(options.touch ? PHONE : {}),
    });
    const board: Client = socketIoClient(server.url, seeded.boardId, pia.token);
    await board.synced;
    const mine = addItem(board.doc, { ...MINE, author: pia.member.id });
    const [rota, nightBus, quieter] = seeded.ids as [string, string, string];
    await item(pia.page, mine).waitFor();
    await item(pia.page, quieter).waitFor();
    const left = () =>
      readItems(board.doc)
        .map((found) => found.id)
        .sort();
    return { pia, board, mine, rota, nightBus, quieter, left };
  }

  it('a second Delete, or a held one, deletes nothing: the focus is on the nearest note, not selected', async () => {
    const { mine, rota, nightBus, quieter, left, ...opened } = await boardWithMyNote('Delete once');
    const page = opened.pia.page;
    const others = [rota, nightBus, quieter].sort();
    try {
      await item(page, mine).click();
      await page.keyboard.press('Delete');
      await waitFor(() => !left().includes(mine), 'my note deleted');
      // The keyboard's place is kept on the nearest note, drawn with a dashed ring, not the
      // selection's, and nothing is selected: no selection bar to delete it with either.
      await expect
        .poll(() => focusAndSelection(page))
        .toEqual({ focused: rota, ring: 'dashed', selected: [] });
      expect(await page.locator('.im-selection-bar').count()).toBe(0);
      await screenshot(page, 'canvas-delete-once');

      // Delete again: nothing goes, and the canvas notice says why.
      await page.keyboard.press('Delete');
      await page
        .getByTestId('canvas-notice')
        .getByText('Nothing is selected, so nothing was deleted. Enter selects the item in focus.')
        .waitFor();
      // A key held down repeats: none of its repeats deletes anything either.
      await page.keyboard.down('Delete');
      await page.keyboard.down('Delete');
      await page.keyboard.down('Delete');
      await page.keyboard.up('Delete');
      await page.keyboard.press('Backspace');
      // Given time to reach the server and come back, had anything gone.
      await page.waitForTimeout(500);
      expect(left()).toEqual(others);
      expect(await focusAndSelection(page)).toEqual({
        focused: rota,
        ring: 'dashed',
        selected: [],
      });

      // The arrows go on from where the keyboard is: right of "Rota gaps", the night bus.
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => focusAndSelection(page))
        .toEqual({ focused: nightBus, ring: 'solid', selected: [nightBus] });
      expect(left()).toEqual(others);
      expect(opened.pia.errors).toEqual([]);
    } finally {
      opened.board.destroy();
    }
  });

  it('Enter selects the note in focus, and Delete then deletes it, and it alone', async () => {
    const { mine, rota, nightBus, quieter, left, ...opened } = await boardWithMyNote('Enter then');
    const page = opened.pia.page;
    try {
      await item(page, mine).click();
      await page.keyboard.press('Delete');
      await expect
        .poll(() => focusAndSelection(page))
        .toEqual({ focused: rota, ring: 'dashed', selected: [] });
      await page.keyboard.press('Enter');
      await expect
        .poll(() => focusAndSelection(page))
        .toEqual({ focused: rota, ring: 'solid', selected: [rota] });
      await page.keyboard.press('Delete');
      await waitFor(() => !left().includes(rota), 'the note chosen with Enter deleted');
      expect(left()).toEqual([nightBus, quieter].sort());
      await expect.poll(async () => (await focusAndSelection(page)).selected).toEqual([]);
      expect(opened.pia.errors).toEqual([]);
    } finally {
      opened.board.destroy();
    }
  });

  it("on a phone, the selection bar's Delete leaves nothing else selected", async () => {
    const { mine, rota, nightBus, quieter, left, ...opened } = await boardWithMyNote(
      'Delete once on a phone',
      { touch: true },
    );
    const page = opened.pia.page;
    try {
      await item(page, mine).locator('[data-item-text]').tap();
      const bar = page.getByRole('toolbar', { name: 'Selected items' });
      await bar.getByRole('button', { name: 'Delete', exact: true }).tap();
      await waitFor(() => !left().includes(mine), 'my note deleted');
      await expect.poll(async () => (await focusAndSelection(page)).selected).toEqual([]);
      await bar.waitFor({ state: 'detached' });
      // A finger gets no ring: the focus is kept on the board all the same.
      const after = await focusAndSelection(page);
      expect(after.ring).toBeNull();
      expect([rota, null]).toContain(after.focused);
      await page.waitForTimeout(500);
      expect(left()).toEqual([rota, nightBus, quieter].sort());
      expect(opened.pia.errors).toEqual([]);
    } finally {
      opened.board.destroy();
    }
  });
});
