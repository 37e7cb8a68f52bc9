/**
 * The start page lists the boards this browser is on: found again without their links, titled
 * as they are now, and one with changes kept unsent says so until it is opened.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import {
  addNoteInOutline,
  joinByLink,
  newPerson,
  SCREENSHOTS,
  waitForConnection,
} from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';

/** The list as a person reads it: each entry's words, top to bottom. */
async function listed(page: Page): Promise<string[]> {
  await page.locator('form.create-form').waitFor();
  // The list comes once the server has answered for each board.
  await page.waitForLoadState('networkidle');
  return page.locator('.boards-here li').allInnerTexts();
}

describe.skipIf(!HAS_CHROMIUM)('your boards in this browser', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  /**
   * `count` boards titled `${prefix} 1…count`, each joined as a facilitator and kept in the
   * browser of `context` as last visited in that order (the first longest ago).
   */
  async function boardsVisited(context: BrowserContext, prefix: string, count: number) {
    const boards = [];
    const kept: [string, string][] = [];
    for (let n = 1; n <= count; n++) {
      const created = await server.createBoard({ title: `${prefix} ${n}` });
      const joined = await server.join(created.board.id, created.keys.facilitator, 'Fia');
      boards.push({ created, joined });
      kept.push([`ideamill.board.${created.board.id}`, JSON.stringify(joined)]);
      kept.push([`ideamill.visit.${created.board.id}`, JSON.stringify({ since: null, seenAt: n })]);
    }
    await context.addInitScript((entries) => {
      for (const [key, value] of entries) localStorage.setItem(key, value);
    }, kept);
    return boards;
  }

  it('lists the boards this browser is on, newest visit first, titled as they are now', async () => {
    const clinic = await server.createBoard({ title: 'Clinic visit' });
    const kiosk = await server.createBoard({ title: 'Kiosk' });
    const gone = await server.createBoard({ title: 'Deleted later' });
    const context = await newPerson(browser);
    const page = await context.newPage();
    // A browser that is on no board yet shows no list.
    await page.goto(server.url);
    expect(await listed(page)).toEqual([]);
    expect(await page.getByRole('heading', { name: 'Your boards in this browser' }).count()).toBe(
      0,
    );

    await joinByLink(page, gone.links.participant, 'Aino');
    await joinByLink(page, clinic.links.participant, 'Aino');
    await waitForConnection(page);
    await joinByLink(page, kiosk.links.facilitator, 'Aino');
    await waitForConnection(page);
    const fia = await server.join(clinic.board.id, clinic.keys.facilitator, 'Fia');
    await server.api(`/api/boards/${clinic.board.id}`, {
      method: 'PATCH',
      body: { title: 'Clinic visit: booking' },
      token: fia.token,
    });
    const host = await server.join(gone.board.id, gone.keys.facilitator, 'Host');
    await server.api(`/api/boards/${gone.board.id}`, { method: 'DELETE', token: host.token });

    await page.goto(server.url);
    const entries = await listed(page);
    expect(entries.map((entry) => entry.split('\n')[0])).toEqual([
      'Kiosk',
      'Clinic visit: booking',
    ]);
    expect(entries[0]).toContain('Facilitator · last here');
    expect(entries[1]).toContain('Participant · last here');
    await page.screenshot({ path: `${SCREENSHOTS}/boards-here.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Clinic visit: booking' }).click();
    await page.waitForURL(`${server.url}/b/${clinic.board.id}`);
    await waitForConnection(page);
    expect(await page.getByTestId('my-role').textContent()).toBe('Participant');
    await context.close();
  });

  it('shows the twelve visited last, and the others on asking', async () => {
    // A development day's team boards, each opened once in this browser.
    const context = await newPerson(browser);
    await boardsVisited(context, 'Team', 14);
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/boards\/[^/]+$/.test(new URL(request.url()).pathname)) asked.push(request.url());
    });
    await page.goto(server.url);
    const titles = async () => (await listed(page)).map((entry) => entry.split('\n')[0]);
    const newestFirst = Array.from({ length: 14 }, (_, i) => `Team ${14 - i}`);
    expect(await titles()).toEqual(newestFirst.slice(0, 12));
    await page.getByRole('button', { name: 'Show the others' }).click();
    await expect.poll(titles).toEqual(newestFirst);
    // The focus goes on to the first board the button brought.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Team 2');
    expect(await page.getByRole('button', { name: 'Show the others' }).count()).toBe(0);
    // The server was asked about each board once: the first twelve not again for the others.
    expect(asked).toHaveLength(14);
    expect(new Set(asked).size).toBe(14);
    await context.close();
  });

  it('fills the twelve with older boards where newer ones are gone', async () => {
    // Last season's boards, deleted since or that took me off, were the ones visited last.
    const context = await newPerson(browser);
    const boards = await boardsVisited(context, 'Season', 16);
    for (const [index, { created, joined }] of boards.entries()) {
      const season = index + 1;
      if (season >= 5 && season <= 15) {
        await server.api(`/api/boards/${created.board.id}`, {
          method: 'DELETE',
          token: joined.token,
        });
      } else if (season === 16) {
        const host = await server.join(created.board.id, created.keys.facilitator, 'Host');
        await server.api(`/api/boards/${created.board.id}/members/${joined.member.id}`, {
          method: 'DELETE',
          token: host.token,
        });
      }
    }
    const page = await context.newPage();
    await page.goto(server.url);
    // The twelve visited last are all gone: the four before them show, newest first, and
    // there are no others to show.
    await expect
      .poll(async () => (await listed(page)).map((entry) => entry.split('\n')[0]))
      .toEqual(['Season 4', 'Season 3', 'Season 2', 'Season 1']);
    expect(await page.getByRole('button', { name: 'Show the others' }).count()).toBe(0);
    await context.close();
  });

  it('offline, lists the boards as they were when last opened here', async () => {
    const created = await server.createBoard({ title: 'Weekly ambassadors' });
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('form.create-form').waitFor();
    await joinByLink(page, created.links.participant, 'Aino');
    await waitForConnection(page);
    // Renamed while Aino's page is open: the list offline has the title she saw last.
    const fia = await server.join(created.board.id, created.keys.facilitator, 'Fia');
    await server.api(`/api/boards/${created.board.id}`, {
      method: 'PATCH',
      body: { title: 'Weekly ambassadors: week 50' },
      token: fia.token,
    });
    await page.getByTestId('board-title').getByText('week 50').waitFor();
    // The start page once, so that the service worker holds its part of the client too.
    await page.goto(server.url);
    expect(await listed(page)).toHaveLength(1);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.locator('.boards-here li').waitFor();
    const entries = await page.locator('.boards-here li').allInnerTexts();
    expect(entries.map((entry) => entry.split('\n')[0])).toEqual(['Weekly ambassadors: week 50']);
    expect(await page.locator('.boards-here > p').textContent()).toBe(
      'The server could not be reached: each board is listed as it was when you were last on it.',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/boards-here-offline.png` });
    await context.setOffline(false);
    await context.close();
  });

  it('offline, the start page opens in a browser that has only ever had a board’s link', async () => {
    const created = await server.createBoard({ title: 'Link only' });
    const context = await newPerson(browser);
    const page = await context.newPage();
    await joinByLink(page, created.links.participant, 'Aino');
    await waitForConnection(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // The start page's part is fetched with the board's, and the service worker keeps it.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const kept = await (await caches.open('ideamill-assets-v1')).keys();
          return kept.some((request) => request.url.includes('/LandingPage-'));
        }),
      )
      .toBe(true);
    await context.setOffline(true);
    await page.goto(server.url);
    await page.locator('.boards-here li').waitFor();
    const entries = await page.locator('.boards-here li').allInnerTexts();
    expect(entries.map((entry) => entry.split('\n')[0])).toEqual(['Link only']);
    await context.setOffline(false);
    await context.close();
  });

  it('says which board holds changes kept unsent, until it is opened', async () => {
    const created = await server.createBoard({ title: 'Train ride' });
    const context = await newPerson(browser);
    const page = await context.newPage();
    await joinByLink(page, created.links.participant, 'Aino');
    await waitForConnection(page);
    await context.setOffline(true);
    await waitForConnection(page, 'offline');
    await addNoteInOutline(page, 'Written on the train');
    await page.locator('[data-outline-item-id]', { hasText: 'on the train' }).waitFor();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);

    await context.setOffline(false);
    const start = await context.newPage();
    await start.goto(server.url);
    const unsent = 'Changes of yours wait here unsent: open the board to send them.';
    expect(await listed(start)).toEqual([expect.stringContaining(unsent)]);

    await start.getByRole('link', { name: 'Train ride' }).click();
    await start.getByTestId('carried-banner').waitFor();
    await expect
      .poll(() => start.getByTestId('carried-banner').textContent())
      .toContain('are saved now');
    await start.goto(server.url);
    const after = await listed(start);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toContain(unsent);
    await context.close();
  });
});
