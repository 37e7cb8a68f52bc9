import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe.skipIf(!HAS_CHROMIUM)('the web client', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('is served at the root', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    expect(await page.locator('main').textContent()).toContain('Ideamill');
    await page.close();
  });

  it('no other page can frame the board, and its own scripts run under its policy with nothing refused', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    await page.goto(server.url);
    await page.locator('input[name="title"]').waitFor();
    // A board made and opened under the policy: the app's own code needs nothing it refuses.
    expect(refused).toEqual([]);
    // An attacker's page with the board in a frame: the browser does not show it there.
    const attacker = await browser.newPage();
    await attacker.setContent(`<iframe src="${server.url}/" width="800" height="600"></iframe>`);
    const frame = attacker.frames()[1];
    await expect.poll(async () => frame?.url()).toMatch(/^chrome-error:/);
    expect(
      await attacker.locator('iframe').contentFrame().locator('input[name="title"]').count(),
    ).toBe(0);
    await attacker.close();
    await page.close();
  });

  it('a site named in FRAME_ANCESTORS may frame the board; another still may not', async () => {
    // The intranet page: another origin, on a port of its own.
    const intranet = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<iframe src="${framed.url}/" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => intranet.listen(0, '127.0.0.1', resolve));
    const port = (intranet.address() as AddressInfo).port;
    const framed = await startTestServer({ FRAME_ANCESTORS: `http://127.0.0.1:${port}` });
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.locator('iframe').contentFrame().locator('input[name="title"]').waitFor();
      // The same page from another origin (localhost is not 127.0.0.1 to a browser): refused.
      await page.goto(`http://localhost:${port}/`);
      await expect.poll(async () => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
    } finally {
      await page.close();
      await framed.close();
      intranet.close();
    }
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

  it('the start page, its links and the name prompt pass axe-core', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('input[name="title"]').fill('Axe');
    await page.locator('form.create-form button[type="submit"]').click();
    await page.locator('[data-testid="link-viewer"]').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(await page.locator('[data-testid="link-participant"]').inputValue());
    await page.locator('input[name="displayName"]').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/b/00000000-0000-4000-8000-000000000000`);
    await page.locator('[data-testid="board-error"]').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
