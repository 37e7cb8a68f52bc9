/**
 * A server whose operator set CREATE_TOKEN: the landing page asks a facilitator for the
 * passcode once the server wants it, says so when it is wrong, and remembers the one that
 * worked. Screenshot: test-results/screenshots/create-passcode.png.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { newPerson, SCREENSHOTS } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';

const PASSCODE = 'workshop-team-passcode-2026';

describe.skipIf(!HAS_CHROMIUM)('creating a board on a server that asks for a passcode', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser(
    (s, b) => {
      server = s;
      browser = b;
    },
    { CREATE_TOKEN: PASSCODE },
  );

  it('asks for it, refuses a wrong one in words, and remembers the right one', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    const form = page.locator('form.create-form');
    const passcode = form.getByLabel('Passcode for creating boards');
    expect(await passcode.count()).toBe(0);
    await form.locator('input[name="title"]').fill('Service safari');
    await form.locator('button[type="submit"]').click();

    // Asked, with the focus on the field.
    await passcode.waitFor();
    await expect
      .poll(() => passcode.evaluate((input) => input === document.activeElement))
      .toBe(true);
    expect(await form.getByText('Enter yours; this browser remembers it.').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/create-passcode.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await passcode.fill('not-the-passcode-0000');
    await form.locator('button[type="submit"]').click();
    await form.getByText('That passcode was not accepted.', { exact: false }).waitFor();
    expect(await passcode.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await passcode.fill(PASSCODE);
    await form.locator('button[type="submit"]').click();
    await page.getByText('Service safari', { exact: false }).first().waitFor();
    expect(await page.getByTestId('link-facilitator').inputValue()).toContain('/b/');

    // The next board, even after a reload, is created without asking.
    await page.reload();
    await form.locator('input[name="title"]').fill('Second board');
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('link-facilitator').waitFor();
    expect(await passcode.count()).toBe(0);
    expect(
      server.boards
        .list()
        .map((board) => board.title)
        .sort(),
    ).toEqual(['Second board', 'Service safari']);
    await context.close();
  });

  it('a remembered passcode the operator has since changed is asked for again, not called wrong (QA)', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(() =>
      localStorage.setItem('ideamill.createToken', 'last-years-passcode-0000'),
    );
    const form = page.locator('form.create-form');
    await form.locator('input[name="title"]').fill('New year');
    await form.locator('button[type="submit"]').click();
    const passcode = form.getByLabel('Passcode for creating boards');
    await passcode.waitFor();
    expect(await form.getByText('Enter yours; this browser remembers it.').count()).toBe(1);
    expect(await form.getByText('That passcode was not accepted.', { exact: false }).count()).toBe(
      0,
    );
    expect(await page.evaluate(() => localStorage.getItem('ideamill.createToken'))).toBeNull();
    await context.close();
  });
});
