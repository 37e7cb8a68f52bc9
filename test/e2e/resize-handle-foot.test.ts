/**
 * A selected item's resize handle and its overlay's foot during a round, as a facilitator has
 * them (the live tally, the follow-up mark, the assign button, vote dots), from 100 % down to
 * just short of the canvas's ZOOMED_OUT (25 %), on a note with votes, a note with none (no tally
 * between the mark and the dots) and a concept card, with a mouse (1280 × 800) and on a phone
 * (390 × 844, touch). At 26–30 % with a mouse the dots' pill ran 5–7 px over a selected note's
 * handle: a press meant for the handle could take a vote back, a click meant for the dot
 * that adds start a resize. Now nothing the foot draws, and no area of it that takes the
 * pointer, meets the handle's box; the handle's middle is the handle's, each target's its own;
 * and the targets keep WCAG 2.5.8's 24 px from the mark and the button however the foot is laid
 * out. Screenshots for review: test-results/screenshots/resize-handle-foot-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { type Target, targetsOf } from './canvas-helpers.ts';
import { type Box, footOf, isControl, show, spacingProblems } from './dot-geometry.ts';
import {
  CARD_BELOW_NOTE,
  openAs,
  SCREENSHOTS,
  type SeededBoard,
  seededBoard,
  zoomAndSelect,
} from './workshop-helpers.ts';

const DESKTOP = { width: 1280, height: 800 } as const;
const PHONE = { width: 390, height: 844, touch: true } as const;

/** From full size to just short of ZOOMED_OUT, closely where the pill met the handle. */
const ZOOMS = [1, 0.7, 0.5, 0.42, 0.36, 0.3, 0.28, 0.27, 0.26];

/** More than half a pixel across and down: edges fall between pixels, where the page rounds. */
const overlap = (one: Box, other: Box) =>
  Math.min(one.right, other.right) - Math.max(one.left, other.left) > 0.5 &&
  Math.min(one.bottom, other.bottom) - Math.max(one.top, other.top) > 0.5;

/** Where item `id`'s resize handle is, what its middle hits, and what its foot draws where. */
function drawnOf(page: Page, id: string) {
  return page.evaluate((itemId) => {
    const element = document.querySelector(`[data-item-id="${itemId}"]`)!;
    const box = (rect: DOMRect) => ({
      left: rect.left,
      top: rect.top,
      right: rect.right,
      bottom: rect.bottom,
    });
    const handle = element.querySelector('[data-handle="resize"]');
    if (!handle) return null;
    const at = box(handle.getBoundingClientRect());
    const found = document.elementFromPoint((at.left + at.right) / 2, (at.top + at.bottom) / 2);
    const names = ['wk-badge', 'wk-fu-mark', 'wk-assign'];
    const parts = [
      ...document
        .querySelector(`[data-overlay-of="${element.getAttribute('data-item-id')}"]`)!
        .querySelectorAll<HTMLElement>('.wk-badge, .wk-fu-mark, .wk-assign'),
    ]
      .filter((part) => part.checkVisibility({ visibilityProperty: true }))
      .map((part) => ({
        name: names.find((name) => part.classList.contains(name)) ?? '',
        box: box(part.getBoundingClientRect()),
      }));
    return {
      handle: at,
      hit: handle.contains(found),
      under: found ? `${found.tagName.toLowerCase()}.${found.classList[0] ?? ''}` : 'nothing',
      parts,
    };
  }, id);
}

/**
 * What of item `id`'s foot meets its resize handle: the dots' pill, a dot, the badge, the mark or
 * the button as drawn, or the area of one that takes the pointer; and whether the handle's middle
 * is the handle's, and each target's middle its own.
 */
