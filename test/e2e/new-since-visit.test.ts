/**
 * What is new since I was last on the board (client/src/board/last-visit.ts): a weekly network
 * came back each week to a board that told nothing of what others had added meanwhile (QA).
 * Items others made since my last visit carry "New" on the canvas and in the outline, which
 * also counts them; my own are never news, nor is anything on my first visit.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addItem } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { waitFor, yWebsocketClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { item, overlayOf } from './canvas-helpers.ts';
import { openAs, screenshot } from './workshop-helpers.ts';

const HOUR = 3_600_000;

describe.skipIf(!HAS_CHROMIUM)('new since my last visit', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('marks what others added since I was last here, on the canvas and in the outline, for the whole visit', async () => {
    const created = await server.createBoard({ title: 'Weekly ambassadors' });
    const boardId = created.board.id;
    const bo = await server.join(boardId, created.keys.participant, 'Bo');
    const writer = yWebsocketClient(server.url, boardId, bo.token);
    await writer.synced;
    const now = Date.now();
    // Last week's note, before my last visit.
    const old = addItem(writer.doc, {
      type: 'note',
      x: 0,
      y: 0,
      text: 'Mentoring for new agents',
      author: bo.member.id,
      createdAt: now - 7 * 24 * HOUR,
    });

    // My first visit: everything would be new, so nothing is marked.
    const aino = await openAs(browser, server, boardId, created.keys.participant, 'Aino');
    const { page } = aino;
    await item(page, old).waitFor();
    expect(await page.locator('[data-new]').count()).toBe(0);

    // I leave; two hours later (the visit's record says so) Bo and I have each added notes.
    await page.goto(`${server.url}/healthz`);
    await page.evaluate(
      ([key, seenAt]) => {
        const visit = JSON.parse(localStorage.getItem(key as string) ?? '{}');
        localStorage.setItem(key as string, JSON.stringify({ ...visit, seenAt }));
      },
      [`ideamill.visit.${boardId}`, now - 2 * HOUR] as const,
    );
    const added = ['Peer meeting every quarter', 'Shadowing day'].map((text, n) =>
      addItem(writer.doc, { type: 'note', x: 240 * (n + 1), y: 0, text, author: bo.member.id }),
    );
    const mine = addItem(writer.doc, {
      type: 'note',
      x: 0,
      y: 240,
      text: 'My own idea',
      author: aino.member.id,
    });
    const reader = yWebsocketClient(server.url, boardId, bo.token);
    await waitFor(() => added.every((id) => reader.doc.getMap('items').has(id)), 'notes stored');

    await page.goto(`${server.url}/b/${boardId}`);
    await item(page, mine).waitFor();
    const marked = async () =>
      page
        .locator('.im-world [data-overlay-of]:has([data-new])')
        .evaluateAll((elements) =>
          elements.map((element) => element.getAttribute('data-overlay-of')),
        );
    await expect.poll(marked).toEqual(expect.arrayContaining(added));
    expect((await marked()).sort()).toEqual([...added].sort());
    expect(await overlayOf(page, added[0]!).locator('[data-new]').getAttribute('title')).toBe(
      'Added since you were last on this board',
    );
    await screenshot(page, 'new-since-visit-canvas');

    // The outline counts them and tags the same two.
    await page.locator('[data-view="outline"]').click();
    await expect
      .poll(() => page.getByTestId('outline-new-count').textContent())
      .toMatch(/^2 items are new since you were last here \(.+\), marked New\.$/);
    const tagged = await page
      .locator('[data-outline-item-id]:has([data-new])')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-outline-item-id')));
    expect(tagged.sort()).toEqual([...added].sort());

    // A reload is the same visit: still marked.
    await page.reload();
    await item(page, mine).waitFor();
    await expect.poll(marked).toEqual(expect.arrayContaining(added));

    writer.destroy();
    reader.destroy();
    await aino.context.close();
  });
});
