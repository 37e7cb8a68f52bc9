/**
 * Vote dots on a board larger than the screen (client/src/canvas/model/nearby.ts): items far
 * from the view draw no overlay, yet nothing a participant can reach goes without its dots: an
 * item the keyboard reaches has them at once, and so has everything the view comes to show.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { overlayOfItem, zoomOf, zoomToFit } from './canvas-helpers.ts';
import { openAs, type Person } from './workshop-helpers.ts';

const NEAR = 'Signposts at the entrance';
const FAR = 'A kiosk far to the east';

const onCanvas = (page: Page, text: string) =>
  page.locator('.im-world [data-item-id]', { hasText: text });
/** The note's vote dots, drawn in its overlay above every item. */
const dotsOn = async (page: Page, text: string) =>
  (await overlayOfItem(onCanvas(page, text))).locator('[data-vote-dots]');

/** Waits until the note with `text` on the canvas draws its vote dots, or does not. */
const waitForDots = (page: Page, text: string, drawn: boolean) =>
  page.waitForFunction(
    ([text, drawn]) =>
      Array.from(document.querySelectorAll('.im-world [data-item-id]')).some(
        (item) =>
          item.textContent?.includes(text as string) &&
          Boolean(
            document.querySelector(
              `[data-overlay-of="${item.getAttribute('data-item-id')}"] [data-vote-dots]`,
            ),
          ) === drawn,
      ),
    [text, drawn] as const,
  );

describe.skipIf(!HAS_CHROMIUM)('vote dots on a board larger than the screen', () => {
  let server: TestServer;
  let browser: Browser;
  let pia: Person;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Wide board', template: 'blank' });
    const boardId = created.board.id;
    const fran = await server.join(boardId, created.keys.facilitator, 'Fran');
    const writer = socketIoClient(server.url, boardId, fran.token);
    await writer.synced;
    const ids = [
      addItem(writer.doc, { type: 'note', text: NEAR, x: 0, y: 0 }),
      // Four screens of board to the right: the first view (at the least zoom a note reads at,
      // 56 %) shows the board's top-left corner, and this note is far outside it.
      addItem(writer.doc, { type: 'note', text: FAR, x: 15_000, y: 0 }),
    ];
    await waitFor(
      () => ids.every((id) => server.documents.open({ boardId }).doc.getMap('items').has(id)),
      'the notes on the server',
    );
    writer.destroy();
    await server.api(`/api/boards/${boardId}/rounds`, {
      token: fran.token,
      body: { title: 'Pick', budget: 3, anonymous: false },
    });
    pia = await openAs(browser, server, boardId, created.keys.participant, 'Pia');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws no dots on an item far from the view, though the item is on the page', async () => {
    await (await dotsOn(pia.page, NEAR)).waitFor();
    await onCanvas(pia.page, FAR).waitFor({ state: 'attached' });
    expect(await (await dotsOn(pia.page, FAR)).count()).toBe(0);
  });

  it('gives a far item its dots as soon as the keyboard reaches it, and a vote that way', async () => {
    const page = pia.page;
    // Focus takes the camera there (a glide); the dots are there to Tab to at once.
    await onCanvas(page, FAR).focus();
    const vote = page.getByRole('button', { name: `Vote for “${FAR}”` });
    await vote.waitFor();
    await page.keyboard.press('Tab');
    expect(await vote.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await (await dotsOn(page, FAR)).locator('.wk-dot-mine').waitFor();
    await page.getByText('2 of 3 votes left').first().waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
  });

  it('selects every item with Ctrl+A, and draws the dots of those near the view only', async () => {
    const page = pia.page;
    // The view is at the far note now: the first one is far from it, and draws nothing.
    await page.mouse.move(1, 1);
    await waitForDots(page, NEAR, false);
    await page.keyboard.press('ControlOrMeta+a');
    await page.locator('.im-world .im-item.is-selected', { hasText: NEAR }).waitFor();
    // Drawn in the same render as the selection: on a board of thousands, Ctrl+A would
    // otherwise draw an overlay on every item.
    expect(await (await dotsOn(page, NEAR)).count()).toBe(0);
    await onCanvas(page, FAR).and(page.locator('.is-selected')).waitFor();
    await waitForDots(page, FAR, true);
    await page.keyboard.press('Escape');
    await page.locator('.im-world .im-item.is-selected').first().waitFor({ state: 'detached' });
  });

  it('keeps the dots of the item at hand wherever the view goes, and draws what it comes to show', async () => {
    const page = pia.page;
    // The view is at the far note now: the first one is far from it, and draws nothing.
    await page.mouse.move(1, 1);
    await waitForDots(page, NEAR, false);
    // Focused (say, with its dialog open), an item keeps its dots, however far the view goes.
    await onCanvas(page, NEAR).focus();
    await page.waitForTimeout(500);
    await onCanvas(page, NEAR).click();
    await page.mouse.move(700, 450);
    // The wheel pans by screen pixels: as many as take the view the 15,000 units to the far note.
    const steps = Math.ceil((15_000 * (await zoomOf(page))) / 600);
    for (let step = 0; step < steps; step++) await page.mouse.wheel(600, 0);
    await waitForDots(page, FAR, true);
    expect(await (await dotsOn(page, NEAR)).count()).toBe(1);
    // Let go of, it is far from the view like any other.
    await page.keyboard.press('Escape');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await waitForDots(page, NEAR, false);
    // Zoomed out to the whole board, both notes are in view, and both draw their dots, my
    // vote on the far one among them.
    await zoomToFit(page);
    await (await dotsOn(page, FAR)).locator('.wk-dot-mine').waitFor();
    await (await dotsOn(page, NEAR)).waitFor();
  });
});
