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

  it('lets browsers keep hashed assets for good but always revalidate the page', async () => {
    const page = await fetch(server.url);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    const plain = await fetch(`${server.url}${script}`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(await asset.text());
    const board = await fetch(`${server.url}/b/00000000-0000-4000-8000-000000000000`);
    expect(board.headers.get('cache-control')).toBe('no-cache');
    expect(await board.text()).toBe(html);
    expect((await fetch(`${server.url}/assets/missing-0000.js`)).status).toBe(404);
  });
});
