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
import { item, type Target, targetsOf, zoomTo } from './canvas-helpers.ts';
import {
  FILLED_FIELDS,
  openAs,
  type Person,
  SCREENSHOTS,
  seededBoard,
} from './workshop-helpers.ts';

const DESKTOP = { width: 1280, height: 800 } as const;
const PHONE = { width: 390, height: 844, touch: true } as const;

/** From full size past the least a board opens at (30 %) to just short of ZOOMED_OUT (25 %). */
const ZOOMS = [1, 0.7, 0.5, 0.42, 0.36, 0.3, 0.26];

const CONTROLS = ['wk-assign', 'wk-fu-mark'];
const isControl = (target: Target) => CONTROLS.some((name) => target.name.startsWith(`${name} `));

/**
 * What breaks WCAG 2.5.8 among an item's targets, for pairs with the assign button or the mark:
 * one smaller than 24 × 24 px whose 24 px circle (on the middle of the area that takes the
 * pointer) meets another's area, or another small one's circle. Edges fall between pixels, where
 * the page hit-tests by its own rounding: half a pixel.
 */
function spacingProblems(targets: Target[], where: string): string[] {
  const aimed = targets.filter((target) => target.width > 0 && target.height > 0);
  const middle = ({ box }: Target) => ({
    x: (box.left + box.right) / 2,
    y: (box.top + box.bottom) / 2,
  });
  const small = (target: Target) => target.width < 23.5 || target.height < 23.5;
  const problems: string[] = [];
  for (const one of aimed.filter(small)) {
    const at = middle(one);
    for (const other of aimed) {
      if (other === one || !(isControl(one) || isControl(other))) continue;
      const { box } = other;
      const toArea = Math.hypot(
        Math.max(box.left - at.x, 0, at.x - box.right),
        Math.max(box.top - at.y, 0, at.y - box.bottom),
      );
      const apart = Math.hypot(middle(other).x - at.x, middle(other).y - at.y);
      if (toArea < 11.5 || (small(other) && apart < 23.5)) {
        problems.push(
          `${where}: ${one.name} (${one.width.toFixed(1)} × ${one.height.toFixed(1)}) is ` +
            `${apart.toFixed(1)} px from ${other.name}'s middle, ${toArea.toFixed(1)} from its edge`,
        );
      }
    }
  }
  return problems;
}

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
      const parts = [...element.querySelectorAll('.wk-overlay-foot > *, .wk-foot-start > *')]
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
  let seederToken = '';
  let note = '';
  let card = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const seeded = await seededBoard(server, 'Follow-through', [
      { type: 'note', x: 0, y: 0, text: 'Call back within a day' },
      // Far enough below the note that its foot, hanging below its edge, is not under the card.
      {
        type: 'concept',
        x: 0,
        y: 400,
        w: 300,
        h: 400,
        title: 'Evening chat service',
        fields: FILLED_FIELDS,
      },
    ]);
    boardId = seeded.boardId;
    facilitatorKey = seeded.keys.facilitator;
    seederToken = seeded.seederToken;
    [note = '', card = ''] = seeded.ids;
    // The assign phase: a closed round ranks both (the badge), and each has a follow-up.
    const round = await api<{ round: { id: string } }>('/rounds', {
      title: 'Pick',
      budget: 2,
      anonymous: false,
    });
    for (const itemId of [note, card]) {
      await api(`/rounds/${round.round.id}/votes`, { itemId });
    }
    await api(`/rounds/${round.round.id}/close`);
    await api('/followups', { itemId: note, title: 'Write the script', owner: { name: 'Ben' } });
    await api('/followups', { itemId: card, title: 'Pilot in March', owner: { name: 'Aino' } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function api<T = unknown>(route: string, body?: unknown, token = seederToken) {
    const response = await server.api<T>(`/api/boards/${boardId}${route}`, {
      token,
      method: 'POST',
      body,
    });
    expect(response.status, route).toBeLessThan(300);
    return response.body;
  }

  /** Pans item `id` to the middle of the canvas, clear of the bars over a phone's canvas. */
  async function middleOf(page: Page, id: string) {
    const canvas = (await page.locator('.im-canvas').boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + 24);
    for (let i = 0; i < 6; i++) {
      const box = (await item(page, id).boundingBox())!;
      const dx = box.x + box.width / 2 - (canvas.x + canvas.width / 2);
      const dy = box.y + box.height / 2 - (canvas.y + canvas.height * 0.45);
      if (Math.abs(dx) < 4 && Math.abs(dy) < 4) return;
      await page.mouse.wheel(dx, dy);
      await page.waitForTimeout(150);
    }
  }

  /**
   * Zooms to about `target` about item `id`, selected (a click or a tap on its words, where it is
   * not yet: zoomed out in a round, a phone's foot can cover all of a note's words).
   */
  async function zoomAndSelect(person: Person, id: string, target: number, touch: boolean) {
    const { page } = person;
    await middleOf(page, id);
    const zoom = await zoomTo(page, target, item(page, id));
    expect(Math.abs(zoom / target - 1), `zoomed to ${zoom} for ${target}`).toBeLessThan(0.02);
    await middleOf(page, id);
    const selected = page.locator(`[data-item-id="${id}"].is-selected`);
    if ((await selected.count()) === 0) {
      const words = item(page, id).locator('.im-text, .im-concept-title');
      // The middle of its first line: clear of the foot below, and of a phone's tool bar.
      const position = { x: (await words.boundingBox())!.width / 2, y: 3 };
      if (touch) await words.tap({ position });
      else await words.click({ position });
    }
    await page.locator(`[data-item-id="${id}"].is-selected .wk-assign`).waitFor();
    return Math.round(zoom * 100);
  }

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
      const mark = item(page, note).locator('.wk-fu-mark');
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
    const round = await api<{ round: { id: string } }>('/rounds', {
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
        await api(`/rounds/${round.round.id}/votes`, { itemId }, fran.token);
      }
      for (const id of [note, card]) {
        await item(fran.page, id).locator('[data-my-votes="2"]').waitFor();
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
