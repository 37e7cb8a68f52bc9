import type { Browser } from 'playwright-core';
import { describe, it } from 'vitest';
import { newPerson } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';

describe.skipIf(!HAS_CHROMIUM)('a request nobody answers', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('joining ends in words and a retry, not in "Joining…" for good', async () => {
    const created = await server.createBoard({ title: 'Held' });
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.clock.install();
    // A proxy that takes the join and never answers.
    await page.route('**/api/boards/*/join', () => {});
    await page.goto(created.links.participant);
    await page.locator('input[name="displayName"]').fill('Aino');
    await page.locator('form.join-form button[type="submit"]').click();
    await page.clock.fastForward(21_000);
    const error = page.getByTestId('board-error');
    await error.getByText('The server did not answer in time').waitFor();
    // Answered again, trying again joins.
    await page.unroute('**/api/boards/*/join');
    await error.getByRole('button', { name: 'Try again' }).click();
    await page.locator('input[name="displayName"]').fill('Aino');
    await page.locator('form.join-form button[type="submit"]').click();
    await page.locator('[data-testid="board-title"]').waitFor();
    await context.close();
  });
});
