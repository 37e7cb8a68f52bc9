/**
 * The facilitator's assign button and an item's follow-up mark, as a pointer meets them from
 * 100 % down to just short of the canvas's ZOOMED_OUT (25 %), on a note and on a concept card,
 * with a mouse (1280 × 800) and on a phone (390 × 844, touch). Wherever they take the pointer,
 * each is 24 × 24 px or a 24 px circle on it meets no other target (WCAG 2.5.8), as the vote dots
 * are: zoomed out they shrank with the board, the button stacked 12 px above the mark at 30 % and
 * the mark on a card cut to an 8 px "…" beside the button (QA). They stay inside their item,
 * below a note's first line. Farther out than 25 % a click or a tap on them is the board's, and
 * the keyboard still opens both. Measured as a pointer meets them (`targetsOf`: what the page
 * finds under each point). Screenshots for review: test-results/screenshots/follow-up-targets-*.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item, overlayOf, type Target, targetsOf } from './canvas-helpers.ts';
import { isControl, spacingProblems } from './dot-geometry.ts';
import {
  CARD_BELOW_NOTE,
  openAs,
  type Person,
  SCREENSHOTS,
  type SeededBoard,
  seededBoard,
  zoomAndSelect,
} from './workshop-helpers.ts';

const DESKTOP = { width: 1280, height: 800 } as const;
const PHONE = { width: 390, height: 844, touch: true } as const;

/** From full size past the least a board opens at (30 %) to just short of ZOOMED_OUT (25 %). */
const ZOOMS = [1, 0.7, 0.5, 0.42, 0.36, 0.3, 0.26];

/**
 * What of item `id`'s foot lies outside it: across, beyond the item's inner edges (the area that
 * takes the pointer too); up, over a note's first line or a card's title; down, below a card's
 * inner edge (a card clips there; a note's foot hangs below its edge by design, overlay.css).
 */
function outsideItem(page: Page, id: string, where: string): Promise<string[]> {
  return page.evaluate(
    ([itemId, at]) => {
      const element = document.querySelector<HTMLElement>(`[data-item-id="${itemId}"]`)!;
      const box = element.getBoundingClientRect();
      const scale = box.height / element.offsetHeight;
      const border = Number.parseFloat(getComputedStyle(element).borderTopWidth) * scale;
      const text = element.querySelector('.im-text');
      const title = element.querySelector('.im-concept-title');
      const wordsTop = text
        ? text.getBoundingClientRect().top +
          Number.parseFloat(getComputedStyle(text).lineHeight) * scale
        : title!.getBoundingClientRect().bottom;
      const parts = [
        ...document
          .querySelector(`[data-overlay-of="${element.getAttribute('data-item-id')}"]`)!
          .querySelectorAll('.wk-overlay-foot > *, .wk-foot-start > *'),
      ]
        .filter((part) => !part.classList.contains('wk-foot-start'))
        .filter((part) => part.checkVisibility({ visibilityProperty: true }));
      const problems: string[] = [];
      for (const part of parts) {
        const { left, top, right, bottom } = part.getBoundingClientRect();
        const out =
          left < box.left + border - 0.5 ||
          right > box.right - border + 0.5 ||
          top < wordsTop - 0.5 ||
          (!text && bottom > box.bottom - border + 0.5);
        if (out) {
          const edges = [left, top, right, bottom].map((v) => v.toFixed(1)).join(', ');
          const name = [...part.classList].find((each) => each !== 'wk-small');
          problems.push(`${at}: ${name} [${edges}] is not below the words, inside`);
        }
      }
      return problems;
    },
    [id, where] as const,
  );
}

/** Targets whose area reaches past the item's sides: a click there is meant for a neighbour. */
async function areasOutside(page: Page, id: string, targets: Target[], where: string) {
  const box = (await item(page, id).boundingBox())!;
  return targets
    .filter(isControl)
    .filter(({ box: area }) => area.left < box.x - 0.5 || area.right > box.x + box.width + 0.5)
    .map(({ name }) => `${where}: ${name} reaches past the item's side`);
}

