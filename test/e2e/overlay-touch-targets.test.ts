/**
 * On a phone, an item's overlay buttons (the vote dots, the facilitator's "Assign follow-up")
 * are touch targets a finger can hit: at least 44 × 44 CSS px where the item is drawn at about
 * its size (WCAG 2.5.5), and still 24 × 24 zoomed out to 45 % (2.5.8), however small the dots
 * are drawn.
 * The hit area is measured as a finger meets it, by what the page finds under each point
 * (elementFromPoint), so neighbours that overlap cut each other's area short. And none of it
 * lies over the item's words: a tap on a line of the note, or on the concept card's last field,
 * still reaches the item.
 * So are the canvas's tool bar and zoom buttons, at 360 × 640 and 390 × 844: they were 36 and
 * 32 px (QA), and now take a 44 × 44 px touch while the bars stay inside the canvas, one row of
 * zoom buttons, no wider than they need to be, clear of the selection bar and the overview; a
 * button tapped there does not stay grey (hover styles only where something hovers).
 * Screenshots for review: test-results/screenshots/phone-controls-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, CONCEPT_FIELDS } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item, type Target, targetsIn, targetsOf, zoomTo } from './canvas-helpers.ts';
import { openAs, type Person, SCREENSHOTS, seededBoard } from './workshop-helpers.ts';

const PHONE = { width: 390, height: 844, touch: true } as const;

/** Points a finger would tap to pick the item: the middle of each line of its words. */
function wordsTakenByOverlay(page: Page, id: string): Promise<string[]> {
  return page.evaluate((itemId) => {
    const item = document.querySelector(`[data-item-id="${itemId}"]`)!;
    const taken: string[] = [];
    const texts = item.querySelectorAll('.im-text, .im-concept-field:last-child dd');
    for (const text of texts) {
      const range = document.createRange();
      range.selectNodeContents(text);
      for (const line of range.getClientRects()) {
        if (line.width === 0) continue;
        for (const x of [line.left + 2, line.left + line.width / 2, line.right - 2]) {
          const found = document.elementFromPoint(x, line.top + line.height / 2);
          if (found?.closest('.wk-overlay')) taken.push(`${text.textContent?.slice(0, 20)} @${x}`);
        }
      }
    }
    return taken;
  }, id);
}

