/**
 * Vote dots and concept cards on a phone (390 × 844, touch), measured from the boxes the page
 * lays out: zoomed out, three spaced dots stuck out of their pill, past the note's edge; on a
 * narrow concept card the dots that did not fit were cut off, the dot that adds alone in
 * sight; and the card's labels were cut across a line, half of it showing (QA). Now the dots
 * wrap into lines inside their pill (more than three of mine are one dot with their number),
 * the foot stays inside the item, and every label and field ends on a whole line.
 * Screenshots for review: test-results/screenshots/phone-dots-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, CONCEPT_FIELDS } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item, targetsOf, zoomTo } from './canvas-helpers.ts';
import { openAs, type Person, SCREENSHOTS } from './workshop-helpers.ts';

const PHONE = { width: 390, height: 844, touch: true } as const;

/** From full size to the least zoom, through where the dots part (below 42 %) and tally (25 %). */
const ZOOMS = [1, 0.7, 0.5, 0.42, 0.36, 0.3, 0.26, 0.2, 0.1, 0.05];

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Within half a pixel: layout places edges in 64ths, the page rounds some of them. */
const inside = (inner: Box, outer: Box) =>
  inner.left >= outer.left - 0.5 &&
  inner.right <= outer.right + 0.5 &&
  inner.top >= outer.top - 0.5 &&
  inner.bottom <= outer.bottom + 0.5;

const show = (box: Box) =>
  `[${[box.left, box.top, box.right, box.bottom].map((v) => v.toFixed(1)).join(', ')}]`;

interface FootGeometry {
  /** The item, and inside its border (a card clips there). */
  item: Box;
  inner: Box;
  foot: Box;
  /** The dots' pill: the row's box less what its ::before leaves out (a square's foot). */
  pill: Box;
  /** The dots drawn: each square's box less its bottom padding (the touch room below it). */
  dots: { name: string; box: Box }[];
  /** The number the dot of mine shows, where it shows one. */
  count: string | null;
  /** Where the words start under the card's title, or the bottom of a note's first line. */
  wordsTop: number;
}

/** Where item `id`'s foot, its dots' pill and each dot lie on the screen. */
function footOf(page: Page, id: string): Promise<FootGeometry> {
  return page.evaluate((itemId) => {
    const element = document.querySelector<HTMLElement>(`[data-item-id="${itemId}"]`)!;
    const box = (rect: DOMRect) => ({
      left: rect.left,
      top: rect.top,
      right: rect.right,
      bottom: rect.bottom,
    });
    const px = (value: string) => Number.parseFloat(value) || 0;
    const itemBox = element.getBoundingClientRect();
    // Own px to screen px: the board's zoom and the foot's own (overlay.css).
    const scaleOf = (node: Element) =>
      node.getBoundingClientRect().height / px(getComputedStyle(node).height);
    const itemScale = scaleOf(element);
    const border = px(getComputedStyle(element).borderTopWidth) * itemScale;
    const row = element.querySelector('.wk-dots-row')!;
    const rowBox = row.getBoundingClientRect();
    const rowScale = scaleOf(row);
    const pill = getComputedStyle(row, '::before');
    const dots = [...row.querySelectorAll<HTMLElement>('.wk-dot')]
      .filter((dot) => dot.checkVisibility())
      .map((dot) => {
        const rect = dot.getBoundingClientRect();
        const padding = px(getComputedStyle(dot).paddingBottom) * scaleOf(dot);
        return {
          name: dot.classList[1] ?? '',
          box: { ...box(rect), bottom: rect.bottom - padding },
        };
      });
    const text = element.querySelector('.im-text');
    const title = element.querySelector('.im-concept-title');
    const wordsTop = text
      ? text.getBoundingClientRect().top + px(getComputedStyle(text).lineHeight) * itemScale
      : title!.getBoundingClientRect().bottom;
    const count = row.querySelector('.wk-dot-count');
    return {
      item: box(itemBox),
      inner: {
        left: itemBox.left + border,
        top: itemBox.top + border,
        right: itemBox.right - border,
        bottom: itemBox.bottom - border,
      },
      foot: box(element.querySelector('.wk-overlay-foot')!.getBoundingClientRect()),
      pill: {
        left: rowBox.left + px(pill.left) * rowScale,
        top: rowBox.top + px(pill.top) * rowScale,
        right: rowBox.right - px(pill.right) * rowScale,
        bottom: rowBox.bottom - px(pill.bottom) * rowScale,
      },
      dots,
      count: count?.checkVisibility() ? count.textContent : null,
      wordsTop,
    };
  }, id);
}

