import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GetBoardResponse } from '../../shared/api.ts';
import { openBoard, SCREENSHOTS, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';
import { openTab } from './workshop-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('renaming a board', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('a facilitator renames "Team 3" to its service: every open page shows and says the new title', async () => {
    const created = await server.createBoard({ title: 'Team 3' });
    const fiona = await openBoard(browser, created.links.facilitator, 'Fiona');
    const aino = await openBoard(browser, created.links.participant, 'Aino');
    await openTab(fiona.page, 'Facilitate');
    const panel = fiona.page.getByTestId('facilitator-panel');
    const field = panel.getByRole('textbox', { name: 'Board title' });
    expect(await field.inputValue()).toBe('Team 3');

    // Nothing but spaces: refused in words, the title kept.
    await field.fill('   ');
    await panel.getByRole('button', { name: 'Rename' }).click();
    await panel.getByRole('alert').getByText('The board needs a title.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    await field.fill('Claims after a storm');
    await field.press('Enter');
    for (const page of [fiona.page, aino.page]) {
      await expect
        .poll(() => page.getByTestId('board-title').textContent())
        .toBe('Claims after a storm');
      await expect.poll(() => page.title()).toBe('Claims after a storm · Ideamill');
      expect(await page.getByRole('main').getAttribute('aria-label')).toBe('Claims after a storm');
    }
    // Aino's screen reader is told, once.
    await expect
      .poll(() => aino.page.getByTestId('workshop-live').textContent())
      .toBe('The board is now called “Claims after a storm”.');
    // The focus stays where Fiona pressed Enter.
    expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
    await fiona.page.screenshot({ path: `${SCREENSHOTS}/rename-board-en.png` });

    // The delete dialog asks for the title as it is now.
    await panel.getByRole('button', { name: 'Delete board…' }).click();
    await fiona.page
      .getByRole('dialog', { name: 'Delete “Claims after a storm” for everyone?' })
      .getByRole('button', { name: 'Cancel' })
      .click();

    // A page that was away while the board was renamed shows the new title when it is back.
    const cofacilitator = await server.join(created.board.id, created.keys.facilitator, 'Kai');
    await aino.context.setOffline(true);
    await waitForConnection(aino.page, 'offline');
    const renamed = await server.api<GetBoardResponse>(`/api/boards/${created.board.id}`, {
      method: 'PATCH',
      token: cofacilitator.token,
      body: { title: 'Claims' },
    });
    expect(renamed.status).toBe(200);
    await aino.context.setOffline(false);
    await expect.poll(() => aino.page.getByTestId('board-title').textContent()).toBe('Claims');
    await expect.poll(() => field.inputValue()).toBe('Claims');
    for (const context of [fiona.context, aino.context]) await context.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)("changing a board's language", () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('a facilitator puts a Finnish journey in English: its lanes and stages change on every page (QA: a team board made in Finnish for an English-speaking team)', async () => {
    const created = await server.createBoard({
      title: 'Kehittämispäivä · Tiimi 2',
      template: 'customer-journey',
      language: 'fi',
    });
    const fiona = await openBoard(browser, created.links.facilitator, 'Fiona');
    const aino = await openBoard(browser, created.links.participant, 'Aino');
    const lane = (page: typeof aino.page, title: string) =>
      page.locator('.im-world [data-item-type="frame"]').filter({ hasText: title });
    await lane(aino.page, 'Ihmiset').waitFor();
    await openTab(fiona.page, 'Facilitate');
    const panel = fiona.page.getByTestId('facilitator-panel');
    const select = panel.getByRole('combobox', { name: 'Board language' });
    expect(await select.inputValue()).toBe('fi');
    await select.selectOption('en');
    await panel.getByRole('button', { name: 'Change' }).click();
    for (const page of [fiona.page, aino.page]) {
      await lane(page, 'Environments (virtual and physical)').waitFor();
      await page.locator('.im-world').getByText('Need arises', { exact: true }).waitFor();
      expect(await lane(page, 'Ihmiset').count()).toBe(0);
    }
    await expect.poll(() => select.inputValue()).toBe('en');
    // Each person's own screen keeps the language they chose: Fiona's panel is in English here.
    await fiona.page.screenshot({ path: `${SCREENSHOTS}/board-language-en.png` });
    const read = await server.api<GetBoardResponse>(`/api/boards/${created.board.id}`, {
      token: (await server.join(created.board.id, created.keys.viewer, 'V')).token,
    });
    expect(read.body.board.language).toBe('en');
    for (const person of [fiona, aino]) await person.context.close();
  });
});
