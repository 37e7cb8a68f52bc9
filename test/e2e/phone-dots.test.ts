/**
 * Vote dots and concept cards on a phone (390 × 844, touch), measured from the boxes the page
 * lays out: zoomed out, three spaced dots stuck out of their pill, past the note's edge; on a
 * narrow concept card the dots that did not fit were cut off, the dot that adds alone in
 * sight; and the card's labels were cut across a line, half of it showing, and a word wider
 * than the card cut at its right edge (QA). Now the dots wrap into lines inside their pill
 * (more than three of mine are one dot with their number), the foot stays inside the item,
 * every label and field ends on a whole line, and a label's long word breaks.
 * Screenshots for review: test-results/screenshots/phone-dots-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONCEPT_FIELDS } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item, overlayOf, targetsOf, zoomTo } from './canvas-helpers.ts';
import { footOf, footProblems, inside, show } from './dot-geometry.ts';
import { NARROW_CARD, openAs, type Person, SCREENSHOTS, seededBoard } from './workshop-helpers.ts';

const PHONE = { width: 390, height: 844, touch: true } as const;

/** From full size to the least zoom, through where the dots part (below 42 %) and tally (25 %). */
const ZOOMS = [1, 0.7, 0.5, 0.42, 0.36, 0.3, 0.26, 0.2, 0.1, 0.05];

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

/**
 * The labels of card `id` cut at their right edge: a word wider than the card ran past it, and
 * the label's clip cut its last letters off sideways, with no "…" (QA: "CUSTOMER",
 * "TOUCHPOINTS", "KOSKETUSPISTEET"). Measured as the label's own overflow (its scroll width
 * past its box) and as each line's box against the label's, in screen px.
 */
function labelsCutAcross(page: Page, id: string) {
  return page.evaluate((itemId) => {
    const labels = document.querySelectorAll<HTMLElement>(`[data-item-id="${itemId}"] dt`);
    return [...labels].flatMap((label) => {
      const box = label.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(label);
      const past = Math.max(
        0,
        ...[...range.getClientRects()].map((line) => line.right - box.right),
      );
      const overflow = label.scrollWidth - label.clientWidth;
      return overflow > 0 || past > 0.5
        ? [`"${label.textContent}" ${overflow} px past its box, a line ${past.toFixed(1)} px`]
        : [];
    });
  }, id);
}

describe.skipIf(!HAS_CHROMIUM)('vote dots and concept cards on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let fi: Person;
  /** The board, and the key a participant joins it with. */
  let boardId = '';
  let participantKey = '';
  /** Two votes of mine and the dot that adds: three dots. */
  let note = '';
  /** Five of mine: more than three, one dot with their number. */
  let crowded = '';
  /** Made narrow, as a team makes room for a row of cards: three of mine and the one that adds. */
  let narrow = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const seeded = await seededBoard(server, 'Phone dots', [
      { type: 'note', x: 0, y: 0, text: 'Call back within a day' },
      { type: 'note', x: 0, y: 260, text: 'Chat in the evening' },
      NARROW_CARD,
    ]);
    boardId = seeded.boardId;
    participantKey = seeded.keys.participant;
    [note = '', crowded = '', narrow = ''] = seeded.ids;
    await seeded.post('/rounds', { title: 'Pick', budget: 12, maxPerItem: 5, anonymous: true });
    fi = await openAs(browser, server, boardId, participantKey, 'Fi', PHONE);
    for (const [id, votes] of [
      [note, 2],
      [crowded, 5],
      [narrow, 3],
    ] as const) {
      await centre(fi.page, id);
      for (let vote = 1; vote <= votes; vote++) {
        await overlayOf(fi.page, id).locator('.wk-dot-add').tap();
        await overlayOf(fi.page, id).locator(`[data-my-votes="${vote}"]`).waitFor();
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
        problems.push(...(await footProblems(page, id, `${name} at ${zoom} %`, id !== narrow)));
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
    const dots = overlayOf(page, narrow);
    await dots.locator('.wk-dot-mine').last().tap();
    await dots.locator('[data-my-votes="2"]').waitFor();
    await dots.locator('.wk-dot-add').tap();
    await dots.locator('[data-my-votes="3"]').waitFor();
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

  it("a narrow concept card's labels break a word wider than the card, in English and Finnish, no letter cut off at its edge (QA)", async () => {
    const suomi = await openAs(browser, server, boardId, participantKey, 'Su', {
      ...PHONE,
      language: 'fi',
    });
    const problems: string[] = [];
    for (const { page, language } of [
      { page: fi.page, language: 'en' },
      { page: suomi.page, language: 'fi' },
    ]) {
      for (const target of [1, 0.7, 0.5, 0.3]) {
        const zoom = await zoomOnto(page, narrow, target);
        await item(page, narrow).screenshot({
          path: `${SCREENSHOTS}/phone-dots-labels-${language}-${zoom}.png`,
        });
        const where = `${language} at ${zoom} %`;
        problems.push(...(await labelsCutAcross(page, narrow)).map((cut) => `${where}: ${cut}`));
        // Broken into more lines, they still end on whole ones, as the test above asks.
        for (const part of await cutLines(page, narrow)) {
          if (part.cut > 0) problems.push(`${where}: ${part.part} cut across a line`);
        }
      }
    }
    expect(problems).toEqual([]);
    await suomi.context.close();
  });
});
