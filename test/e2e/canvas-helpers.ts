/** Driving the canvas in Chromium: where things are on screen, gestures a person makes. */
import type { Locator, Page } from 'playwright-core';

export const item = (page: Page, id: string): Locator => page.locator(`[data-item-id="${id}"]`);

/**
 * Item `id`'s overlay (vote dots, badge, follow-up mark, assign button): drawn in a layer above
 * every item, outside the item's element (client/src/canvas/items/overlay-layer.ts).
 */
export const overlayOf = (page: Page, id: string): Locator =>
  page.locator(`[data-overlay-of="${id}"]`);

/** The overlay of the item `shown` finds (by its words, say), once it is on the page. */
export async function overlayOfItem(shown: Locator): Promise<Locator> {
  const id = await shown.getAttribute('data-item-id');
  if (!id) throw new Error('not an item');
  return overlayOf(shown.page(), id);
}

export const notesWithText = (page: Page, text: string): Locator =>
  page.locator('[data-item-type="note"]', {
    has: page.locator('[data-item-text]', { hasText: text }),
  });

/** The canvas surface's box on screen. */
export async function surfaceBox(page: Page) {
  const box = await page.locator('.im-surface').boundingBox();
  if (!box) throw new Error('no canvas on the page');
  return box;
}

/** A point on the canvas, as fractions of its size (clear of the tool bar and the minimap). */
export async function canvasPoint(page: Page, fx: number, fy: number) {
  const box = await surfaceBox(page);
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

export async function centreOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Double-clicks empty board, types the note's text and leaves the editor. */
export async function addNoteByDoubleClick(page: Page, fx: number, fy: number, text: string) {
  const at = await canvasPoint(page, fx, fy);
  await page.mouse.dblclick(at.x, at.y);
  const editor = page.locator('.im-note textarea.im-editor');
  await editor.waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
}

/** Presses, moves in steps and releases, like a hand on a mouse. */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 12,
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

export async function zoomOf(page: Page): Promise<number> {
  const percent = await page.locator('.im-zoom-percent').getAttribute('data-zoom-percent');
  return Number(percent) / 100;
}

/** Presses "zoom to fit" and waits out its short animation. */
export async function zoomToFit(page: Page) {
  await page.locator('.im-zoom [data-action="zoom-to-fit"]').click();
  await page.waitForTimeout(450);
}

/**
 * Zooms the board to about `target` (within 2 %) as Ctrl and the wheel do, about the middle of
 * `around` (the canvas where none is given): what is under the pointer stays there.
 */
export async function zoomTo(page: Page, target: number, around?: Locator): Promise<number> {
  const box = (await (around ?? page.locator('.im-canvas')).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  for (let i = 0; i < 20; i++) {
    const zoom = await zoomOf(page);
    if (Math.abs(zoom / target - 1) < 0.02) break;
    // The board zooms by e^(-deltaY / 100) a wheel step, by no more than e^0.5.
    const deltaY = Math.max(-50, Math.min(50, -100 * Math.log(target / zoom)));
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(100);
  }
  await page.keyboard.up('Control');
  return zoomOf(page);
}

export interface Target {
  name: string;
  /** How far a finger can be from the button's centre and still hit it, across and down. */
  width: number;
  height: number;
  /** Where its centre is on the page. */
  x: number;
  y: number;
  /** The area that takes the pointer, seen out from that centre (empty where none does). */
  box: { left: number; top: number; right: number; bottom: number };
}

/**
 * The hit area of each shown button in item `id`'s overlay: from its centre, how far along its
 * row and its column the point under a finger is still the button.
 */
export function targetsOf(page: Page, id: string): Promise<Target[]> {
  return targetsIn(page, `[data-overlay-of="${id}"] .wk-overlay button`);
}

/**
 * The hit area of each shown button `selector` matches, as `targetsOf` measures it. `reveal`
 * scrolls each into its bar's view first (a tool bar that scrolls on a short screen).
 */
export function targetsIn(page: Page, selector: string, reveal = false): Promise<Target[]> {
  return page.evaluate(
    ({ selector, reveal }) => {
      const buttons = [...document.querySelectorAll<HTMLElement>(selector)].filter((button) =>
        button.checkVisibility({ visibilityProperty: true }),
      );
      return buttons.map((button) => {
        if (reveal) button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const box = button.getBoundingClientRect();
        const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
        const hits = (x: number, y: number) => {
          const found = document.elementFromPoint(x, y);
          return found !== null && button.contains(found);
        };
        // Out in whole pixels to the first miss, then halving the last pixel to a 64th.
        const reach = (dx: number, dy: number) => {
          let hit = 0;
          while (hit < 100 && hits(cx + dx * (hit + 1), cy + dy * (hit + 1))) hit += 1;
          let miss = hit + 1;
          for (let i = 0; i < 6; i++) {
            const mid = (hit + miss) / 2;
            if (hits(cx + dx * mid, cy + dy * mid)) hit = mid;
            else miss = mid;
          }
          return hit;
        };
        // Named with what ends its area on each side, for a failure to say what is in the way.
        const at = (x: number, y: number) => {
          const found = document.elementFromPoint(x, y);
          return found
            ? `${found.tagName.toLowerCase()}.${found.classList[0] ?? ''}`
            : 'off screen';
        };
        const label = button.getAttribute('aria-label') ?? button.textContent;
        const name = `${button.classList[1] ?? button.className} "${label?.slice(0, 24)}"`;
        if (!hits(cx, cy)) {
          const box = { left: cx, top: cy, right: cx, bottom: cy };
          return { name: `${name}, under ${at(cx, cy)}`, width: 0, height: 0, x: cx, y: cy, box };
        }
        const [left, right, up, down] = [reach(-1, 0), reach(1, 0), reach(0, -1), reach(0, 1)];
        const ends = [
          at(cx - left - 1, cy),
          at(cx + right + 1, cy),
          at(cx, cy - up - 1),
          at(cx, cy + down + 1),
        ];
        return {
          name: `${name}, ending at ${ends.join(' ')}`,
          width: left + right,
          height: up + down,
          x: cx,
          y: cy,
          box: { left: cx - left, top: cy - up, right: cx + right, bottom: cy + down },
        };
      });
    },
    { selector, reveal },
  );
}
