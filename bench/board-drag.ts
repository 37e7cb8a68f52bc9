/**
 * `npm run bench:board-drag`: what dragging items costs the board and the page, on a board of
 * 2,000 notes.
 *
 * A real server (in this process) and a Node Yjs client fill a board with 2,000 notes; a second
 * Yjs client (the watcher) stays on the board as another member would. A fresh browser profile
 * opens the board as a participant and drags, for 1.5 s, one note, a block of 10 × 10 notes
 * (chosen with a rectangle) and all of them (Ctrl+A), each three times: a pointer event every
 * 16 ms, as a hand gives them (sent through the devtools protocol without waiting for each, as
 * a round trip takes longer than a frame here), then a rest, then the release. Between
 * repetitions the Node client puts every note back on its grid.
 *
 * Per drag: the updates the watcher received and their bytes (what every member is sent), how
 * much the board's state grew (what everyone who opens the board later loads, for good), the
 * median gap between updates at the watcher, and the page's frames while the pointer moved
 * (intervals between animation frames, and the long animation frames' total).
 *
 * Then the other side: the page rests while the Node client drags one note, then the block of
 * 100, as a page would (1.5 s, the same pace), writing at every frame (16 ms, as drags did
 * before) or every LIVE_WRITE_MS (as now): the page's main-thread time over the drag and 300 ms
 * after it (the devtools protocol's TaskDuration), and its frames. Writes
 * bench/results/board-drag-*.json.
 */
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { LIVE_WRITE_MS } from '../client/src/canvas/tools/live-move.ts';
import { type ItemMap, itemsOf } from '../shared/board-document.ts';
import {
  connect,
  NOTES,
  RECORD_FRAMES,
  REPS,
  type RecordedFrames,
  STOP_FRAMES,
  startBoardBench,
  writeResults,
} from './board-fixture.ts';
import { percentile } from './stats.ts';

const DRAG_MS = 1500;
const EVENT_MS = 16;
/** Screen pixels the pointer moves per millisecond, right and down. */
const SPEED = { x: 0.4, y: 0.2 };
const CASES = [
  { label: 'one note', moved: 1 },
  { label: '100 notes (a 10 × 10 block)', moved: 100 },
  { label: `all ${NOTES} notes (Ctrl+A)`, moved: NOTES },
] as const;
// The 100-note case drags a 10 × 10 block from the corner of the board's 50-column grid.
if (NOTES < 500) throw new Error(`BENCH_NOTES=${NOTES}: the 10 × 10 block needs at least 500`);
/** Another member drags notes while the page rests: written at every frame, or as now. */
const WATCHING = [
  { label: 'one note, written every 16 ms', moved: 1, everyMs: 16 },
  { label: `one note, written every ${LIVE_WRITE_MS} ms`, moved: 1, everyMs: LIVE_WRITE_MS },
  { label: '100 notes, written every 16 ms', moved: 100, everyMs: 16 },
  { label: `100 notes, written every ${LIVE_WRITE_MS} ms`, moved: 100, everyMs: LIVE_WRITE_MS },
] as const;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const boxOf = (page: Page, id: string) =>
  page.evaluate((itemId) => {
    const b = document
      .querySelector(`.im-world [data-item-id="${itemId}"]`)!
      .getBoundingClientRect();
    return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
  }, id) as Promise<Box>;