/**
 * Each label and field of card `id` whose clip cuts a line of it across: lines shown in part,
 * above the bottom of the label's or the words' own box, or of their row (both clip). Also
 * their lines as laid out and as shown, and the clamp that ends the last one in "…".
 */
function cutLines(page: Page, id: string) {
  return page.evaluate((itemId) => {
    const rows = document.querySelectorAll<HTMLElement>(`[data-item-id="${itemId}"] [data-field]`);
    return [...rows].flatMap((row) => {
      const rowBottom =
        row.getBoundingClientRect().bottom -
        Number.parseFloat(getComputedStyle(row).borderBottomWidth);
      return [...row.querySelectorAll<HTMLElement>(':scope > dt, :scope > dd')].map((part) => {
        const bottom = Math.min(part.getBoundingClientRect().bottom, rowBottom);
        const range = document.createRange();
        range.selectNodeContents(part);
        const lines = [...range.getClientRects()].filter((line) => line.width > 0);
        const tops = (some: DOMRect[]) => new Set(some.map((line) => Math.round(line.top))).size;
        return {
          part: `${row.dataset.field} ${part.tagName.toLowerCase()}`,
          all: tops(lines),
          shown: tops(lines.filter((line) => line.bottom <= bottom + 0.5)),
          cut: tops(lines.filter((line) => line.top < bottom - 0.5 && line.bottom > bottom + 0.5)),
          clamp: getComputedStyle(part).webkitLineClamp,
        };
      });
    });
  }, id);
}

