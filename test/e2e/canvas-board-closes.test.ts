/**
 * A participant is dragging a shared note when the facilitator locks the board or starts
 * silent writing. The drag ends there: the note stays where the shared board has it, and the
 * page sends the server nothing more for it (every further write would be refused and the note
 * would follow the pointer, then snap back). The banner says why. The same for Alt+arrow held
 * down when the board locks.
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
import { centreOf, item, zoomOf } from './canvas-helpers.ts';

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
    [
      'a lock',
      (socket) => new Promise((done) => socket.emit('board:lock', { locked: true }, done)),
      'locked-banner',
    ],
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

    await new Promise((done) =>
      facilitator.provider.socket.emit('board:lock', { locked: true }, done),
    );
    await page.getByTestId('locked-banner').waitFor();
    // The key goes on repeating, then is let go.
    for (let press = 0; press < 6; press++) await page.keyboard.down('ArrowRight');
    await page.keyboard.up('ArrowRight');
    await page.keyboard.up('Alt');
    await sleep(600);

    expect(await places()).toEqual([]);
    expect(await leftOf(page, id)).toBe(60);
    expect(await note.evaluate((element) => (element as HTMLElement).style.translate)).toBe('');
    expect(sharedX()).toBe(60);
    expect(Y.encodeStateVector(facilitator.doc)).toEqual(sent);

    facilitator.destroy();
    await context.close();
  });
});