const bench = await startBoardBench('Drag', NOTES);
const rows: Record<string, unknown>[] = [];
const watchRows: Record<string, unknown>[] = [];
try {
  const writerJoin = await bench.join(bench.keys.facilitator, 'Writer');
  const writer = connect(bench.url, bench.boardId, writerJoin.token);
  await writer.synced;
  const grid = new Map(
    bench.noteIds.map((id) => {
      const map = itemsOf(writer.doc).get(id) as ItemMap;
      return [id, { x: map.get('x') as number, y: map.get('y') as number }];
    }),
  );
  const watcherJoin = await bench.join(bench.keys.participant, 'Watcher');
  const watcher = connect(bench.url, bench.boardId, watcherJoin.token);
  await watcher.synced;
  let updates = 0;
  let bytes = 0;
  const arrivals: number[] = [];
  watcher.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== watcher.provider) return;
    updates++;
    bytes += update.length;
    arrivals.push(performance.now());
  });
  const member = await bench.join(bench.keys.participant, 'Dragger');
  /** Every note back on its grid, as the board was made. */
  const putBack = () =>
    writer.doc.transact(() => {
      for (const [id, place] of grid) {
        const map = itemsOf(writer.doc).get(id) as ItemMap;
        if (map.get('x') !== place.x) map.set('x', place.x);
        if (map.get('y') !== place.y) map.set('y', place.y);
      }
    });
  /** Every note on its grid, and a fresh page with the board drawn and `settleMs` past. */
  const freshPage = async (settleMs: number) => {
    putBack();
    const opened = await bench.memberPage(member);
    await opened.page.goto(bench.boardUrl);
    await opened.page.waitForFunction(
      `document.querySelectorAll('.im-world [data-item-type="note"]').length === ${NOTES}`,
      undefined,
      { timeout: 60_000, polling: 500 },
    );
    await sleep(settleMs);
    return opened;
  };

  for (const testCase of CASES) {
    for (let rep = 0; rep < REPS; rep++) {
      const { page, close } = await freshPage(1000);
      const grab = await select(page, testCase.moved);
      await sleep(1000);
      const stateBefore = Y.encodeStateAsUpdate(watcher.doc).length;
      updates = 0;
      bytes = 0;
      arrivals.length = 0;
      await page.evaluate(RECORD_FRAMES);
      await page.mouse.move(grab.x, grab.y);
      await page.mouse.down();
      const cdp = await page.context().newCDPSession(page);
      const began = performance.now();
      const pointerAt = (t: number) => ({ x: grab.x + t * SPEED.x, y: grab.y + t * SPEED.y });
      let events = 0;
      for (let t = 0; t < DRAG_MS; t = performance.now() - began) {
        const at = pointerAt(t);
        void cdp.send('Input.dispatchMouseEvent', {
          type: 'mouseMoved',
          ...at,
          button: 'left',
          buttons: 1,
        });
        events++;
        const wait = began + events * EVENT_MS - performance.now();
        if (wait > 0) await sleep(wait);
      }
      const end = pointerAt(DRAG_MS);
      await page.mouse.move(end.x, end.y);
      const frames = (await page.evaluate(STOP_FRAMES)) as RecordedFrames;
      await sleep(500);
      await page.mouse.up();
      await sleep(1000);
      const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
      rows.push({
        case: testCase.label,
        rep,
        pointerEvents: events,
        updates,
        bytes,
        stateGrowth: Y.encodeStateAsUpdate(watcher.doc).length - stateBefore,
        updateGapMs: Number(percentile(gaps, 50).toFixed(1)),
        frames: frames.gaps.length,
        frameP50Ms: Number(percentile(frames.gaps, 50).toFixed(1)),
        frameP95Ms: Number(percentile(frames.gaps, 95).toFixed(1)),
        frameMaxMs: Number(Math.max(...frames.gaps).toFixed(1)),
        longFrames: frames.long.length,
        longFramesMs: Math.round(frames.long.reduce((a, b) => a + b, 0)),
      });
      console.log(JSON.stringify(rows.at(-1)));
      await close();
    }
  }
  // Watching: the page rests while the Node client drags notes as a page would, a write every
  // `everyMs` (16: every frame, as before; LIVE_WRITE_MS, as now).
  for (const watching of WATCHING) {
    for (let rep = 0; rep < REPS; rep++) {
      const { page, close } = await freshPage(1500);
      const side = Math.round(Math.sqrt(watching.moved));
      const ids = bench.noteIds.filter((_, i) => i % 50 < side && Math.floor(i / 50) < side);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const busy = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
      };
      await page.evaluate(RECORD_FRAMES);
      const busyBefore = await busy();
      const began = performance.now();
      let writes = 0;
      for (let t = 0; t < DRAG_MS; t = performance.now() - began) {
        // Board units: the pointer's pace above at the page's 30 % zoom, about.
        const dx = Math.round(t * 1.3);
        const dy = Math.round(t * 0.65);
        writer.doc.transact(() => {
          for (const id of ids) {
            const place = grid.get(id)!;
            const map = itemsOf(writer.doc).get(id) as ItemMap;
            map.set('x', place.x + dx);
            map.set('y', place.y + dy);
          }
        });
        writes++;
        const wait = began + writes * watching.everyMs - performance.now();
        if (wait > 0) await sleep(wait);
      }
      await sleep(300);
      const busyMs = (await busy()) - busyBefore;
      const frames = (await page.evaluate(STOP_FRAMES)) as RecordedFrames;
      watchRows.push({
        case: watching.label,
        rep,
        writes,
        busyMs: Math.round(busyMs),
        frames: frames.gaps.length,
        frameP95Ms: Number(percentile(frames.gaps, 95).toFixed(1)),
        longFramesMs: Math.round(frames.long.reduce((a, b) => a + b, 0)),
      });
      console.log(JSON.stringify(watchRows.at(-1)));
      await close();
    }
  }
  watcher.provider.destroy();
  writer.provider.destroy();
} finally {
  await bench.close();
}

