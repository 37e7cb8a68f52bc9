/**
 * A refusal from the server is told in the page's language, by its code: the server's message
 * is English, for logs, and a Finnish page never shows it. Also the join form's own check: a
 * name of spaces alone is answered in words. Screenshots: test-results/screenshots/errors-fi-*.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPerson, SCREENSHOTS } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { openAs, openTab } from './workshop-helpers.ts';

/** Words of the server's English messages: none may reach a Finnish page. */
const ENGLISH = /\b(the|try|again|needs|too many|attempts|token)\b/i;

async function alertText(page: Page, selector = '[role="alert"]'): Promise<string> {
  const alert = page.locator(selector).first();
  await alert.waitFor({ timeout: 5000 });
  return (await alert.textContent()) ?? '';
}

describe.skipIf(!HAS_CHROMIUM)('errors in the Finnish UI', () => {
  let browser: Browser;
  let server: TestServer;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('creating a board without the operator’s token, and joining too often, are told in Finnish', async () => {
    // Boards need the operator's token here, and one failed join a minute per address.
    const guarded = await startTestServer({
      ADMIN_TOKEN: 'operator-secret-0123456789',
      JOIN_RATE_PER_MIN: '1',
    });
    try {
      const context = await newPerson(browser, 'fi-FI');
      const page = await context.newPage();
      await page.goto(guarded.url);
      await page.locator('form.create-form button[type="submit"]').click();
      const created = await alertText(page, '.create-form [role="alert"]');
      await page.screenshot({ path: `${SCREENSHOTS}/errors-fi-create.png` });
      expect(created).toBe(
        'Taulun luominen epäonnistui: Tälle palvelimelle voivat luoda tauluja vain sen ylläpitäjät. Pyydä heitä luomaan taulu sinulle.',
      );
      expect(created).not.toMatch(ENGLISH);

      const board = await guarded.createBoard({ title: 'Vartioitu', language: 'fi' });
      // The one failed join this minute allows: the address waits now, a right key too.
      const guess = await guarded.api(`/api/boards/${board.board.id}/join`, {
        body: { key: 'a-guess', name: 'Eve' },
      });
      expect(guess.status).toBe(401);
      await page.goto(board.links.participant);
      const name = page.locator('input[name="displayName"]');

      // Spaces alone: the form says so, in Finnish, and asks nothing of the server.
      await name.fill('   ');
      await name.press('Enter');
      const blank = await alertText(page, '.join-form [role="alert"]');
      await page.screenshot({ path: `${SCREENSHOTS}/errors-fi-blank-name.png` });
      expect(blank).toBe('Kirjoita nimi, jonka muut näkevät: pelkät välilyönnit eivät riitä.');
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
        'displayName',
      );

      // Six families: 66 UTF-16 units, past the server's 60. The form says so rather than cut
      // the last family into another emoji (QA, international content: maxlength did).
      const families = '👨‍👩‍👧‍👦'.repeat(6);
      await name.fill(families);
      expect(await name.inputValue()).toBe(families);
      await name.press('Enter');
      expect(await alertText(page, '.join-form [role="alert"]')).toBe(
        'Nimessä voi olla enintään 60 merkkiä, ja emoji on kaksi tai useampia: lyhennä sitä hieman.',
      );

      // A join within that minute: the form stays, with how long to wait.
      await name.fill('Pia');
      const answer = page.waitForResponse((response) => response.url().endsWith('/join'));
      await page.locator('form.join-form button[type="submit"]').click();
      expect((await answer).status()).toBe(429);
      expect(await alertText(page)).toMatch(
        /^Liian monta yritystä\. Odota \d+ sekuntia ja yritä uudelleen\.$/,
      );
      expect(await name.isVisible()).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/errors-fi-join-rate-limited.png` });
      await context.close();
    } finally {
      await guarded.close();
    }
  });

  it('a refusal in the workshop panels is told in Finnish, also for codes they did not know', async () => {
    const created = await server.createBoard({ title: 'Versiot', language: 'fi' });
    const fran = await openAs(browser, server, created.board.id, created.keys.facilitator, 'Fran', {
      language: 'fi',
    });
    // A facilitator may save ten versions in a row; the eleventh must wait.
    for (let n = 0; n < 10; n++) {
      const saved = await server.api(`/api/boards/${created.board.id}/snapshots`, {
        token: fran.token,
        body: { name: `v${n}` },
      });
      expect(saved.status).toBe(201);
    }
    await openTab(fran.page, 'Historia ja vienti');
    await fran.page.getByRole('button', { name: 'Tallenna versio' }).click();
    const refused = await alertText(fran.page, '.wk-error[role="alert"]');
    await fran.page.screenshot({ path: `${SCREENSHOTS}/errors-fi-save-version.png` });
    // The wait comes in the acknowledgement too (Socket.io has no Retry-After header).
    expect(refused).toMatch(/Liian monta yritystä\. Odota \d+ sekuntia ja yritä uudelleen\./);
    expect(refused).not.toMatch(ENGLISH);
    await fran.context.close();
  });

  it('an export past the member’s budget says in Finnish how long to wait', async () => {
    // A budget of one millisecond: the first download spends it, the next must wait.
    const limited = await startTestServer({ EXPORT_BURST_MS: '1', EXPORT_MS_PER_SEC: '1' });
    try {
      const created = await limited.createBoard({ title: 'Vienti', language: 'fi' });
      const fran = await openAs(
        browser,
        limited,
        created.board.id,
        created.keys.facilitator,
        'Fran',
        {
          language: 'fi',
        },
      );
      await openTab(fran.page, 'Historia ja vienti');
      const report = fran.page.getByRole('button', { name: 'Markdown-raportti' });
      await Promise.all([fran.page.waitForEvent('download'), report.click()]);
      const answer = fran.page.waitForResponse((response) => response.url().includes('/export?'));
      await report.click();
      expect((await answer).status()).toBe(429);
      const refused = await alertText(fran.page, '[data-download-problem="rate_limited"]');
      await fran.page.screenshot({ path: `${SCREENSHOTS}/errors-fi-export-budget.png` });
      expect(refused).toMatch(/^Liian monta yritystä\. Odota \d+ sekuntia ja yritä uudelleen\.$/);
      expect(refused).not.toMatch(ENGLISH);
      await fran.context.close();
    } finally {
      await limited.close();
    }
  });
});