describe.skipIf(!HAS_CHROMIUM)('the assign button and the follow-up mark at every zoom', () => {
  let server: TestServer;
  let browser: Browser;
  let boardId = '';
  let facilitatorKey = '';
  let post: SeededBoard['post'];
  let note = '';
  let card = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const seeded = await seededBoard(server, 'Follow-through', [
      { type: 'note', x: 0, y: 0, text: 'Call back within a day' },
      // Far enough below the note that its foot, hanging below its edge, is not under the card.
      CARD_BELOW_NOTE,
    ]);
    boardId = seeded.boardId;
    facilitatorKey = seeded.keys.facilitator;
    post = seeded.post;
    [note = '', card = ''] = seeded.ids;
    // The assign phase: a closed round ranks both (the badge), and each has a follow-up.
    const round = await post<{ round: { id: string } }>('/rounds', {
      title: 'Pick',
      budget: 2,
      anonymous: false,
    });
    for (const itemId of [note, card]) {
      await post(`/rounds/${round.round.id}/votes`, { itemId });
    }
    await post(`/rounds/${round.round.id}/close`);
    await post('/followups', { itemId: note, title: 'Write the script', owner: { name: 'Ben' } });
    await post('/followups', { itemId: card, title: 'Pilot in March', owner: { name: 'Aino' } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** On the note, then on the card, at each zoom of ZOOMS: what `check` finds wrong there. */
  async function acrossZooms(
    person: Person,
    device: string,
    touch: boolean,
    check: (id: string, targets: Target[], where: string) => Promise<string[]>,
  ) {
    const problems: string[] = [];
    for (const [kind, id] of [
      ['note', note],
      ['card', card],
    ] as const) {
      for (const target of ZOOMS) {
        const zoom = await zoomAndSelect(person, id, target, touch);
        const where = `${device}, the ${kind} at ${zoom} %`;
        await person.page.screenshot({
          path: `${SCREENSHOTS}/follow-up-targets-${device}-${kind}-${zoom}.png`,
        });
        const targets = await targetsOf(person.page, id);
        // Both are drawn, and both take the pointer (at their middle: not cut off, not covered).
        const controls = targets.filter(isControl);
        expect(controls, where).toHaveLength(2);
        for (const control of controls.filter((each) => each.width === 0)) {
          problems.push(`${where}: ${control.name} takes no pointer`);
        }
        problems.push(...(await check(id, targets, where)));
      }
    }
    return problems;
  }

  /** 2.5.8 among the targets, the foot inside its item, the controls' areas within its sides. */
  const everything = (page: Page) => async (id: string, targets: Target[], where: string) => [
    ...spacingProblems(targets, where),
    ...(await outsideItem(page, id, where)),
    ...(await areasOutside(page, id, targets, where)),
  ];

  it('with a mouse, from 100 % to 26 %, each is 24 px wide and 24 px from the next, inside its item (QA)', async () => {
    const fran = await openAs(browser, server, boardId, facilitatorKey, 'Fran', DESKTOP);
    const problems = await acrossZooms(fran, 'mouse', false, everything(fran.page));
    expect(problems).toEqual([]);
    await fran.context.close();
  });

  it('on a phone, from 100 % to 26 %, each takes a tap 24 px wide and 24 px from the next, inside its item (QA)', async () => {
    const fran = await openAs(browser, server, boardId, facilitatorKey, 'Fran', PHONE);
    const problems = await acrossZooms(fran, 'phone', true, everything(fran.page));
    expect(problems).toEqual([]);
    await fran.context.close();
  });

  it('farther out than 25 %, a click or a tap on either is the board’s, and the keyboard still opens both', async () => {
    for (const [device, options] of [
      ['mouse', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const touch = device === 'phone';
      const fran = await openAs(browser, server, boardId, facilitatorKey, 'Fran', options);
      const { page } = fran;
      const zoom = await zoomAndSelect(fran, note, 0.2, touch);
      await page.screenshot({ path: `${SCREENSHOTS}/follow-up-targets-${device}-far-${zoom}.png` });
      const controls = (await targetsOf(page, note)).filter(isControl);
      // Drawn, but neither takes the pointer: what is under their middles is the board's.
      expect(controls, `${device} at ${zoom} %`).toHaveLength(2);
      for (const control of controls) {
        expect(control.width, `${device} at ${zoom} %: ${control.name}`).toBe(0);
        expect(control.name, `${device} at ${zoom} %`).toMatch(/under /);
      }
      const mark = overlayOf(page, note).locator('.wk-fu-mark');
      const box = (await mark.boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      if (touch) await page.touchscreen.tap(x, y);
      else await page.mouse.click(x, y);
      await page.waitForTimeout(300);
      expect(await page.getByRole('dialog').count(), `${device}: a dialog opened`).toBe(0);
      // The keyboard: from the note, Tab reaches the mark, then the assign button.
      await item(page, note).focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const list = page.getByRole('dialog', { name: 'Follow-ups on “Call back within a day”' });
      await list.waitFor();
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'detached' });
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => document.activeElement?.classList.contains('wk-assign')),
      ).toBe(true);
      await page.keyboard.press('Enter');
      const assign = page.getByRole('dialog', { name: 'Follow-up for “Call back within a day”' });
      await assign.waitFor();
      await page.keyboard.press('Escape');
      await assign.waitFor({ state: 'detached' });
      await fran.context.close();
    }
  });

  it('during a round, beside the vote dots, with a mouse and on a phone, each keeps 24 px from them', async () => {
    const round = await post<{ round: { id: string } }>('/rounds', {
      title: 'Second pick',
      budget: 6,
      maxPerItem: 3,
      anonymous: false,
    });
    const problems: string[] = [];
    for (const [device, options] of [
      ['mouse', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const fran = await openAs(browser, server, boardId, facilitatorKey, 'Fran', options);
      // Two of mine on each, and the dot that adds: three dots beside the two controls.
      for (const itemId of [note, note, card, card]) {
        await post(`/rounds/${round.round.id}/votes`, { itemId }, fran.token);
      }
      for (const id of [note, card]) {
        await overlayOf(fran.page, id).locator('[data-my-votes="2"]').waitFor();
      }
      // A facilitator's whole foot (badge, mark, button, three dots) outgrows a note far out:
      // that it stays inside is asked of the assign phase above, here only how far apart.
      problems.push(
        ...(await acrossZooms(
          fran,
          `${device}-round`,
          device === 'phone',
          async (_id, targets, where) => spacingProblems(targets, where),
        )),
      );
      await fran.context.close();
    }
    expect(problems).toEqual([]);
  });
});
