/**
 * A drag at a hand's pace on a real page. Every write of a drag stays in the board's history
 * (about 20 bytes per moved item), so the board document gets the dragged items' place at most
 * every LIVE_WRITE_MS; the page draws them, and the connectors ending on them, under the pointer
 * at every frame. Alt+arrow held down moves items as a drag does. A plain Yjs client judges
 * what the document got.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_WRITE_MS } from '../../client/src/canvas/tools/live-move.ts';
import { addItem, type ItemMap, itemsOf } from '../../shared/board-document.ts';
import type { Point } from '../../shared/geometry.ts';
import { openBoard, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { sleep, socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { centreOf, item, zoomOf } from './canvas-helpers.ts';

interface Drawn {
  translate: string;
  /** What a resize adds to its width between writes. */
  grow: string;
  box: DOMRect;
  /** Where the board's connector starts and ends. */
  line: { x: number; y: number };
  lineEnd: { x: number; y: number };
  /** A note's text, in CSS pixels: the height inside its padding, the text's, one line's. */
  text: { inner: number; shown: number; line: number } | null;
}

/** What the frame after now draws of item `id`, and of the board's connector. */
function nextFrame(page: Page, id: string) {
  return page.evaluate(
    (itemId) =>
      new Promise<Drawn>((resolve) =>
        requestAnimationFrame(() => {
          const element = document.querySelector<HTMLElement>(`[data-item-id="${itemId}"]`)!;
          const line = document.querySelector<SVGPathElement>('.im-connector-line')!;
          const onScreen = (at: number) => {
            const point = line.getPointAtLength(at).matrixTransform(line.getScreenCTM()!);
            return { x: point.x, y: point.y };
          };
          const lines = element.querySelector<HTMLElement>('.im-text');
          const style = getComputedStyle(element);
          const padding =
            Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom);
          resolve({
            text: lines && {
              inner: element.clientHeight - padding,
              shown: lines.offsetHeight,
              line: Number.parseFloat(getComputedStyle(lines).lineHeight),
            },
            translate: element.style.translate,
            grow: element.style.getPropertyValue('--im-grow-w'),
            box: element.getBoundingClientRect().toJSON(),
            line: onScreen(0),
            lineEnd: onScreen(line.getTotalLength()),
          });
        }),
      ),
    id,
  );
}

/**
 * Presses the pointer at `from` and moves it `step` pixels sixty times, 16 ms apart (a second,
 * unless the machine is busy), as a hand gives them: not each awaited, since a round trip to
 * the browser takes longer than a frame here. Returns where the pointer is, still pressed,
 * and how long the moves took to reach the page.
 */
async function pressAndMove(page: Page, from: Point, step: Point) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const cdp = await page.context().newCDPSession(page);
  const began = Date.now();
  const steps = 60;
  for (let n = 1; n <= steps; n++) {
    void cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseMoved',
      x: from.x + step.x * n,
      y: from.y + step.y * n,
      button: 'left',
      buttons: 1,
    });
    await sleep(16);
  }
  const pointer = { x: from.x + step.x * steps, y: from.y + step.y * steps };
  // Awaited: every step before it has reached the page.
  await page.mouse.move(pointer.x, pointer.y);
  return { pointer, ms: Date.now() - began };
}

/** How far the pointer went from `from` on screen, in whole board units at `zoom`. */
function travelled(from: Point, pointer: Point, zoom: number): Point {
  return { x: Math.round((pointer.x - from.x) / zoom), y: Math.round((pointer.y - from.y) / zoom) };
}

/** Until the document has each of `expected`'s fields of `map`, give or take a unit. */
function caughtUp(map: ItemMap, expected: Record<string, number>, what: string) {
  const near = ([key, value]: [string, number]) => Math.abs((map.get(key) as number) - value) <= 1;
  return waitFor(() => Object.entries(expected).every(near), what);
}

