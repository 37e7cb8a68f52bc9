/**
 * A fresh service-concept board with a keyboard and a screen reader, on the canvas (a11y QA):
 * "?" lists the shortcuts from the header, where a keyboard starts; N then Enter adds a note
 * that covers nothing of the template's concept card; voting on the card keeps the focus on it
 * as the dot in focus goes, and Enter there after does not ready its name to be typed over; a
 * note out of the round says why it has no dot, to a screen reader and in sight on focus.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachItemMap, type Item, readItems } from '../../shared/board-document.ts';
import { type OpenedBoard, openBoard, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item, overlayOf } from './canvas-helpers.ts';
import { screenshot } from './workshop-helpers.ts';

/** What has the focus, in words fit for a failure message. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    return `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? ''}`;
  });

/** Waits (a second at most) until the focus is on `locator`'s element, else names where it is. */
async function expectFocused(page: Page, locator: Locator): Promise<void> {
  const name = await locator.evaluate(
    (element) => `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? ''}`,
  );
  await expect
    .poll(
      async () =>
        (await locator.evaluate((element) => element === document.activeElement).catch(() => false))
          ? name
          : focused(page),
      { timeout: 1000 },
    )
    .toBe(name);
}

/** Tabs from the header, where a keyboard starts, until the item named `prefix…` has the focus. */
async function tabTo(page: Page, prefix: string): Promise<void> {
  await page.locator('header button').first().focus();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).startsWith(`div ${prefix}`)) return;
  }
  throw new Error(`Tab never reached ${prefix}; the focus is on ${await focused(page)}`);
}

