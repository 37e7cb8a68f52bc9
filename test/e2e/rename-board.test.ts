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