/** How many times `key` of `map` has been written since this call. */
function writesOf(map: ItemMap, key: string): () => number {
  let writes = 0;
  map.observe((event) => {
    if (event.keysChanged.has(key)) writes++;
  });
  return () => writes;
}

/** Whether a frame draws the item ahead of the document: moved, or grown, between writes. */
const drawnAhead = (frame: Drawn) =>
  !['', '0px 0px'].includes(frame.translate) || !['', '0px'].includes(frame.grow);

/**
 * Moves the still pressed pointer `step` at a time, each step looked at in the frame after it
 * (`check`), until two frames have drawn item `id` ahead of the document; returns how many did
 * (2, or fewer after 20 steps).
 */
async function stepUntilBetweenWrites(
  page: Page,
  id: string,
  pointer: Point,
  step: Point,
  check: (frame: Drawn) => void,
): Promise<number> {
  let between = 0;
  for (let n = 0; n < 20 && between < 2; n++) {
    pointer.x += step.x;
    pointer.y += step.y;
    await page.mouse.move(pointer.x, pointer.y);
    const frame = await nextFrame(page, id);
    check(frame);
    if (drawnAhead(frame)) between++;
  }
  return between;
}

/** How far a point is from a box's outline (0 on it). */
function distanceToEdge(p: { x: number; y: number }, box: DOMRect): number {
  const dx = Math.max(box.x - p.x, 0, p.x - (box.x + box.width));
  const dy = Math.max(box.y - p.y, 0, p.y - (box.y + box.height));
  if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
  return Math.min(p.x - box.x, box.x + box.width - p.x, p.y - box.y, box.y + box.height - p.y);
}

