/**
 * A participant is dragging a shared note when the facilitator locks the board or starts
 * silent writing. The drag ends there: the note stays where the shared board has it, and the
 * page sends the server nothing more for it (every further write would be refused and the note
 * would follow the pointer, then snap back). The banner says why. The same for Alt+arrow held
 * down when the board locks, repeats drawn but not yet written included. During silent writing
 * a lock puts the pens down on my private notes too: a drag of mine ends there as well.
 */
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, readItems } from '../../shared/board-document.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.ts';
import { openBoard, SCREENSHOTS, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { sleep, socketIoClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { addNoteByDoubleClick, centreOf, item, notesWithText, zoomOf } from './canvas-helpers.ts';

/** Every other left/top the page gives the item from now on, as "left,top" strings. */
async function watchPlace(page: Page, id: string): Promise<() => Promise<string[]>> {
  await page.evaluate((id) => {
    const place = () => {
      const now = document.querySelector<HTMLElement>(`[data-item-id="${id}"]`);
      return now ? `${now.style.left},${now.style.top}` : 'removed';
    };
    const first = place();
    const places: string[] = [];
    (window as unknown as { places: string[] }).places = places;
    new MutationObserver(() => {
      if (place() !== first) places.push(place());
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, id);
  return () =>
    page.evaluate(() => [...new Set((window as unknown as { places: string[] }).places)]);
}

const leftOf = (page: Page, id: string) =>
  item(page, id).evaluate((element) => Number.parseFloat((element as HTMLElement).style.left));

/** The item's preview offset between writes (`style.translate`), '' where it has none. */
const translateOf = (page: Page, id: string) =>
  item(page, id).evaluate((element) => (element as HTMLElement).style.translate);

/** Drawn away from where the document has it (a drag keeps a zero translate until it ends). */
const drawnAway = async (page: Page, id: string) =>
  !['', '0px', '0px 0px'].includes(await translateOf(page, id));

const lock = (socket: Socket<ServerToClientEvents, ClientToServerEvents>) =>
  new Promise((done) => socket.emit('board:lock', { locked: true }, done));

describe.skipIf(!HAS_CHROMIUM)('the shared board closes during a drag', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  const closings: [
    string,
    (socket: Socket<ServerToClientEvents, ClientToServerEvents>) => Promise<unknown>,
    string,
  ][] = [
    ['a lock', lock, 'locked-banner'],
    [
      'silent writing',
      (socket) => new Promise((done) => socket.emit('silent:start', {}, done)),
      'silent-writing-banner',
    ],
  ];
  /**
   * A board with one shared note at (0, 0), written by the facilitator's Yjs client, and a
   * participant's page showing it.
   */
  async function participantWithNote(text: string) {
    const { board, tokens } = await server.boardWithMembers();
    const facilitator = socketIoClient(server.url, board.board.id, tokens.facilitator);
    await facilitator.synced;
    const id = addItem(facilitator.doc, { type: 'note', x: 0, y: 0, text });
    const sharedX = () => readItems(facilitator.doc).find((i) => i.id === id)?.x;
    const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
    await waitForConnection(page);
    const note = item(page, id);
    await note.waitFor();
    await page.waitForTimeout(300); // the first view's zoom to fit
    return { facilitator, id, sharedX, context, page, note };
  }

  for (const [closing, close, banner] of closings) {
    it(`${closing}: the drag ends at once, where the shared board has the note, and nothing more is sent`, async () => {
      const { facilitator, id, sharedX, context, page, note } =
        await participantWithNote('Dragged idea');

      // The drag is under way, and where the pointer is now is on the shared board (a drag
      // writes every 80 ms, then once more where the pointer rests).
      const zoom = await zoomOf(page);
      const from = await centreOf(note);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 60, from.y + 20, { steps: 6 });
      await expect
        .poll(
          async () =>
            Math.abs((sharedX() ?? 0) - 60 / zoom) <= 1 && sharedX() === (await leftOf(page, id)),
        )
        .toBe(true);
      const shared = sharedX();
      const sent = Y.encodeStateVector(facilitator.doc);
      const places = await watchPlace(page, id);

      await close(facilitator.provider.socket);
      await page.getByTestId(banner).waitFor();
      // The hand goes on moving a little, then lets go.
      await page.mouse.move(from.x + 260, from.y + 120, { steps: 12 });
      await page.screenshot({ path: `${SCREENSHOTS}/canvas-${banner}-during-drag.png` });
      // The note no longer follows the pointer, not even drawn ahead of the document.
      expect(await drawnAway(page, id)).toBe(false);
      await page.mouse.up();
      await sleep(600);

      expect(await places()).toEqual([]);
      expect(await leftOf(page, id)).toBe(shared);
      expect(sharedX()).toBe(shared);
      // Nothing of the participant's reached the server after the board closed.
      expect(Y.encodeStateVector(facilitator.doc)).toEqual(sent);

      facilitator.destroy();
      await context.close();
    });
  }

  it('a lock while Alt+arrow is held: the hold ends at once, and its repeats send nothing more', async () => {
    const { facilitator, id, sharedX, context, page, note } =
      await participantWithNote('Nudged idea');
    await note.click();

    // The key is held: the press and a few repeats, and the shared board has caught up.
    await page.keyboard.down('Alt');
    for (let press = 0; press < 6; press++) await page.keyboard.down('ArrowRight');
    await expect.poll(async () => sharedX() === 60 && (await leftOf(page, id)) === 60).toBe(true);
    const sent = Y.encodeStateVector(facilitator.doc);
    const places = await watchPlace(page, id);

    await lock(facilitator.provider.socket);
    await page.getByTestId('locked-banner').waitFor();
    // The key goes on repeating, then is let go.
    for (let press = 0; press < 6; press++) await page.keyboard.down('ArrowRight');
    await page.keyboard.up('ArrowRight');
    await page.keyboard.up('Alt');
    await sleep(600);

    expect(await places()).toEqual([]);
    expect(await leftOf(page, id)).toBe(60);
    expect(await translateOf(page, id)).toBe('');
    expect(sharedX()).toBe(60);
    expect(Y.encodeStateVector(facilitator.doc)).toEqual(sent);

    facilitator.destroy();
    await context.close();
  });

  it('a lock while Alt+arrow repeats are still unwritten: they are forgotten, and the note is drawn where the shared board has it', async () => {
    const { facilitator, id, sharedX, context, page, note } =
      await participantWithNote('Nudged idea');
    await note.click();
    // The page's clock stands still from here: its frames and its 80 ms between writes run
    // only when the test moves the clock on, so the lock lands between two writes for sure.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 60_000);

    await page.keyboard.down('Alt');
    await page.keyboard.down('ArrowRight'); // the press: written at once
    await page.keyboard.down('ArrowRight'); // a repeat: written at its frame
    await page.clock.runFor(20);
    await expect.poll(sharedX).toBe(20);
    await page.keyboard.down('ArrowRight');
    await page.keyboard.down('ArrowRight');
    await page.clock.runFor(20);
    // Two repeats drawn, not written: the next write is not due for another 60 ms.
    expect(await drawnAway(page, id)).toBe(true);
    expect(await leftOf(page, id)).toBe(20);
    const sent = Y.encodeStateVector(facilitator.doc);
    const places = await watchPlace(page, id);

    await lock(facilitator.provider.socket);
    await page.getByTestId('locked-banner').waitFor();
    expect(await translateOf(page, id)).toBe('');
    await page.clock.runFor(500);
    await page.keyboard.up('ArrowRight');
    await page.keyboard.up('Alt');
    await page.clock.runFor(500);
    await sleep(300);

    // Not even for a moment at 40 (a write the server would refuse and take back).
    expect(await places()).toEqual([]);
    expect(await leftOf(page, id)).toBe(20);
    expect(await translateOf(page, id)).toBe('');
    expect(sharedX()).toBe(20);
    expect(Y.encodeStateVector(facilitator.doc)).toEqual(sent);

    facilitator.destroy();
    await context.close();
  });

  /**
   * Silent writing runs and the participant's page shows a private note of theirs: the shared
   * board is read-only to them already, so what narrows next is the lock (pens down, on private
   * notes too).
   */
  async function participantWithPrivateNote(text: string) {
    const { board, tokens } = await server.boardWithMembers();
    const facilitator = socketIoClient(server.url, board.board.id, tokens.facilitator);
    await facilitator.synced;
    const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
    await waitForConnection(page);
    await new Promise((done) => facilitator.provider.socket.emit('silent:start', {}, done));
    await page.locator('.im-canvas[data-private-writing="true"]').waitFor();
    await addNoteByDoubleClick(page, 0.5, 0.5, text);
    const note = notesWithText(page, text);
    expect(await note.getAttribute('data-private')).toBe('true');
    const id = (await note.getAttribute('data-item-id'))!;
    return { facilitator, id, context, page, note };
  }

  it('a lock during silent writing: a drag of my private note ends at once (pens down)', async () => {
    const { facilitator, id, context, page, note } =
      await participantWithPrivateNote('My quiet idea');
    const from = await centreOf(note);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y + 20, { steps: 6 });
    // Where the pointer rests is written (80 ms at most).
    await expect.poll(() => drawnAway(page, id)).toBe(false);
    const places = await watchPlace(page, id);
    const at = await leftOf(page, id);

    await lock(facilitator.provider.socket);
    await page.getByTestId('locked-banner').waitFor();
    await page.mouse.move(from.x + 260, from.y + 120, { steps: 12 });
    // Not drawn following the pointer either (the document refuses a locked write anyway).
    expect(await drawnAway(page, id)).toBe(false);
    await page.mouse.up();
    await sleep(600);

    expect(await places()).toEqual([]);
    expect(await leftOf(page, id)).toBe(at);
    expect(await drawnAway(page, id)).toBe(false);

    facilitator.destroy();
    await context.close();
  });
});
