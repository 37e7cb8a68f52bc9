import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe.skipIf(!HAS_CHROMIUM)('the web client', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is served at the root', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    expect(await page.locator('main').textContent()).toContain('Ideamill');
    await page.close();
  });
});
