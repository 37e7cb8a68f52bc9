/**
 * Vote dots during a round, as a participant meets them: on a concept card made narrow, where
 * they wrap into rows, they lie below the card's fields, not over its last ones (QA); and
 * whatever the zoom, two dots a pointer can aim at are at least 24 px apart, centre to centre,
 * or 24 × 24 px each (WCAG 2.5.8): zoomed out they were drawn smaller and closer (11 px apart at
 * 25 %, QA). They take the pointer as far out as a board's first view goes (30 %); farther out
 * than 25 %, spaced so they would outgrow their note, they are a tally a click passes through,
 * and the keyboard still votes with them. Measured as a pointer meets them
 * (`targetsOf`: what the page finds under each point), with a mouse and on a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONCEPT_FIELDS } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item, overlayOf, type Target, targetsOf, zoomTo } from './canvas-helpers.ts';
import { NARROW_CARD, openAs, SCREENSHOTS, seededBoard } from './workshop-helpers.ts';

const PHONE = { width: 390, height: 844, touch: true } as const;

/** Votes of mine on each: with the dot that adds, a row on the note, a column on the card. */
const MINE = 2;

interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right - 0.5 &&
  b.left < a.right - 0.5 &&
  a.top < b.bottom - 0.5 &&
  b.top < a.bottom - 0.5;

/** The concept card's fields (their rows: label and words) that a control of its foot covers. */
async function fieldsUnderFoot(page: Page, id: string): Promise<string[]> {
  const { fields, foot } = await item(page, id).evaluate((card) => {
    const rect = (element: Element) => {
      const { top, bottom, left, right } = element.getBoundingClientRect();
      return { top, bottom, left, right };
    };
    return {
      fields: [...card.querySelectorAll<HTMLElement>('.im-concept-field')].map((row) => ({
        field: row.dataset.field ?? '',
        box: rect(row),
      })),
      foot: [
        ...document
          .querySelector(`[data-overlay-of="${card.getAttribute('data-item-id')}"]`)!
          .querySelectorAll('.wk-overlay-foot > *, .wk-foot-start > *'),
      ]
        .filter((element) => !element.classList.contains('wk-foot-start'))
        .map(rect),
    };
  });
  expect(fields).toHaveLength(CONCEPT_FIELDS.length);
  expect(foot.length).toBeGreaterThan(0);
  return fields.flatMap(({ field, box }) => (foot.some((c) => overlaps(box, c)) ? [field] : []));
}

/** The vote dots among an item's targets: those a pointer can aim at, and all of them. */
async function dotsOf(page: Page, id: string) {
  const dots = (await targetsOf(page, id)).filter((target) => target.name.startsWith('wk-dot-'));
  return { all: dots, aimed: dots.filter((dot) => dot.width > 0 && dot.height > 0) };
}

/**
 * Pairs of dots a pointer can aim at that are too close: one smaller than 24 × 24 px whose
 * centre lies less than 24 px from another's (their 24 px circles meet).
 */
function tooClose(aimed: Target[]): string[] {
  const small = (dot: Target) => dot.width < 24 || dot.height < 24;
  const close: string[] = [];
  for (const [index, dot] of aimed.entries()) {
    for (const other of aimed.slice(index + 1)) {
      const apart = Math.hypot(dot.x - other.x, dot.y - other.y);
      // Layout works in 64ths of a pixel: the last of them is not a gap anyone aims through.
      if ((small(dot) || small(other)) && apart < 24 - 1 / 32) {
        close.push(`${dot.name} and ${other.name}: ${apart.toFixed(2)} px apart`);
      }
    }
  }
  return close;
}