describe.skipIf(!HAS_CHROMIUM)('dragging items', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let observer: ReturnType<typeof socketIoClient>;
  let moved = '';
  let stroke = '';
  let nudged = '';
  let still = '';
  let clipped = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Dragging' });
    const facilitator = await server.join(created.board.id, created.keys.facilitator, 'Observer');
    observer = socketIoClient(server.url, created.board.id, facilitator.token);
    await observer.synced;
    observer.doc.transact(() => {
      moved = addItem(observer.doc, { type: 'note', x: 0, y: 0, text: 'Moved' });
      still = addItem(observer.doc, { type: 'note', x: 700, y: 300, text: 'Still' });
      addItem(observer.doc, { type: 'connector', x: 0, y: 0, from: moved, to: still });
      const points = [0, 600, 100, 600, 200, 600, 300, 600, 400, 600];
      stroke = addItem(observer.doc, { type: 'stroke', x: 0, y: 600, points });
      nudged = addItem(observer.doc, { type: 'note', x: 300, y: 900, text: 'Nudged' });
      const text = 'A long idea that goes on and on. '.repeat(60);
      clipped = addItem(observer.doc, { type: 'note', x: 1200, y: 0, text });
    });
    ({ page } = await openBoard(browser, created.links.participant, 'Aino'));
    await waitForConnection(page);
    await item(page, moved).waitFor();
  });
  afterAll(async () => {
    observer?.destroy();
    await browser?.close();
    await server?.close();
  });

  it('writes the place at most every 80 ms, draws the note and its connector under the pointer, and writes where it rests', async () => {
    const map = itemsOf(observer.doc).get(moved) as ItemMap;
    const start = { x: map.get('x') as number, y: map.get('y') as number };
    const writes = writesOf(map, 'x');
    const zoom = await zoomOf(page);
    const from = await centreOf(item(page, moved));
    const { pointer, ms: movingMs } = await pressAndMove(page, from, { x: 3, y: 1 });
    const duringMove = writes();
    expect(duringMove).toBeGreaterThan(4);
    // Written at every frame, as before, this was 59.
    expect(duringMove).toBeLessThanOrEqual(Math.ceil(movingMs / LIVE_WRITE_MS) + 2);

    // Between writes the note is drawn ahead of the document, under the pointer, and its
    // connector starts at it: a few more steps, each looked at in the frame after it, until
    // one falls between writes.
    const between = await stepUntilBetweenWrites(page, moved, pointer, { x: 6, y: 0 }, (frame) => {
      expect(Math.abs(frame.box.x + frame.box.width / 2 - pointer.x)).toBeLessThanOrEqual(1.5);
      expect(Math.abs(frame.box.y + frame.box.height / 2 - pointer.y)).toBeLessThanOrEqual(1.5);
      expect(distanceToEdge(frame.line, frame.box)).toBeLessThanOrEqual(1.5);
    });
    expect(between).toBe(2);

    // The pointer rests, still pressed: the document catches up without a release.
    const expected = {
      x: start.x + travelled(from, pointer, zoom).x,
      y: start.y + travelled(from, pointer, zoom).y,
    };
    await caughtUp(map, expected, 'the place where the pointer rests');
    await page.mouse.up();
    await sleep(300);
    // Released where it rested: nothing more to write, and nothing is drawn off its place.
    expect(Math.abs((map.get('x') as number) - expected.x)).toBeLessThanOrEqual(1);
    expect(
      await item(page, moved).evaluate((element) => (element as HTMLElement).style.translate),
    ).toBe('');
    const after = await centreOf(item(page, moved));
    expect(Math.abs(after.x - pointer.x)).toBeLessThanOrEqual(1.5);
  });

  it('draws a stroke under the pointer between writes too, and writes its points where it rests', async () => {
    const map = itemsOf(observer.doc).get(stroke) as ItemMap;
    const before = [...(map.get('points') as number[])];
    const zoom = await zoomOf(page);
    const from = await centreOf(item(page, stroke));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const pointer = { ...from };
    const between = await stepUntilBetweenWrites(page, stroke, pointer, { x: 6, y: 2 }, (frame) => {
      // Grabbed by its middle, it stays centred on the pointer.
      expect(Math.abs(frame.box.x + frame.box.width / 2 - pointer.x)).toBeLessThanOrEqual(1.5);
      expect(Math.abs(frame.box.y + frame.box.height / 2 - pointer.y)).toBeLessThanOrEqual(1.5);
    });
    expect(between).toBe(2);
    const { x: dx, y: dy } = travelled(from, pointer, zoom);
    const expected = before.map((n, i) => n + (i % 2 === 0 ? dx : dy));
    await waitFor(
      () => (map.get('points') as number[]).every((n, i) => Math.abs(n - expected[i]!) <= 1),
      'the points where the pointer rests',
    );
    await page.mouse.up();
    expect(
      await item(page, stroke).evaluate((element) => (element as SVGElement).style.translate),
    ).toBe('');
  });

  it('holding Alt+arrow draws the note at every repeat and writes it at most every 80 ms, one undo step', async () => {
    const map = itemsOf(observer.doc).get(nudged) as ItemMap;
    const start = { x: map.get('x') as number, y: map.get('y') as number };
    const writes = writesOf(map, 'x');
    const zoom = await zoomOf(page);
    await item(page, nudged).click();
    const from = await nextFrame(page, nudged);
    await page.keyboard.down('Alt');
    const began = Date.now();
    // A press, then the key repeats (as a keyboard does about every 33 ms): each repeat is
    // looked at in the frame after it.
    const presses = 30;
    let between = 0;
    for (let press = 1; press <= presses; press++) {
      await page.keyboard.down('ArrowRight');
      const frame = await nextFrame(page, nudged);
      expect(Math.abs(frame.box.x - (from.box.x + 10 * press * zoom))).toBeLessThanOrEqual(1.5);
      if (drawnAhead(frame)) between++;
    }
    const heldMs = Date.now() - began;
    const duringHold = writes();
    expect(between).toBeGreaterThan(0);
    expect(duringHold).toBeGreaterThan(1);
    // Written at every repeat, as before, this was 30.
    expect(duringHold).toBeLessThanOrEqual(Math.ceil(heldMs / LIVE_WRITE_MS) + 2);
    await page.keyboard.up('ArrowRight');
    await page.keyboard.up('Alt');
    // Let go: the document has where the repeats got to, and the note is drawn there.
    await waitFor(
      () => map.get('x') === start.x + 10 * presses,
      'the place where the key was let go',
    );
    expect(map.get('y')).toBe(start.y);
    const after = await nextFrame(page, nudged);
    expect(after.translate).toBe('');
    expect(Math.abs(after.box.x - (from.box.x + 10 * presses * zoom))).toBeLessThanOrEqual(1.5);
    // The press and its repeats are one step to undo.
    await page.keyboard.press('Control+z');
    await waitFor(() => map.get('x') === start.x, 'the hold undone');
    await sleep(500);
    expect(map.get('x')).toBe(start.x);
  });

  it('a resize draws the note larger at every frame, with its connector, and writes its size at most every 80 ms', async () => {
    const map = itemsOf(observer.doc).get(still) as ItemMap;
    const start = { w: map.get('w') as number, h: map.get('h') as number };
    const writes = writesOf(map, 'w');
    const zoom = await zoomOf(page);
    await item(page, still).click();
    const handle = item(page, still).locator('[data-handle="resize"]');
    const from = await centreOf(handle);
    const before = await nextFrame(page, still);
    const { pointer, ms: resizingMs } = await pressAndMove(page, from, { x: 2, y: 1 });
    const duringResize = writes();
    expect(duringResize).toBeGreaterThan(4);
    // Written at every frame, as before, this was about 60.
    expect(duringResize).toBeLessThanOrEqual(Math.ceil(resizingMs / LIVE_WRITE_MS) + 2);

    // Between writes the note is drawn as large as the pointer has it, where it was, and its
    // connector still ends on its edge.
    const between = await stepUntilBetweenWrites(page, still, pointer, { x: 4, y: 0 }, (frame) => {
      expect(Math.abs(frame.box.x - before.box.x)).toBeLessThanOrEqual(1.5);
      expect(
        Math.abs(frame.box.width - (before.box.width + pointer.x - from.x)),
      ).toBeLessThanOrEqual(1.5);
      expect(
        Math.abs(frame.box.height - (before.box.height + pointer.y - from.y)),
      ).toBeLessThanOrEqual(1.5);
      expect(distanceToEdge(frame.lineEnd, frame.box)).toBeLessThanOrEqual(1.5);
    });
    expect(between).toBe(2);

    // The pointer rests: the document catches up before the release.
    const expected = {
      w: start.w + travelled(from, pointer, zoom).x,
      h: start.h + travelled(from, pointer, zoom).y,
    };
    await caughtUp(map, expected, 'the size where the pointer rests');
    await page.mouse.up();
    const after = await nextFrame(page, still);
    expect(after.grow).toBe('');
    expect(Math.abs(after.box.width - (before.box.width + pointer.x - from.x))).toBeLessThanOrEqual(
      1.5,
    );
    expect(distanceToEdge(after.lineEnd, after.box)).toBeLessThanOrEqual(1.5);
  });

  it('a clipped note being resized shows the whole lines its drawn height holds, between writes too', async () => {
    /** As many whole lines as the note's inside holds: no half line, and no room for one more. */
    const wholeLinesShown = (frame: Drawn) => {
      const { inner, shown, line } = frame.text!;
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThanOrEqual(inner + 0.5);
      expect(inner - shown).toBeLessThan(line);
    };
    await item(page, clipped).click();
    wholeLinesShown(await nextFrame(page, clipped));
    const handle = item(page, clipped).locator('[data-handle="resize"]');
    const from = await centreOf(handle);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    // Each step adds more than a line (23.4 board units), so a frame between writes that
    // still laid the text out for the written size would show room for one more.
    const step = { x: 0, y: Math.ceil(30 * (await zoomOf(page))) };
    const between = await stepUntilBetweenWrites(page, clipped, { ...from }, step, wholeLinesShown);
    expect(between).toBe(2);
    await page.mouse.up();
    wholeLinesShown(await nextFrame(page, clipped));
  });
});
