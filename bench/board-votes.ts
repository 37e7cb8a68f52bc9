/**
 * `npm run bench:board-votes`: what a voting round costs a browser showing a board of 2,000
 * notes, every note with its workshop overlay.
 *
 * A real server (in this process) and a Node Yjs client fill a board with 2,000 notes. Then,
 * three times, the facilitator opens a public round (live tallies) over the whole board through
 * the HTTP API, a fresh browser profile opens the board as a member, and one step is taken every
 * 400 ms, 30 steps a scenario:
 *   - nobody votes: the control, the same marks and waits with nothing happening;
 *   - another member votes (HTTP API): each vote reaches the page as `round:progress`;
 *   - I vote (the page's member, HTTP API): `round:mine` and `round:progress`;
 *   - the round's frame moves: the round is closed, one over a frame around 15 notes opened,
 *     and a Yjs client moves the frame one note to the right and back, in turn.
 * A devtools trace records the page's main thread; a user-timing mark before each step splits
 * it, and a step's cost is the main thread's busy time (its tasks: events, React, style,
 * layout, paint) until the next step's mark, and of that the script's time. What the page then
 * shows is checked: the tallies against the server's, the vote dots on the 15 notes in the
 * frame. Writes bench/results/board-votes-*.json.
 *
 * `BENCH_VIEW=outline`: the same on the outline (the phone's way to vote), 2,000 list items
 * with their vote buttons, instead of the canvas. `BENCH_ROLE=facilitator`: the page's member
 * is a facilitator (who votes too) instead of a participant.
 */
import type { Page } from 'playwright-core';
import type { ItemMap } from '../shared/board-document.ts';
import { addItem, itemsOf } from '../shared/board-document.ts';
import type { RoundView } from '../shared/facilitation.ts';
import {
  connect,
  mainThreadWork,
  NOTES,
  NOTES_ON_SCREEN_VOTABLE,
  post,
  REPS,
  type Span,
  startBoardBench,
  traceMarks,
  writeResults,
} from './board-fixture.ts';
import { percentile } from './stats.ts';

const STEPS = Math.min(99, Number(process.env.BENCH_VOTES) || 30);
const SPACING_MS = 400;
const VIEW = process.env.BENCH_VIEW === 'outline' ? 'outline' : 'canvas';
const ROLE = process.env.BENCH_ROLE === 'facilitator' ? 'facilitator' : 'participant';
/** An item taking votes, and an item's tally, in the view measured. */
const VOTABLE =
  VIEW === 'outline' ? '[data-outline-item-id] .ol-votes' : '.im-world [data-vote-dots]';
/** Where an item's tally is drawn: on the canvas, its overlay's box above the items. */
const tallyOf = (id: string) =>
  VIEW === 'outline' ? `[data-outline-item-id="${id}"]` : `[data-overlay-of="${id}"]`;
const SCENARIOS = [
  'nobody votes',
  'another member votes',
  'I vote',
  'the round’s frame moves',
] as const;
type Scenario = (typeof SCENARIOS)[number];
/** The notes' grid (bench/board-fixture.ts): 230 apart. The frame holds 5 columns × 3 rows. */
const FRAME = { x: -15, y: -15, w: 5 * 230, h: 3 * 230 };

interface Row {
  rep: number;
  scenario: Scenario;
  steps: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
  /** Of the busy time, the script's (event handlers and React). */
  medianScriptMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Several votes on the same few notes of the top row: tallies grow and the ranking shifts. */
const votedNote = (noteIds: string[], n: number) => noteIds[(n * 7) % 25]!;

/** Main-thread busy time and script time after each of `count` steps (ms), from a trace. */
function costPerStep(trace: Buffer, count: number): { busy: number[]; script: number[] } {
  const work = mainThreadWork(trace);
  const marks = traceMarks(trace);
  const windows = Array.from({ length: count }, (_, n) => {
    const from = marks.get(`step-${n}`);
    const to = marks.get(`step-${n + 1}`);
    if (from === undefined || to === undefined) throw new Error(`no mark for step ${n}`);
    return { from, to };
  });
  const within = (spans: Span[]) =>
    windows.map(({ from, to }) =>
      spans.filter((s) => s.start >= from && s.start < to).reduce((sum, s) => sum + s.ms, 0),
    );
  return { busy: within(work.tasks), script: within(work.script) };
}

/** The tallies on the page's notes against the server's results: the page did draw the votes. */
async function checkTallies(page: Page, url: string, token: string): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const view = (await response.json()) as RoundView;
  for (const { itemId, votes } of view.results ?? []) {
    const shown = await page.locator(`${tallyOf(itemId)} [data-votes]`).getAttribute('data-votes');
    if (shown !== String(votes))
      throw new Error(`${itemId}: the page shows ${shown}, not ${votes}`);
  }
}

async function waitForVotable(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    `document.querySelectorAll('${VOTABLE}').length === ${count}`,
    undefined,
    { timeout: 60_000, polling: 500 },
  );
}