describe.skipIf(!HAS_CHROMIUM)('vote dots during a round', () => {
  let server: TestServer;
  let browser: Browser;
  let boardId = '';
  let participantKey = '';
  let note = '';
  let narrow = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const seeded = await seededBoard(server, 'Dots', [
      { type: 'note', x: 0, y: 0, text: 'Call back within a day' },
      // Made narrow, as a team makes room for a row of cards: its dots wrap into a column.
      NARROW_CARD,
    ]);
    boardId = seeded.boardId;
    participantKey = seeded.keys.participant;
    [note = '', narrow = ''] = seeded.ids;
    await seeded.post('/rounds', { title: 'Pick', budget: 12, maxPerItem: 5, anonymous: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A participant's page with MINE of their votes on the note and on the card. */
  async function participant(name: string, options: { touch?: boolean } = {}) {
    const person = await openAs(browser, server, boardId, participantKey, name, {
      ...(options.touch ? PHONE : {}),
    });
    const { page } = person;
    for (const id of [note, narrow]) {
      for (let vote = 0; vote < MINE; vote++) {
        const add = overlayOf(page, id).locator('.wk-dot-add');
        if (options.touch) await add.tap();
        else await add.click();
        await overlayOf(page, id).locator('.wk-dot-mine').nth(vote).waitFor();
      }
    }
    return person;
  }

  it('on a narrow concept card, the dots wrap below its fields, at 100 % and 50 % (QA)', async () => {
    const { page, context } = await participant('Pia');
    const card = item(page, narrow);
    for (const target of [1, 0.5]) {
      const zoom = Math.round((await zoomTo(page, target, card)) * 100);
      await page.screenshot({ path: `${SCREENSHOTS}/vote-dots-narrow-card-${zoom}.png` });
      // The dots do wrap: more than one row, which is what rose over the fields.
      const rows = await overlayOf(page, narrow)
        .locator('.wk-dot')
        .evaluateAll((dots) => new Set(dots.map((dot) => dot.getBoundingClientRect().top)).size);
      expect(rows, `at ${zoom} %`).toBeGreaterThan(1);
      expect(await fieldsUnderFoot(page, narrow), `at ${zoom} %`).toEqual([]);
    }
    await context.close();
  });

  it('with a mouse, dots it can aim at are 24 px apart from 100 % to 5 %; farther out than 25 %, a click casts no vote and the keyboard still votes', async () => {
    const { page, context } = await participant('Mo');
    const noteView = item(page, note);
    const problems: string[] = [];
    for (const target of [1, 0.7, 0.5, 0.45, 0.3, 0.1, 0.05]) {
      const zoom = Math.round((await zoomTo(page, target, noteView)) * 100);
      await page.screenshot({ path: `${SCREENSHOTS}/vote-dots-mouse-${zoom}.png` });
      for (const id of [note, narrow]) {
        const { all, aimed } = await dotsOf(page, id);
        expect(all, `at ${zoom} %`).toHaveLength(MINE + 1);
        // As far out as a board's first view goes, every dot on the note takes a click.
        if (id === note && target >= 0.3) expect(aimed, `at ${zoom} %`).toHaveLength(all.length);
        problems.push(...tooClose(aimed).map((pair) => `at ${zoom} %: ${pair}`));
      }
    }
    expect(problems).toEqual([]);
    // Zoomed out to 20 %, a click on the dot that adds goes to the board, not to a vote: the
    // vote the keyboard then casts with it is the only one.
    await zoomTo(page, 0.2, noteView);
    const add = overlayOf(page, note).locator('.wk-dot-add');
    const box = (await add.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await add.focus();
    await page.keyboard.press('Enter');
    await overlayOf(page, note).locator('.wk-dot-mine').nth(MINE).waitFor();
    expect(await overlayOf(page, note).locator('.wk-dot-mine').count()).toBe(MINE + 1);
    await context.close();
  });

  it('on a phone, dots a finger can aim at are 24 × 24 px or 24 px apart from 90 % to 10 %, 44 px at about full size', async () => {
    const { page, context } = await participant('Fi', { touch: true });
    const noteView = item(page, note);
    const problems: string[] = [];
    for (const target of [0.9, 0.45, 0.3, 0.1]) {
      const zoom = Math.round((await zoomTo(page, target, noteView)) * 100);
      await page.screenshot({ path: `${SCREENSHOTS}/vote-dots-phone-${zoom}.png` });
      const { all, aimed } = await dotsOf(page, note);
      expect(all, `at ${zoom} %`).toHaveLength(MINE + 1);
      if (target >= 0.3) expect(aimed, `at ${zoom} %`).toHaveLength(all.length);
      // The touch screen's own rule where the note is drawn at about its size.
      if (target > 0.8) {
        for (const dot of aimed) {
          // Edges fall between pixels, where the page hit-tests by its own rounding: half a pixel.
          expect(Math.min(dot.width, dot.height), dot.name).toBeGreaterThanOrEqual(43.5);
        }
      }
      problems.push(...tooClose(aimed).map((pair) => `at ${zoom} %: ${pair}`));
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
