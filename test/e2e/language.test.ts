import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { joinByLink, newPerson, SCREENSHOTS, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';

describe.skipIf(!HAS_CHROMIUM)('the UI language', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  const languageButton = (language: 'en' | 'fi') =>
    `[data-testid="language-switch"] button[lang="${language}"]`;

  it('switches between Finnish and English and is remembered after a reload', async () => {
    const context = await newPerson(browser, 'en-US');
    const page = await context.newPage();
    await page.goto(server.url);
    const submit = page.locator('form.create-form button[type="submit"]');
    expect(await submit.textContent()).toBe('Create board');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: `${SCREENSHOTS}/landing-en.png` });

    await page.locator(languageButton('fi')).click();
    expect(await submit.textContent()).toBe('Luo taulu');
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    await page.screenshot({ path: `${SCREENSHOTS}/landing-fi.png` });

    await page.reload();
    expect(await page.locator('form.create-form button[type="submit"]').textContent()).toBe(
      'Luo taulu',
    );

    // The board page follows the same choice, and switching there changes it everywhere.
    const { links } = await server.createBoard({
      title: 'Palvelupolku',
      template: 'customer-journey',
      language: 'fi',
    });
    await joinByLink(page, links.facilitator, 'Fiona');
    await waitForConnection(page);
    const outlineButton = page.locator('.view-toggle button[data-view="outline"]');
    expect(await outlineButton.textContent()).toBe('Jäsennys');
    expect(await page.locator('[data-testid="my-role"]').textContent()).toBe('Fasilitaattori');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SCREENSHOTS}/board-fi.png` });

    await page.locator(languageButton('en')).click();
    expect(await outlineButton.textContent()).toBe('Outline');
    expect(await page.locator('[data-testid="my-role"]').textContent()).toBe('Facilitator');
    await page.screenshot({ path: `${SCREENSHOTS}/board-en.png` });

    await page.reload();
    await page.locator('[data-testid="board-title"]').waitFor();
    expect(await page.locator('.view-toggle button[data-view="outline"]').textContent()).toBe(
      'Outline',
    );
    // A tablet in landscape: the side panels float over the board instead of squeezing it.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.locator(languageButton('fi')).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOTS}/board-tablet-fi.png` });
    await context.close();
  });

  it('a Finnish browser starts in Finnish', async () => {
    const context = await newPerson(browser, 'fi-FI');
    const page = await context.newPage();
    await page.goto(server.url);
    expect(await page.locator('form.create-form button[type="submit"]').textContent()).toBe(
      'Luo taulu',
    );
    await context.close();
  });
});