async function handleProblems(page: Page, id: string, where: string): Promise<string[]> {
  const drawn = await drawnOf(page, id);
  if (!drawn) return [`${where}: no resize handle`];
  const { handle } = drawn;
  const problems: string[] = [];
  if (!drawn.hit) problems.push(`${where}: the handle's middle is ${drawn.under}'s`);
  const foot = await footOf(page, id);
  const targets: Target[] = await targetsOf(page, id);
  const controls = targets.filter(isControl).length;
  if (controls !== 2) problems.push(`${where}: ${controls} of the mark and the button drawn`);
  const boxes = [
    { name: 'the pill', box: foot.pill },
    ...foot.dots.map((dot) => ({ name: `${dot.name} as drawn`, box: dot.box })),
    ...drawn.parts.map((part) => ({ name: `${part.name} as drawn`, box: part.box })),
    ...targets.map((target) => ({ name: `${target.name}'s area`, box: target.box })),
  ];
  for (const { name, box } of boxes) {
    if (overlap(box, handle)) {
      problems.push(`${where}: ${name} ${show(box)} meets the handle ${show(handle)}`);
    }
  }
  for (const target of targets.filter((each) => each.width === 0)) {
    problems.push(`${where}: ${target.name} takes no pointer`);
  }
  problems.push(...spacingProblems(targets, where));
  return problems;
}

describe.skipIf(!HAS_CHROMIUM)('a selected item’s resize handle beside its foot in a round', () => {
  let server: TestServer;
  let browser: Browser;
  let boardId = '';
  let facilitatorKey = '';
  let post: SeededBoard['post'];
  let roundId = '';
  let note = '';
  let bare = '';
  let card = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const seeded = await seededBoard(server, 'Resize handle', [
      { type: 'note', x: 0, y: 0, text: 'Call back within a day' },
      { type: 'note', x: 300, y: 0, text: 'A chat after six' },
      // Far enough below the note that its foot, hanging below its edge, is not under the card.
      CARD_BELOW_NOTE,
    ]);
    boardId = seeded.boardId;
    facilitatorKey = seeded.keys.facilitator;
    post = seeded.post;
    [note = '', bare = '', card = ''] = seeded.ids;
    // Each has a follow-up (the mark), and a public round is open (the tally, the dots).
    await post('/followups', { itemId: note, title: 'Write the script', owner: { name: 'Ben' } });
    await post('/followups', { itemId: bare, title: 'Ask the nurses', owner: { name: 'Ben' } });
    await post('/followups', { itemId: card, title: 'Pilot in March', owner: { name: 'Aino' } });
    const round = await post<{ round: { id: string } }>('/rounds', {
      title: 'Pick',
      budget: 6,
      maxPerItem: 3,
      anonymous: false,
    });
    roundId = round.round.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [device, options] of [
    ['mouse', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    const touch = device === 'phone';
    it(`${touch ? 'on a phone' : 'with a mouse'}, from 100 % to 26 %, the dots, the mark and the assign button keep off the handle, and its middle is the handle’s`, async () => {
      const fran = await openAs(browser, server, boardId, facilitatorKey, 'Fran', options);
      const { page } = fran;
      // Two of mine on the note and the card, and the dot that adds: three dots beside the mark
      // and the button. On the bare note, none: the dot that adds alone, and no tally.
      for (const itemId of [note, note, card, card]) {
        await post(`/rounds/${roundId}/votes`, { itemId }, fran.token);
      }
      const problems: string[] = [];
      for (const [kind, id, mine] of [
        ['note', note, 2],
        ['bare-note', bare, 0],
        ['card', card, 2],
      ] as const) {
        await page.locator(`[data-overlay-of="${id}"] [data-my-votes="${mine}"]`).waitFor();
        const tallies = await page.locator(`[data-overlay-of="${id}"] .wk-badge`).count();
        expect(tallies, `the ${kind}'s tally`).toBe(mine > 0 ? 1 : 0);
        for (const target of ZOOMS) {
          const zoom = await zoomAndSelect(fran, id, target, touch);
          await page.screenshot({
            path: `${SCREENSHOTS}/resize-handle-foot-${device}-${kind}-${zoom}.png`,
          });
          problems.push(...(await handleProblems(page, id, `${device}, the ${kind} at ${zoom} %`)));
        }
      }
      expect(problems).toEqual([]);
      await fran.context.close();
    });
  }
});
