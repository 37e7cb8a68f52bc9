/**
 * Vote dots with a mouse (1280 × 800), measured from the boxes the page lays out: a round's
 * limit per item can be the whole budget (up to 99), and a participant's many dots on one note,
 * kept 24 px apart, wrapped into rows until the foot rose out of the note, more so zoomed out
 * (QA). Now, as on a touch screen, more than three of mine on an item are one dot with their
 * number: it says how many by name too, a click on it takes one back, and the keyboard's "-"
 * does. Checked from 100 % to the least zoom a board opens at (30 %) with 1, 3, 4 and 12 of
 * my votes. Screenshots for review: test-results/screenshots/mouse-dots-*.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item, overlayOf, zoomTo } from './canvas-helpers.ts';
import { footOf, footProblems, inside, show } from './dot-geometry.ts';
import { openAs, type Person, SCREENSHOTS } from './workshop-helpers.ts';

const DESKTOP = { width: 1280, height: 800 } as const;

/** From full size to the least zoom a board's first view starts at (MIN_START_ZOOM). */
const ZOOMS = [1, 0.7, 0.5, 0.42, 0.36, 0.3];

/** My votes on each note, and on a concept card of its usual size. */
const MINE: readonly number[] = [1, 3, 4, 12];
const CARD_VOTES = 12;

describe.skipIf(!HAS_CHROMIUM)('vote dots with a mouse', () => {
  let server: TestServer;
  let browser: Browser;
  let mo: Person;
  /** A note per count in MINE, in that order, and the card. */
  let notes: string[] = [];
  let card = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Mouse dots' });
    const boardId = created.board.id;
    const facilitator = await server.join(boardId, created.keys.facilitator, 'Seeder');
    const writer = socketIoClient(server.url, boardId, facilitator.token);
    await writer.synced;
    notes = MINE.map((votes, index) =>
      addItem(writer.doc, {
        type: 'note',
        x: (index % 2) * 240,
        y: Math.floor(index / 2) * 240,
        text: `${votes} of mine`,
      }),
    );
    card = addItem(writer.doc, {
      type: 'concept',
      x: 480,
      y: 0,
      title: 'Evening chat service',
      fields: { name: 'Evening chat', firstStep: 'Pilot in March' },
    });
    await waitFor(
      () => server.documents.open({ boardId }).doc.getMap('items').has(card),
      'the items on the server',
    );
    writer.destroy();
    // The limit per item is the whole budget, as a round may have it.
    const budget = MINE.reduce((sum, votes) => sum + votes, CARD_VOTES) + 2;
    const round = await server.api<{ round: { id: string } }>(`/api/boards/${boardId}/rounds`, {
      token: facilitator.token,
      method: 'POST',
      body: { title: 'Pick', budget, maxPerItem: budget, anonymous: true },
    });
    mo = await openAs(browser, server, boardId, created.keys.participant, 'Mo', DESKTOP);
    // Cast through the API: the page hears of my votes (round:mine) as from another tab of mine.
    const votes = `/api/boards/${boardId}/rounds/${round.body.round.id}/votes`;
    for (const [index, id] of [...notes, card].entries()) {
      for (let vote = 0; vote < (MINE[index] ?? CARD_VOTES); vote++) {
        await server.api(votes, { token: mo.token, body: { itemId: id } });
      }
    }
    for (const [index, id] of [...notes, card].entries()) {
      await overlayOf(mo.page, id)
        .locator(`[data-my-votes="${MINE[index] ?? CARD_VOTES}"]`)
        .waitFor();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('from 100 % to 30 %, with 1, 3, 4 and 12 of my votes, the dots stay inside their pill and the foot inside its item (QA)', async () => {
    const { page } = mo;
    const problems: string[] = [];
    for (const target of ZOOMS) {
      const zoom = Math.round((await zoomTo(page, target, item(page, notes[1]!))) * 100);
      await page.screenshot({ path: `${SCREENSHOTS}/mouse-dots-${zoom}.png` });
      for (const [index, id] of [...notes, card].entries()) {
        const mine = MINE[index] ?? CARD_VOTES;
        const what = `${index < notes.length ? 'the note' : 'the card'} with ${mine} at ${zoom} %`;
        problems.push(...(await footProblems(page, id, what, id !== card)));
        // Three of mine are three dots; more are one, with their number, of a dot's own size.
        const at = await footOf(page, id);
        const drawn = mine > 3 ? ['wk-dot-mine'] : Array<string>(mine).fill('wk-dot-mine');
        const names = at.dots.map((dot) => dot.name).join(' ');
        if (names !== [...drawn, 'wk-dot-add'].join(' ')) problems.push(`${what}: ${names}`);
        if (at.count !== (mine > 3 ? String(mine) : null)) {
          problems.push(`${what}: the number shown is "${at.count}"`);
        }
        const [first, add] = [at.dots[0]!.box, at.dots.at(-1)!.box];
        const size = (box: typeof first) => [box.right - box.left, box.bottom - box.top];
        if (size(first).some((side, i) => Math.abs(side - size(add)[i]!) > 0.5)) {
          problems.push(`${what}: my dot ${show(first)} is not the size of ${show(add)}`);
        }
        if (at.countBox && !inside(at.countBox, first)) {
          problems.push(
            `${what}: the number ${show(at.countBox)} is out of its dot ${show(first)}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the dot that counts my votes is named with how many, a click on it takes one back, the dot that adds adds one, and "-" takes one back', async () => {
    const { page } = mo;
    const note = overlayOf(page, notes[3]!);
    await zoomTo(page, 1, item(page, notes[3]!));
    const counted = note.getByRole('button', {
      name: 'Take back a vote from “12 of mine” (12 votes from me)',
      exact: true,
    });
    await counted.click();
    await note.locator('[data-my-votes="11"]').waitFor();
    expect(await footOf(page, notes[3]!).then((at) => at.count)).toBe('11');
    await note.getByRole('button', { name: 'Vote for “12 of mine”', exact: true }).click();
    await note.locator('[data-my-votes="12"]').waitFor();
    await counted.focus();
    await page.keyboard.press('-');
    await note.locator('[data-my-votes="11"]').waitFor();
    // Four of mine are one dot; three are three again, each taking one back.
    const four = overlayOf(page, notes[2]!);
    await four.locator('.wk-dot-mine').click();
    await four.locator('[data-my-votes="3"]').waitFor();
    expect(await four.locator('.wk-dot-mine').count()).toBe(3);
    expect(await footOf(page, notes[2]!).then((at) => at.count)).toBeNull();
  });
});