describe.skipIf(!HAS_CHROMIUM)('vote dots and concept cards on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let fi: Person;
  /** Two votes of mine and the dot that adds: three dots. */
  let note = '';
  /** Five of mine: more than three, one dot with their number. */
  let crowded = '';
  /** Made narrow, as a team makes room for a row of cards: three of mine and the one that adds. */
  let narrow = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Phone dots' });
    const boardId = created.board.id;
    const facilitator = await server.join(boardId, created.keys.facilitator, 'Seeder');
    const writer = socketIoClient(server.url, boardId, facilitator.token);
    await writer.synced;
    note = addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'Call back within a day' });
    crowded = addItem(writer.doc, { type: 'note', x: 0, y: 260, text: 'Chat in the evening' });
    const fields = Object.fromEntries(CONCEPT_FIELDS.map((field) => [field, `The ${field}`]));
    narrow = addItem(writer.doc, {
      type: 'concept',
      x: 260,
      y: 0,
      w: 80,
      h: 560,
      title: 'Evening chat service',
      fields: { ...fields, firstStep: 'Pilot in March' },
    });
    await waitFor(
      () => server.documents.open({ boardId }).doc.getMap('items').has(narrow),
      'the items on the server',
    );
    writer.destroy();
    await server.api(`/api/boards/${boardId}/rounds`, {
      token: facilitator.token,
      method: 'POST',
      body: { title: 'Pick', budget: 12, maxPerItem: 5, anonymous: true },
    });
    fi = await openAs(browser, server, boardId, created.keys.participant, 'Fi', PHONE);
    for (const [id, votes] of [
      [note, 2],
      [crowded, 5],
      [narrow, 3],
    ] as const) {
      await centre(fi.page, id);
      for (let vote = 1; vote <= votes; vote++) {
        await item(fi.page, id).locator('.wk-dot-add').tap();
        await item(fi.page, id).locator(`[data-my-votes="${vote}"]`).waitFor();
      }
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Pans the board (a wheel without Ctrl) until item `id` is in the middle of the canvas. */
  async function centre(page: Page, id: string) {
    const canvas = (await page.locator('.im-canvas').boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    for (let i = 0; i < 6; i++) {
      const box = (await item(page, id).boundingBox())!;
      const dx = box.x + box.width / 2 - (canvas.x + canvas.width / 2);
      const dy = box.y + box.height / 2 - (canvas.y + canvas.height / 2);
      if (Math.abs(dx) < 4 && Math.abs(dy) < 4) return;
      await page.mouse.wheel(dx, dy);
      await page.waitForTimeout(150);
    }
  }

  /** Item `id` in the middle of the canvas at about `target` zoom; the zoom, in %. */
  async function zoomOnto(page: Page, id: string, target: number): Promise<number> {
    await centre(page, id);
    return Math.round((await zoomTo(page, target, item(page, id))) * 100);
  }

  /** What is wrong with item `id`'s foot: a dot out of its pill, the foot out of the item. */
  async function footProblems(page: Page, id: string, where: string): Promise<string[]> {
    const at = await footOf(page, id);
    const problems: string[] = [];
    for (const dot of at.dots) {
      if (!inside(dot.box, at.pill)) {
        problems.push(`${where}: ${dot.name} ${show(dot.box)} out of its pill ${show(at.pill)}`);
      }
    }
    // Across, the foot and the pill keep inside the item's edges (a card's border clips); up,
    // below the note's first line, or the card's title. A note's foot hangs below its edge.
    const within = { ...at.inner, top: at.wordsTop };
    for (const [what, box] of [
      ['the foot', at.foot],
      ['the pill', at.pill],
    ] as const) {
      const checked = id === narrow ? box : { ...box, bottom: within.bottom };
      if (!inside(checked, within)) {
        problems.push(`${where}: ${what} ${show(box)} is not inside the item ${show(within)}`);
      }
    }
    return problems;
  }

  it('zoomed from 100 % to 5 %, the dots stay inside their pill, and the foot inside its item (QA)', async () => {
    const { page } = fi;
    const problems: string[] = [];
    for (const target of ZOOMS) {
      const zoom = await zoomOnto(page, note, target);
      await page.screenshot({ path: `${SCREENSHOTS}/phone-dots-${zoom}.png` });
      for (const [id, name] of [
        [note, 'the note'],
        [crowded, 'the crowded note'],
        [narrow, 'the narrow card'],
      ] as const) {
        problems.push(...(await footProblems(page, id, `${name} at ${zoom} %`)));
      }
      // Every dot of the note in sight, and the crowded note's five as one dot that says so.
      const names = async (id: string) => (await footOf(page, id)).dots.map((dot) => dot.name);
      const shown = (await names(note)).join(' ');
      if (shown !== 'wk-dot-mine wk-dot-mine wk-dot-add') {
        problems.push(`the note at ${zoom} %: shows ${shown}`);
      }
      const counted = await footOf(page, crowded);
      if (counted.dots.length !== 1 || counted.count !== '5') {
        problems.push(
          `the crowded note at ${zoom} %: ${counted.dots.length} dots, "${counted.count}"`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('on a narrow concept card every dot shows, inside the card, and a finger takes one back and adds it again (QA)', async () => {
    const { page } = fi;
    const card = item(page, narrow);
    const problems: string[] = [];
    for (const target of [1, 0.7, 0.5, 0.3]) {
      const zoom = await zoomOnto(page, narrow, target);
      await card.screenshot({ path: `${SCREENSHOTS}/phone-dots-narrow-card-${zoom}.png` });
      const at = await footOf(page, narrow);
      expect(
        at.dots.map((dot) => dot.name),
        `at ${zoom} %`,
      ).toEqual(['wk-dot-mine', 'wk-dot-mine', 'wk-dot-mine', 'wk-dot-add']);
      for (const dot of at.dots) {
        if (!inside(dot.box, at.inner)) {
          problems.push(`at ${zoom} %: ${dot.name} ${show(dot.box)} out of ${show(at.inner)}`);
        }
      }
      // Each takes a finger at its middle: nothing covers it, the card's clip cuts none off.
      for (const target of await targetsOf(page, narrow)) {
        if (target.width === 0) problems.push(`at ${zoom} %: ${target.name}`);
      }
    }
    expect(problems).toEqual([]);
    // At 50 %, where the card is a column of dots: the last of mine taken back, then added.
    await zoomOnto(page, narrow, 0.5);
    await card.locator('.wk-dot-mine').last().tap();
    await card.locator('[data-my-votes="2"]').waitFor();
    await card.locator('.wk-dot-add').tap();
    await card.locator('[data-my-votes="3"]').waitFor();
  });

  it("a narrow concept card's labels and fields end on whole lines, never a line cut across (QA)", async () => {
    const { page } = fi;
    const problems: string[] = [];
    for (const target of [1, 0.7, 0.5, 0.3]) {
      const zoom = await zoomOnto(page, narrow, target);
      const parts = await cutLines(page, narrow);
      expect(parts).toHaveLength(CONCEPT_FIELDS.length * 2);
      for (const part of parts) {
        if (part.cut > 0) problems.push(`at ${zoom} %: ${part.part} cut across a line`);
        // Cut short, the last line shown is the clamp's, which ends it in "…".
        if (part.shown > 0 && part.shown < part.all && part.clamp !== String(part.shown)) {
          problems.push(
            `at ${zoom} %: ${part.part} shows ${part.shown} lines, clamped at ${part.clamp}`,
          );
        }
      }
      // The labels wrap on the narrow card: some have more lines than their row shows.
      if (target === 1) {
        expect(
          parts.filter((part) => part.part.endsWith('dt') && part.all > 1).length,
        ).toBeGreaterThan(0);
      }
    }
    expect(problems).toEqual([]);
  });
});