/** Whether two items share any area of the board (touching is apart). */
const overlap = (a: Item, b: Item) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe.skipIf(!HAS_CHROMIUM)('a service-concept board from the keyboard', () => {
  let server: TestServer;
  let browser: Browser;
  let observer: ReturnType<typeof socketIoClient>;
  let tom: OpenedBoard;
  let boardId = '';
  let facilitatorToken = '';
  let cardId = '';
  let frameId = '';
  const items = () => readItems(observer.doc);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({
      title: 'Library service concepts',
      template: 'concept-canvas',
    });
    boardId = created.board.id;
    const joined = await server.join(boardId, created.keys.facilitator, 'Maria');
    facilitatorToken = joined.token;
    observer = socketIoClient(server.url, boardId, joined.token);
    await observer.synced;
    forEachItemMap(observer.doc, (map, id) => {
      if (map.get('type') === 'concept') cardId = id;
      if (map.get('type') === 'frame') frameId = id;
    });
    tom = await openBoard(browser, created.links.participant, 'Tom');
    await waitForConnection(tom.page);
    await item(tom.page, cardId).waitFor();
  });

  afterAll(async () => {
    observer?.destroy();
    await browser?.close();
    await server?.close();
  });

  it('"?" in the header lists the shortcuts, and closing the list goes back there', async () => {
    const page = tom.page;
    const first = page.locator('header button').first();
    await first.focus();
    await page.keyboard.press('?');
    const help = page.locator('dialog.im-help');
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await expectFocused(page, first);
  });

  it('N then Enter on the template’s frame adds a note that covers nothing, in sight', async () => {
    const page = tom.page;
    const before = items();
    await tabTo(page, 'Frame: Service concept');
    await page.keyboard.press('n');
    await page.keyboard.press('Enter');
    await page.locator('.im-note textarea.im-editor').waitFor();
    await page.keyboard.type('Keyboard note A');
    await page.keyboard.press('Escape');
    await waitFor(() => items().some((i) => i.type === 'note'), 'the new note');
    const note = items().find((i) => i.type === 'note')!;
    const covered = before.filter((other) => other.type !== 'frame' && overlap(note, other));
    expect(covered.map((other) => other.type)).toEqual([]);
    // Still the frame's, as a note the outline adds to a full frame (under it).
    expect(note.parent).toBe(frameId);
    // The view went where it is: all of it on screen, over the canvas.
    const canvas = (await page.locator('.im-surface').boundingBox())!;
    const drawn = (await item(page, note.id).boundingBox())!;
    expect(drawn.y + drawn.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    expect(drawn.y).toBeGreaterThanOrEqual(canvas.y);
    await screenshot(page, 'keyboard-board-note-under-card');

    // From the concept card too: beside it is the full frame.
    await tabTo(page, 'Concept card');
    await page.keyboard.press('n');
    await page.keyboard.press('Enter');
    await page.locator('.im-note textarea.im-editor').waitFor();
    await page.keyboard.type('Keyboard note B');
    await page.keyboard.press('Escape');
    await waitFor(() => items().filter((i) => i.type === 'note').length === 2, 'a second note');
    const second = items().find((i) => i.type === 'note' && i.id !== note.id)!;
    const under = items().filter((other) => other.type !== 'frame' && other.id !== second.id);
    expect(under.filter((other) => overlap(second, other)).map((other) => other.type)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('voting on the card keeps the focus on it, and Enter after does not ready its name to go', async () => {
    const page = tom.page;
    forEachItemMap(observer.doc, (map, id) => {
      if (id === cardId) map.set('title', 'Book locker pickup');
    });
    await page.locator(`[aria-label="Concept card: Book locker pickup"]`).waitFor();
    await server.api(`/api/boards/${boardId}/rounds`, {
      token: facilitatorToken,
      body: { title: 'Final concept vote', budget: 2, maxPerItem: 1, itemTypes: ['concept'] },
    });
    const card = item(page, cardId);
    const overlay = overlayOf(page, cardId);
    const vote = overlay.getByRole('button', { name: 'Vote for “Book locker pickup”' });
    const takeBack = overlay.getByRole('button', {
      name: 'Take back a vote from “Book locker pickup”',
    });
    await vote.waitFor();
    await tabTo(page, 'Concept card: Book locker pickup');
    await page.keyboard.press('Tab');
    await expectFocused(page, vote);

    // The vote reaches the item's limit (1): the dot that adds goes, the focus to my vote's.
    await page.keyboard.press('Enter');
    await overlay.locator('[data-vote-dots][data-my-votes="1"]').waitFor();
    await expectFocused(page, takeBack);
    // Taken back: my dot goes, the focus to the dot that adds.
    await page.keyboard.press('Enter');
    await overlay.locator('[data-vote-dots][data-my-votes="0"]').waitFor();
    await expectFocused(page, vote);
    await page.keyboard.press('Enter');
    await overlay.locator('[data-vote-dots][data-my-votes="1"]').waitFor();
    await expectFocused(page, takeBack);
    await page.keyboard.press('-');
    await overlay.locator('[data-vote-dots][data-my-votes="0"]').waitFor();
    await expectFocused(page, vote);
    await page.keyboard.press('Enter');
    await overlay.locator('[data-vote-dots][data-my-votes="1"]').waitFor();
    await expectFocused(page, takeBack);

    // Back on the card, Enter opens its name with the caret at its end, nothing selected: a key
    // more adds to the name instead of replacing it for everyone.
    await page.keyboard.press('Shift+Tab');
    await expectFocused(page, card);
    await page.keyboard.press('Enter');
    const name = page.getByRole('textbox', { name: 'Concept name' });
    await name.waitFor();
    expect(
      await name.evaluate((field: HTMLInputElement) => [field.selectionStart, field.selectionEnd]),
    ).toEqual(['Book locker pickup'.length, 'Book locker pickup'.length]);
    await page.keyboard.press('Escape');
    await name.waitFor({ state: 'detached' });
    expect(items().find((i) => i.id === cardId)).toMatchObject({ title: 'Book locker pickup' });
  });

  it('a note out of the round says why it has no dot: described so, and in sight on focus', async () => {
    const page = tom.page;
    const note = items().find((i) => i.type === 'note')!;
    const element = item(page, note.id);
    await overlayOf(page, note.id).locator('[data-out-of-play]').waitFor();
    const description = await element.evaluate(
      (node) => document.getElementById(node.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(description).toBe('Not in this round');
    const why = overlayOf(page, note.id).locator('[data-out-of-play-why]');
    await tabTo(page, 'Note: Keyboard note A');
    await expect.poll(() => why.getAttribute('class')).toBe('wk-veil-why');
    const box = (await why.boundingBox())!;
    expect(box.width).toBeGreaterThan(40);
    expect(box.height).toBeGreaterThan(10);
    await screenshot(page, 'keyboard-board-out-of-round');
  });
});
