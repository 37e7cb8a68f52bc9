/** Driving the canvas in Chromium: where things are on screen, gestures a person makes. */
import type { Locator, Page } from 'playwright-core';

export const item = (page: Page, id: string): Locator => page.locator(`[data-item-id="${id}"]`);

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
