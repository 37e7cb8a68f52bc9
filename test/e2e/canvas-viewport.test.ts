/** Moving around the board: wheel, pinch-zoom at the pointer, buttons, space+drag, overview, follow. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READABLE_TEXT_PX } from '../../client/src/canvas/model/first-view.ts';
import { addItem } from '../../shared/board-document.ts';
import { type OpenedBoard, openBoard, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { canvasPoint, centreOf, drag, item, zoomOf, zoomToFit } from './canvas-helpers.ts';

/** The world transform: translate(tx, ty) scale(zoom). */
async function camera(page: Page) {
  const transform = await page
    .locator('.im-world')
    .evaluate((el) => (el as HTMLElement).style.transform);
  const [tx, ty, zoom] = (transform.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
  return { tx: tx!, ty: ty!, zoom: zoom! };
}

describe.skipIf(!HAS_CHROMIUM)('moving around the board', () => {
  let server: TestServer;
  let browser: Browser;
  let aino: OpenedBoard;
  let bruno: OpenedBoard;
  let page: Page;
  let observer: ReturnType<typeof socketIoClient>;
  let noteId = '';
  let farId = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Viewport' });
    const joined = await server.join(created.board.id, created.keys.facilitator, 'Observer');
    observer = socketIoClient(server.url, created.board.id, joined.token);
    await observer.synced;
    observer.doc.transact(() => {
      noteId = addItem(observer.doc, { type: 'note', x: 0, y: 0, text: 'Here' });
      farId = addItem(observer.doc, { type: 'note', x: 3000, y: 2000, text: 'Far away' });
    });
    aino = await openBoard(browser, created.links.participant, 'Aino');
    bruno = await openBoard(browser, created.links.participant, 'Bruno');
    page = aino.page;
    await waitForConnection(page);
    await item(page, noteId).waitFor();
  });
  afterAll(async () => {
    observer?.destroy();
    await browser?.close();
    await server?.close();
  });

  it('opens a big board readable, at its top-left corner', async () => {
    // The two notes are 3,000 units apart: fitting both would make the text unreadable. It opens
    // where a note's words are READABLE_TEXT_PX on screen (18 px at 100 %).
    expect((await camera(page)).zoom).toBeCloseTo(READABLE_TEXT_PX / 18, 2);
    const screen = (await page.locator('.im-surface').boundingBox())!;
    const here = (await item(page, noteId).boundingBox())!;
    expect(here.x).toBeGreaterThan(screen.x);
    expect(here.y).toBeGreaterThan(screen.y);
    expect(here.x + here.width).toBeLessThan(screen.x + screen.width);
  });

  it('ctrl+wheel (and trackpad pinch) zooms around the pointer; the wheel pans', async () => {
    await zoomToFit(page);
    const target = await centreOf(item(page, noteId));
    await page.mouse.move(target.x, target.y);
    const zoomBefore = (await camera(page)).zoom;
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -50);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await camera(page)).zoom).toBeGreaterThan(zoomBefore * 1.3);
    // The note under the pointer stayed under the pointer.
    const after = await centreOf(item(page, noteId));
    expect(Math.abs(after.x - target.x)).toBeLessThan(2);
    expect(Math.abs(after.y - target.y)).toBeLessThan(2);

    const before = await camera(page);
    await page.mouse.wheel(40, 120);
    await expect.poll(async () => (await camera(page)).ty).toBeCloseTo(before.ty - 120, 0);
    expect((await camera(page)).tx).toBeCloseTo(before.tx - 40, 0);
  });

  it('zoom buttons step the zoom and show the percentage; zoom to fit shows everything', async () => {
    const before = await zoomOf(page);
    await page.locator('.im-zoom button[aria-label="Zoom in"]').click();
    await expect.poll(() => zoomOf(page)).toBeCloseTo(before * 1.25, 1);
    await page.waitForTimeout(250);
    const shown = await page
      .locator('.im-zoom-percent')
      .evaluate((el) => [el.textContent, el.getAttribute('data-zoom-percent')]);
    expect(shown[0]).toBe(`${shown[1]} %`);
    expect(Math.abs(Number(shown[1]) - before * 125)).toBeLessThanOrEqual(1);
    await zoomToFit(page);
    const screen = (await page.locator('.im-surface').boundingBox())!;
    const far = (await item(page, farId).boundingBox())!;
    expect(far.x + far.width).toBeLessThanOrEqual(screen.x + screen.width);
    expect(far.y + far.height).toBeLessThanOrEqual(screen.y + screen.height);
  });

  it('space+drag pans without moving items', async () => {
    await zoomToFit(page);
    // Focus on the board (not on the zoom button last clicked, which Space would press).
    const empty = await canvasPoint(page, 0.5, 0.1);
    await page.mouse.click(empty.x, empty.y);
    const before = await camera(page);
    const from = await centreOf(item(page, noteId));
    await page.keyboard.down(' ');
    await drag(page, from, { x: from.x + 80, y: from.y + 30 });
    await page.keyboard.up(' ');
    const after = await camera(page);
    expect(after.tx - before.tx).toBeCloseTo(80, 0);
    expect(after.ty - before.ty).toBeCloseTo(30, 0);
    const note = observer.doc.getMap('items').get(noteId) as { get(k: string): unknown };
    expect(note.get('x')).toBe(0);
  });

  it('touch: one finger on empty board pans, two fingers pinch to zoom', async () => {
    await zoomToFit(page);
    const cdp = await aino.context.newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 2 });
    const touch = (
      type: 'touchStart' | 'touchMove' | 'touchEnd',
      points: { x: number; y: number }[],
    ) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
      });
    const at = await canvasPoint(page, 0.5, 0.9);
    const before = await camera(page);
    await touch('touchStart', [at]);
    for (let i = 1; i <= 5; i++) await touch('touchMove', [{ x: at.x + i * 10, y: at.y - i * 6 }]);
    await touch('touchEnd', []);
    const panned = await camera(page);
    expect(panned.tx - before.tx).toBeCloseTo(50, 0);
    expect(panned.ty - before.ty).toBeCloseTo(-30, 0);

    const mid = await canvasPoint(page, 0.5, 0.5);
    const spread = (d: number) => [
      { x: mid.x - d, y: mid.y },
      { x: mid.x + d, y: mid.y },
    ];
    await touch('touchStart', spread(40));
    for (let d = 50; d <= 80; d += 10) await touch('touchMove', spread(d));
    await touch('touchEnd', []);
    expect((await camera(page)).zoom).toBeCloseTo(panned.zoom * 2, 1);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await cdp.detach();
  });

  it('the overview moves the view where I click', async () => {
    await page.locator('.im-zoom [data-action="minimap"]').click();
    const minimap = page.locator('.im-minimap canvas');
    await minimap.waitFor();
    const before = await camera(page);
    const box = (await minimap.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height * 0.9);
    const after = await camera(page);
    expect(after.tx).toBeLessThan(before.tx);
    expect(after.ty).toBeLessThan(before.ty);
  });

  it('the overview draws a new item, and my view’s frame as I pan', async () => {
    const picture = () =>
      page.locator('.im-minimap canvas').evaluate((el) => (el as HTMLCanvasElement).toDataURL());
    const before = await picture();
    // Between the two notes: within the overview's bounds, so only the items changed (its boxes
    // are drawn once per change of the items or of its scale, Minimap.tsx).
    observer.doc.transact(() => {
      addItem(observer.doc, { type: 'note', x: 1500, y: 1000, text: 'Between' });
    });
    await expect.poll(picture, { timeout: 3000 }).not.toBe(before);
    const drawn = await picture();
    const middle = await canvasPoint(page, 0.5, 0.5);
    await page.mouse.move(middle.x, middle.y);
    await page.mouse.wheel(0, -120);
    await expect.poll(picture, { timeout: 3000 }).not.toBe(drawn);
  });

  it('the board moves on the compositor’s fast path, and animates nothing once at rest', async () => {
    const before = await camera(page);
    // A wheel event straight to the surface, and what it left on the board in the same task:
    // while the camera moves, the world carries its motion animation (model/motion.ts).
    const moving = await page.locator('.im-surface').evaluate((surface) => {
      const box = surface.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
      surface.dispatchEvent(
        new WheelEvent('wheel', { ...at, deltaX: 300, bubbles: true, cancelable: true }),
      );
      return document.querySelector('.im-world')!.getAnimations().length;
    });
    expect(moving).toBe(1);
    // The animation adds nothing to where the board is: the wheel's pan alone.
    const after = await camera(page);
    expect(after.tx).toBeLessThan(before.tx);
    expect(after.ty).toBeCloseTo(before.ty, 5);
    const world = page.locator('.im-world');
    const shown = await world.evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).e);
    expect(shown).toBeCloseTo(after.tx, 3);
    // At rest nothing is left running: an idle board renders no frames.
    await expect
      .poll(() => page.evaluate(() => document.getAnimations().length), { timeout: 3000 })
      .toBe(0);
  });

  it('following someone brings my view to theirs', async () => {
    await waitForConnection(bruno.page);
    await item(bruno.page, farId).waitFor();
    // Bruno looks at the far note, zoomed in.
    await item(bruno.page, farId).click();
    await bruno.page.keyboard.press('Escape');
    await zoomToFit(bruno.page);
    const far = await centreOf(item(bruno.page, farId));
    await bruno.page.mouse.move(far.x, far.y);
    await bruno.page.keyboard.down('Control');
    await bruno.page.mouse.wheel(0, -60);
    await bruno.page.keyboard.up('Control');
    await bruno.page.waitForTimeout(300);
    const brunoZoom = (await camera(bruno.page)).zoom;

    await page.locator('.presence-toggle').click();
    await page.locator('.presence-row', { hasText: 'Bruno' }).locator('button').click();
    await expect
      .poll(async () => (await camera(page)).zoom, { timeout: 5000 })
      .toBeCloseTo(brunoZoom, 2);
    // The far note is now on my screen.
    const screen = (await page.locator('.im-surface').boundingBox())!;
    const mine = (await item(page, farId).boundingBox())!;
    expect(mine.x).toBeGreaterThan(screen.x);
    expect(mine.x).toBeLessThan(screen.x + screen.width);
  });
});