describe.skipIf(!HAS_CHROMIUM)("an item's overlay buttons on a phone", () => {
  let server: TestServer;
  let browser: Browser;
  let fran: Person;
  let note = '';
  let concept = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Touch' });
    const boardId = created.board.id;
    const facilitator = await server.join(boardId, created.keys.facilitator, 'Seeder');
    const writer = socketIoClient(server.url, boardId, facilitator.token);
    await writer.synced;
    note = addItem(writer.doc, {
      type: 'note',
      x: 0,
      y: 0,
      text: 'Call back within a day, with the name of who called',
    });
    const fields = Object.fromEntries(CONCEPT_FIELDS.map((field) => [field, `The ${field}`]));
    concept = addItem(writer.doc, {
      type: 'concept',
      x: 0,
      y: 260,
      title: 'Evening chat service',
      fields: { ...fields, firstStep: 'Pilot in March' },
    });
    await waitFor(
      () => server.documents.open({ boardId }).doc.getMap('items').has(concept),
      'the items on the server',
    );
    writer.destroy();
    const api = (route: string, body?: unknown) =>
      server.api<{ round: { id: string } }>(`/api/boards/${boardId}${route}`, {
        token: facilitator.token,
        method: 'POST',
        body,
      });
    // A closed round ranks both (the badge), an open one takes more votes (the dots).
    const first = await api('/rounds', { title: 'First', budget: 2, anonymous: false });
    for (const itemId of [note, concept]) {
      await api(`/rounds/${first.body.round.id}/votes`, { itemId });
    }
    await api(`/rounds/${first.body.round.id}/close`);
    await api('/rounds', { title: 'Second', budget: 6, maxPerItem: 3, anonymous: false });
    fran = await openAs(browser, server, boardId, created.keys.facilitator, 'Fran', PHONE);
    const { page } = fran;
    await page.locator(`[data-overlay-of="${note}"] .wk-dot-add`).waitFor();
    // Two of my votes on each: two dots to take back, and the one that adds.
    for (const itemId of [note, concept, note, concept]) {
      const before = await page.locator(`[data-overlay-of="${itemId}"] .wk-dot-mine`).count();
      await page.locator(`[data-overlay-of="${itemId}"] .wk-dot-add`).tap();
      await page
        .locator(`[data-overlay-of="${itemId}"] .wk-dot-mine`)
        .nth(before)
        .waitFor({ timeout: 5_000 });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Zooms the board to about `target` (within 2 %), as a pinch does: Ctrl and the wheel. */
  async function zoomNear(page: Page, target: number) {
    const zoom = await zoomTo(page, target);
    expect(Math.abs(zoom / target - 1)).toBeLessThan(0.02);
    return zoom;
  }

  /**
   * Pans the item's foot to the middle of the canvas, its right end in sight, clear of the bars
   * a phone shows over the canvas (the selection bar at the bottom, the tools on the left).
   */
  async function footInView(page: Page, id: string) {
    const canvas = (await page.locator('.im-canvas').boundingBox())!;
    const right = Math.min(canvas.x + canvas.width, page.viewportSize()!.width) - 16;
    const bottom = canvas.y + canvas.height * 0.4;
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + 24);
    // A wheel step pans by about what it says (a phone's screen may count it in its own pixels).
    for (let i = 0; i < 6; i++) {
      const box = (await page.locator(`[data-item-id="${id}"]`).boundingBox())!;
      const [dx, dy] = [box.x + box.width - right, box.y + box.height - bottom];
      if (Math.abs(dx) < 4 && Math.abs(dy) < 4) return;
      await page.mouse.wheel(dx, dy);
      await page.waitForTimeout(150);
    }
  }

  /** Taps the item's last words, which selects it and shows its assign button. */
  async function select(page: Page, id: string) {
    await footInView(page, id);
    const item = page.locator(`[data-item-id="${id}"]`);
    await item.locator('.im-text, .im-concept-field:last-child dt').tap();
    await page.locator(`[data-overlay-of="${id}"].item-selected .wk-assign`).waitFor();
    await footInView(page, id);
  }

  it('a dot of mine under the finger that tapped is not red, as a dot under a mouse is (QA)', async () => {
    const { page } = fran;
    // A touch screen calls the element last tapped "hovered" until the next tap elsewhere (a
    // dot that came in under the finger as its vote was added): the red of a dot under a mouse
    // (a click takes the vote back) is only for screens with a hover.
    expect(await page.evaluate(() => matchMedia('(hover: hover)').matches)).toBe(false);
    const redRules = await page.evaluate(() => {
      const found: { inHoverMedia: boolean; applies: boolean }[] = [];
      const walk = (rules: CSSRuleList, media: string[]) => {
        for (const rule of Array.from(rules)) {
          if (rule instanceof CSSMediaRule) walk(rule.cssRules, [...media, rule.conditionText]);
          else if (
            rule instanceof CSSStyleRule &&
            rule.selectorText.includes('.wk-dot-mine:hover')
          ) {
            const red = /#b42318|rgb\(180, 35, 24\)/i.test(rule.style.cssText);
            if (red) {
              found.push({
                inHoverMedia: media.some((condition) => condition.includes('hover: hover')),
                applies: media.every((condition) => matchMedia(condition).matches),
              });
            }
          }
        }
      };
      for (const sheet of Array.from(document.styleSheets)) walk(sheet.cssRules, []);
      return found;
    });
    expect(redRules.length).toBeGreaterThan(0);
    expect(redRules).toEqual(redRules.map(() => ({ inHoverMedia: true, applies: false })));
  });

  /**
   * Selects the note, then the card, at the zoom the page is at, with a screenshot of each
   * (`shot`), and what `check` finds wrong with its touch targets.
   */
  async function problemsOfEach(
    page: Page,
    shot: string,
    check: (kind: string, id: string, targets: Target[]) => Promise<string[]>,
  ): Promise<string[]> {
    const problems: string[] = [];
    for (const [id, kind] of [
      [note, 'note'],
      [concept, 'concept'],
    ] as const) {
      await select(page, id);
      await page.screenshot({ path: `${SCREENSHOTS}/touch-targets-${kind}${shot}.png` });
      problems.push(...(await check(kind, id, await targetsOf(page, id))));
    }
    return problems;
  }

  /** Targets narrower or lower than `least` px, named. */
  const smallerThan = (least: number, where: string, targets: Target[]) =>
    targets.flatMap(({ name, width, height }) =>
      width < least || height < least ? [`${where}: ${name} ${width} × ${height}`] : [],
    );

  it('at about full size, every dot and the assign button take a 44 × 44 px touch, and no word is under them', async () => {
    const { page } = fran;
    const zoom = await zoomNear(page, 0.9);
    const problems = await problemsOfEach(page, '', async (kind, id, targets) => {
      // Two dots of mine, the one that adds, the assign button.
      expect(targets.length, kind).toBe(4);
      const taken = await wordsTakenByOverlay(page, id);
      return [
        // Edges fall between pixels, where the page hit-tests by its own rounding: half a pixel.
        ...smallerThan(43.5, `${kind} at ${zoom}`, targets),
        ...taken.map((words) => `${kind}: a tap on "${words}" lands on the overlay`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('zoomed out to 45 %, each is still at least 24 × 24 px', async () => {
    const { page } = fran;
    const zoom = await zoomNear(page, 0.45);
    const problems = await problemsOfEach(page, '-zoomed-out', async (_kind, _id, targets) =>
      smallerThan(24, `at ${zoom}`, targets),
    );
    expect(problems).toEqual([]);
  });
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box on the page of the first element `selector` matches, or null where none is drawn. */
function boxOf(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element?.checkVisibility()) return null;
    const { left, top, right, bottom } = element.getBoundingClientRect();
    return { left, top, right, bottom };
  }, selector);
}

const overlap = (a: Box, b: Box) =>
  a.left < b.right - 0.5 &&
  b.left < a.right - 0.5 &&
  a.top < b.bottom - 0.5 &&
  b.top < a.bottom - 0.5;

const within = (inner: Box, outer: Box) =>
  inner.left >= outer.left - 0.5 &&
  inner.right <= outer.right + 0.5 &&
  inner.top >= outer.top - 0.5 &&
  inner.bottom <= outer.bottom + 0.5;

describe.skipIf(!HAS_CHROMIUM)("the canvas's tool bar and zoom buttons on a phone", () => {
  let server: TestServer;
  let browser: Browser;
  let board: Awaited<ReturnType<typeof seededBoard>>;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    board = await seededBoard(server, 'Phone controls', [
      { type: 'note', x: 0, y: 0, text: 'Call back within a day' },
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const size of [
    { width: 360, height: 640 },
    { width: 390, height: 844 },
  ]) {
    const named = `${size.width}x${size.height}`;
    it(`at ${size.width} × ${size.height}, each takes a 44 × 44 px touch, the bars inside the canvas and clear of each other`, async () => {
      const person = await openAs(browser, server, board.boardId, board.keys.participant, 'Pia', {
        ...size,
        touch: true,
      });
      const { page } = person;
      const [note] = board.ids as [string];
      await item(page, note).waitFor();
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${SCREENSHOTS}/phone-controls-${named}.png` });
      const problems: string[] = [];
      const tools = await targetsIn(page, '.im-toolbar button', true);
      const zoom = await targetsIn(page, '.im-zoom button');
      expect(tools.length).toBeGreaterThanOrEqual(12);
      expect(zoom.length).toBe(5);
      for (const { name, width, height } of [...tools, ...zoom]) {
        // Edges fall between pixels, where the page hit-tests by its own rounding: half a pixel.
        if (width < 43.5 || height < 43.5) problems.push(`${name}: ${width} × ${height}`);
      }

      const canvas = (await boxOf(page, '.im-canvas'))!;
      const toolbar = (await boxOf(page, '.im-toolbar'))!;
      const zoomBar = (await boxOf(page, '.im-zoom'))!;
      if (!within(toolbar, canvas)) problems.push('the tool bar sticks out of the canvas');
      if (!within(zoomBar, canvas)) problems.push('the zoom controls stick out of the canvas');
      if (overlap(toolbar, zoomBar)) problems.push('the tool bar and the zoom controls overlap');
      // One row of zoom buttons, and bars no bigger than their buttons need.
      const rows = new Set(zoom.map((target) => Math.round(target.y)));
      if (rows.size !== 1) problems.push(`the zoom buttons on ${rows.size} rows`);
      if (toolbar.right - toolbar.left > 60)
        problems.push(`tool bar ${toolbar.right - toolbar.left} px wide`);
      if (zoomBar.bottom - zoomBar.top > 56)
        problems.push(`zoom controls ${zoomBar.bottom - zoomBar.top} px high`);

      // A note selected: its bar is clear of both; so is the overview, once open.
      await item(page, note).locator('[data-item-text]').tap();
      await page.locator('.im-selection-bar').waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}/phone-controls-${named}-selected.png` });
      const clearOf = async (what: string, selector: string) => {
        const box = (await boxOf(page, selector))!;
        if (!within(box, canvas)) problems.push(`${what} sticks out of the canvas`);
        for (const [other, otherBox] of [
          ['the tool bar', toolbar],
          ['the zoom controls', zoomBar],
        ] as const) {
          if (overlap(box, otherBox)) problems.push(`${what} covers ${other}`);
        }
      };
      await clearOf('the selection bar', '.im-selection-bar');
      await page.locator('.im-zoom [data-action="minimap"]').tap();
      await page.locator('.im-minimap').waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}/phone-controls-${named}-overview.png` });
      await clearOf('the overview', '.im-minimap');
      await clearOf('the selection bar, the overview open', '.im-selection-bar');
      const overview = (await boxOf(page, '.im-minimap'))!;
      const bar = (await boxOf(page, '.im-selection-bar'))!;
      if (overlap(overview, bar)) problems.push('the selection bar covers the overview');
      // A button tapped does not stay grey: a touch screen keeps :hover on the last one tapped.
      const zoomOut = page.locator('.im-zoom button').first();
      await zoomOut.tap();
      const grey = await zoomOut.evaluate((button) => getComputedStyle(button).backgroundColor);
      if (grey !== 'rgba(0, 0, 0, 0)') problems.push(`zoom out, tapped, is ${grey}`);
      expect(problems).toEqual([]);
      expect(person.errors).toEqual([]);
      await person.context.close();
    });
  }
});