/** Per case, the median over its repetitions of each figure in `keys`. */
function medians(
  of: Record<string, unknown>[],
  labels: readonly string[],
  keys: readonly string[],
) {
  return labels.map((label) => {
    const reps = of.filter((row) => row.case === label);
    const figures: Record<string, number | string> = { case: label };
    for (const key of keys) {
      figures[key] = percentile(
        reps.map((row) => row[key] as number),
        50,
      );
    }
    return figures;
  });
}
const summary = medians(
  rows,
  CASES.map((c) => c.label),
  [
    'updates',
    'bytes',
    'stateGrowth',
    'updateGapMs',
    'frames',
    'frameP95Ms',
    'frameMaxMs',
    'longFramesMs',
  ],
);
const watchSummary = medians(
  watchRows,
  WATCHING.map((w) => w.label),
  ['writes', 'busyMs', 'frames', 'frameP95Ms', 'longFramesMs'],
);
console.log('\nmedians of the repetitions, dragging:');
console.table(summary);
console.log('\nmedians of the repetitions, watching another member drag:');
console.table(watchSummary);
writeResults('board-drag', {
  notes: NOTES,
  dragMs: DRAG_MS,
  rows,
  summary,
  watchRows,
  watchSummary,
});

/**
 * Selects `count` notes (1, a square block from the grid's corner, or all) and returns the point
 * to grab them by: the first note's corner, clear of its text.
 */
async function select(page: Page, count: number): Promise<{ x: number; y: number }> {
  const first = bench.noteIds[0]!;
  let corner = await boxOf(page, first);
  // The grid's corner a little way into the view, with room for a rectangle around it.
  await page.mouse.move(500, 400);
  await page.mouse.wheel(corner.left - 120, corner.top - 140);
  await sleep(500);
  corner = await boxOf(page, first);
  if (count === NOTES) {
    await page.mouse.click(corner.left + 10, corner.top + 10);
    await page.keyboard.press('Control+a');
  } else if (count > 1) {
    const side = Math.round(Math.sqrt(count));
    const last = await boxOf(page, bench.noteIds[(side - 1) * 50 + side - 1]!);
    await page.mouse.move(corner.left - 10, corner.top - 10);
    await page.mouse.down();
    await page.mouse.move(last.right + 5, last.bottom + 5, { steps: 8 });
    await page.mouse.up();
  }
  if (count > 1) {
    await page.waitForFunction(
      `document.querySelectorAll('.im-world .is-selected').length === ${count}`,
      undefined,
      { timeout: 60_000, polling: 100 },
    );
  }
  return { x: corner.left + 10, y: corner.top + 10 };
}