const bench = await startBoardBench('Voting benchmark', NOTES);
const rows: Row[] = [];
try {
  const api = `${bench.url}/api/boards/${bench.boardId}`;
  const facilitator = await bench.join(bench.keys.facilitator, 'Facilitator');
  const mover = connect(bench.url, bench.boardId, facilitator.token);
  await mover.synced;
  const frameId = addItem(mover.doc, { type: 'frame', ...FRAME, title: 'Shortlist' });
  const frame = itemsOf(mover.doc).get(frameId) as ItemMap;
  const openRound = async (body: object) => {
    const opened = await post<RoundView>(`${api}/rounds`, body, facilitator.token);
    return `${api}/rounds/${opened.round.id}`;
  };
  const closeRound = (roundUrl: string) => post(`${roundUrl}/close`, {}, facilitator.token);

  for (let rep = 0; rep < REPS; rep++) {
    let roundUrl = await openRound({ title: 'Pick', budget: 99, anonymous: false });
    const viewer = await bench.join(bench.keys[ROLE], `Viewer ${rep + 1}`);
    const voter = await bench.join(bench.keys.participant, `Voter ${rep + 1}`);
    const { page, close } = await bench.memberPage(viewer);
    await page.goto(bench.boardUrl);
    if (VIEW === 'outline') {
      await page.locator('button[data-view="outline"]').click();
      await waitForVotable(page, NOTES);
    } else {
      // The canvas draws dots only near the view: all notes there, those on screen with dots.
      await page.waitForFunction(
        `document.querySelectorAll('.im-world [data-item-type="note"]').length === ${NOTES} &&
          ${NOTES_ON_SCREEN_VOTABLE}`,
        undefined,
        { timeout: 60_000, polling: 500 },
      );
    }
    await sleep(1000);
    for (const scenario of SCENARIOS) {
      if (scenario === 'the round’s frame moves') {
        await closeRound(roundUrl);
        roundUrl = await openRound({ budget: 99, anonymous: false, frameId });
        await waitForVotable(page, 15);
        await sleep(1000);
      }
      const step = async (n: number) => {
        if (scenario === 'the round’s frame moves') {
          frame.set('x', FRAME.x + (n % 2 === 0 ? 230 : 0));
        } else if (scenario !== 'nobody votes') {
          const token = scenario === 'I vote' ? viewer.token : voter.token;
          await post(`${roundUrl}/votes`, { itemId: votedNote(bench.noteIds, n) }, token);
        }
      };
      await bench.browser.startTracing(page, {
        categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'],
      });
      for (let n = 0; n < STEPS; n++) {
        await page.evaluate(`performance.mark('step-${n}')`);
        await step(n);
        await sleep(SPACING_MS);
      }
      await page.evaluate(`performance.mark('step-${STEPS}')`);
      const { busy, script } = costPerStep(await bench.browser.stopTracing(), STEPS);
      if (scenario === 'the round’s frame moves') {
        // An even number of moves leaves the frame where it was: over 15 notes.
        frame.set('x', FRAME.x);
        await waitForVotable(page, 15);
      } else {
        await checkTallies(page, roundUrl, facilitator.token);
      }
      rows.push({
        rep: rep + 1,
        scenario,
        steps: STEPS,
        medianMs: Number(percentile(busy, 50).toFixed(1)),
        p90Ms: Number(percentile(busy, 90).toFixed(1)),
        maxMs: Number(Math.max(...busy).toFixed(1)),
        medianScriptMs: Number(percentile(script, 50).toFixed(1)),
      });
    }
    await closeRound(roundUrl);
    await close();
  }
  mover.provider.destroy();
} finally {
  await bench.close();
}

console.log(
  `Web board (${VIEW}, as a ${ROLE}), ${NOTES} notes in a round, ${STEPS} steps per row, one every ${SPACING_MS} ms ` +
    `(Chromium headless, no GPU): the page's main-thread busy time per step\n`,
);
console.log(
  [
    '| rep | scenario | steps | busy: median (ms) | p90 (ms) | max (ms) | script: median (ms) |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.rep} | ${r.scenario} | ${r.steps} | ${r.medianMs} | ${r.p90Ms} | ${r.maxMs} | ${r.medianScriptMs} |`,
    ),
  ].join('\n'),
);
const medianOfReps = (scenario: Scenario, key: 'medianMs' | 'medianScriptMs') =>
  percentile(
    rows.filter((r) => r.scenario === scenario).map((r) => r[key]),
    50,
  );
const summary = Object.fromEntries(
  SCENARIOS.map((scenario) => [
    scenario,
    {
      busyMs: medianOfReps(scenario, 'medianMs'),
      scriptMs: medianOfReps(scenario, 'medianScriptMs'),
    },
  ]),
);
console.log(`\nmedian of reps (ms per step): ${JSON.stringify(summary)}`);
writeResults('board-votes', { view: VIEW, role: ROLE, notes: NOTES, steps: STEPS, rows, summary });
