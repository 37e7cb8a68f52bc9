/**
 * A development day: the organiser makes a board for each team in one go from the landing page,
 * and leaves with every board's links, one by one or as a table for a spreadsheet.
 * Screenshot: test-results/screenshots/team-boards.png.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { joinByLink, newPerson, SCREENSHOTS } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';

describe.skipIf(!HAS_CHROMIUM)('boards for teams working side by side', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('makes one board per team, titled with its number, and hands out all their links', async () => {
    const context = await newPerson(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    const page = await context.newPage();
    await page.goto(server.url);
    const form = page.locator('form.create-form');
    await form.locator('input[name="title"]').fill('Development day');
    await form.locator('select[name="template"]').selectOption('customer-journey');
    await form.getByLabel('Number of boards').fill('3');
    const submit = form.locator('button[type="submit"]');
    expect(await submit.textContent()).toBe('Create boards');
    await submit.click();

    await page.getByRole('heading', { name: '3 boards are ready' }).waitFor();
    // The heading has the focus the form's button had.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      '3 boards are ready',
    );
    const titles = [
      'Development day · Team 1',
      'Development day · Team 2',
      'Development day · Team 3',
    ];
    const sections = page.getByTestId('team-board');
    expect(await sections.locator('h3').allTextContents()).toEqual(titles);
    await page.screenshot({ path: `${SCREENSHOTS}/team-boards.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    const stored = server.boards.list();
    expect(stored.map((board) => board.title).sort()).toEqual(titles);
    expect(new Set(stored.map((board) => board.template))).toEqual(new Set(['customer-journey']));

    // The table: a header, then a row per board with its three links, in the teams' order.
    await page.getByRole('button', { name: /Copy every link as a table/ }).click();
    const rows = (await page.evaluate(() => navigator.clipboard.readText()))
      .split('\n')
      .map((row) => row.split('\t'));
    expect(rows[0]).toEqual(['Board title', 'Facilitator', 'Participant', 'Viewer']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(titles);
    const second = sections.nth(1);
    expect(rows[2]?.[2]).toBe(await second.getByTestId('link-participant').inputValue());

    // Each link opens its own team's board.
    const aino = await (await newPerson(browser)).newPage();
    await joinByLink(aino, rows[2]![2]!, 'Aino');
    expect(await aino.getByTestId('board-title').textContent()).toBe('Development day · Team 2');
    await aino.context().close();
    await context.close();
  });

  it('shows the boards made before one failed, and says how many of them were not', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    let posts = 0;
    await page.route('**/api/boards', async (route) => {
      posts += 1;
      if (posts !== 2) return route.continue();
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal_error', message: 'Something broke.' } }),
      });
    });
    await page.goto(server.url);
    const form = page.locator('form.create-form');
    await form.locator('input[name="title"]').fill('Partly');
    await form.getByLabel('Number of boards').fill('4');
    await form.locator('button[type="submit"]').click();
    await page.getByRole('heading', { name: '1 board is ready' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(
      /^Only 1 of the 4 boards was created: /,
    );
    expect(await page.getByTestId('team-board').locator('h3').allTextContents()).toEqual([
      'Partly · Team 1',
    ]);
    // It stopped at the failure: no more boards were made behind the page's back.
    expect(posts).toBe(2);
    // The rest are made on request, numbered on from the last one made.
    await page.getByRole('button', { name: 'Create the other 3' }).click();
    await page.getByRole('heading', { name: '4 boards are ready' }).waitFor();
    expect(await page.getByTestId('team-board').locator('h3').allTextContents()).toEqual([
      'Partly · Team 1',
      'Partly · Team 2',
      'Partly · Team 3',
      'Partly · Team 4',
    ]);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(posts).toBe(5);
    await context.close();
  });

  it('a title pasted from a spreadsheet, or one a spreadsheet would run, stays one cell of text (QA)', async () => {
    const context = await newPerson(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    const page = await context.newPage();
    await page.goto(server.url);
    const form = page.locator('form.create-form');
    // A tab from two copied cells, and a leading "=".
    await form.locator('input[name="title"]').evaluate((input: HTMLInputElement) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(input, '=Kehittämispäivä\t3.12.');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await form.getByLabel('Number of boards').fill('2');
    await form.locator('button[type="submit"]').click();
    await page.getByRole('heading', { name: '2 boards are ready' }).waitFor();
    expect(await page.getByTestId('team-board').locator('h3').allTextContents()).toEqual([
      '=Kehittämispäivä 3.12. · Team 1',
      '=Kehittämispäivä 3.12. · Team 2',
    ]);
    await page.getByRole('button', { name: /Copy every link as a table/ }).click();
    const rows = (await page.evaluate(() => navigator.clipboard.readText()))
      .split('\n')
      .map((row) => row.split('\t'));
    expect(rows.map((row) => row.length)).toEqual([4, 4, 4]);
    expect(rows[1]?.[0]).toBe("'=Kehittämispäivä 3.12. · Team 1");
    expect(rows[1]?.[1]).toContain('/b/');
    await context.close();
  });

  it('one board keeps its title as typed', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    const form = page.locator('form.create-form');
    await form.locator('input[name="title"]').fill('Weekly ambassadors');
    await form.locator('button[type="submit"]').click();
    await page.getByRole('heading', { name: '“Weekly ambassadors” is ready' }).waitFor();
    expect(await page.getByTestId('team-board').count()).toBe(0);
    await context.close();
  });
});
