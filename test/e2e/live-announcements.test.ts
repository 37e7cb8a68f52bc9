/**
 * What a screen-reader user is told as the facilitator changes the board: the lock, silent
 * writing and its reveal, the phase, a restore. Each change is said once, in the one polite
 * live region the rounds use, on a wide page and on a narrow one with the panels closed; the
 * state a page finds on opening is not said, and the timer's ticking is not news.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addItem } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { waitFor, yWebsocketClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { openAs, showOutline } from './workshop-helpers.ts';

/** Records every text a live region (the board's, by default) takes from now on, in order. */
async function listen(page: Page, testId = 'workshop-live'): Promise<() => Promise<string[]>> {
  const region = page.getByTestId(testId);
  await region.waitFor({ state: 'attached' });
  await region.evaluate((element, key) => {
    const said: string[] = [];
    (window as unknown as Record<string, string[]>)[key] = said;
    new MutationObserver(() => {
      const text = element.textContent?.trim() ?? '';
      if (text && text !== said.at(-1)) said.push(text);
    }).observe(element, { childList: true, characterData: true, subtree: true });
  }, testId);
  return () =>
    page.evaluate((key) => (window as unknown as Record<string, string[]>)[key]!.slice(), testId);
}

describe.skipIf(!HAS_CHROMIUM)('what screen readers are told as the board changes', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('the lock, silent writing, the reveal, the phase and a restore are each said once', async () => {
    const created = await server.createBoard({ title: 'Told' });
    const id = created.board.id;
    const fran = await server.join(id, created.keys.facilitator, 'Fran');
    const control = async (path: string, body: unknown = {}) => {
      const answer = await server.api<unknown>(`/api/boards/${id}/${path}`, {
        token: fran.token,
        body,
      });
      expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
      return answer.body;
    };
    // Already so when the pages open: shown, not said.
    await control('phase', { phase: 'diverge' });
    await control('lock', { locked: true });

    const wide = await openAs(browser, server, id, created.keys.participant, 'Aino');
    const narrow = await openAs(browser, server, id, created.keys.participant, 'Pia', {
      width: 900,
    });
    expect(await narrow.page.locator('.board-side').isVisible()).toBe(false);
    const pages = [wide.page, narrow.page];
    const heard = await Promise.all(pages.map((page) => listen(page)));
    for (const page of pages) await page.getByTestId('locked-banner').waitFor();
    // Time for a late board state to land, were it to be said.
    await wide.page.waitForTimeout(500);
    for (const said of heard) expect(await said()).toEqual([]);

    const expected: string[] = [];
    const step = async (path: string, body: unknown, sentence: string) => {
      await control(path, body);
      expected.push(sentence);
      for (const [index, page] of pages.entries()) {
        await expect
          .poll(() => page.getByTestId('workshop-live').textContent(), { timeout: 5000 })
          .toContain(sentence);
        expect(await heard[index]!()).toEqual(expected);
      }
    };
    await step('lock', { locked: false }, 'The board is unlocked: it can be edited again.');
    await step(
      'lock',
      { locked: true },
      'The facilitator has locked the board. You can look, but not edit, for now.',
    );
    await step('lock', { locked: false }, 'The board is unlocked: it can be edited again.');
    await step(
      'silent-writing',
      { action: 'start' },
      'Silent writing: your new notes are private until the facilitator reveals them. The rest of the board is read-only until then.',
    );
    await step(
      'silent-writing',
      { action: 'reveal' },
      'The notes written in silence are revealed: everyone sees them on the board now.',
    );
    // The timer is seen counting, not spoken: starting it says nothing.
    await control('timer', { action: 'start', durationSec: 600 });
    await step('phase', { phase: 'vote' }, 'Phase: Vote.');

    const saved = (await control('snapshots', { name: 'Before' })) as { id: string };
    await step(
      `snapshots/${saved.id}/restore`,
      {},
      'Fran restored the board to a saved version. How it was just before is saved as a version too (History & export).',
    );
    await wide.page.waitForTimeout(500);
    for (const said of heard) expect(await said()).toEqual(expected);
    // Still one live region for all of it.
    expect(await wide.page.locator('[data-testid="workshop-live"]').count()).toBe(1);

    await wide.context.close();
    await narrow.context.close();
  });

  it('the notes a reveal brings are not said again by the outline (QA)', async () => {
    const created = await server.createBoard({ title: 'Revealed once' });
    const id = created.board.id;
    const fran = await server.join(id, created.keys.facilitator, 'Fran');
    const bo = await server.join(id, created.keys.participant, 'Bo');
    const aino = await openAs(browser, server, id, created.keys.participant, 'Aino');
    await showOutline(aino.page);
    const board = await listen(aino.page);
    const outline = await listen(aino.page, 'outline-live');
    const control = (body: unknown) =>
      server.api(`/api/boards/${id}/silent-writing`, { token: fran.token, body });
    expect((await control({ action: 'start' })).status).toBe(200);
    const mine = yWebsocketClient(server.url, `${id}/private`, bo.token);
    await mine.synced;
    addItem(mine.doc, { type: 'note', x: 0, y: 0, text: 'Quiet idea one' });
    addItem(mine.doc, { type: 'note', x: 200, y: 0, text: 'Quiet idea two' });
    await waitFor(() => server.documents.isLoaded(`${id}/private/${bo.member.id}`));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await control({ action: 'reveal' })).status).toBe(200);
    await aino.page.getByText('Quiet idea two').waitFor();
    await expect
      .poll(board)
      .toContain('The notes written in silence are revealed: everyone sees them on the board now.');
    await aino.page.waitForTimeout(1_000);
    expect(await outline()).toEqual([]);
    // A note added later, by itself, is said as before.
    await aino.page.waitForTimeout(2_500);
    const shared = yWebsocketClient(server.url, id, bo.token);
    await shared.synced;
    addItem(shared.doc, { type: 'note', x: 400, y: 0, text: 'Said on its own' });
    await expect.poll(outline).toEqual(['New note: Said on its own']);
    for (const client of [mine, shared]) client.destroy();
    await aino.context.close();
  });
});
