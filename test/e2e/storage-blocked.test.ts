/**
 * A browser that blocks site data (Chromium's "Block all cookies" setting, as some
 * organisations set it, and as browsers treat a board framed in another site): every use of
 * localStorage throws. The page still works; it only remembers nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinBoardResponse } from '../../shared/api.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import { leaveOnThisDevice, waitForConnection } from '../helpers/board-page.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAS_CHROMIUM } from '../helpers/browser.ts';
import { startTestServer, type TestServer, tempDataDir } from '../helpers/server.ts';

describe.skipIf(!HAS_CHROMIUM)('a browser that blocks site data', () => {
  let server: TestServer;
  let context: BrowserContext;
  beforeAll(async () => {
    server = await startTestServer();
    // A profile whose preferences block every site's data, as the setting does.
    const profile = tempDataDir();
    fs.mkdirSync(path.join(profile, 'Default'));
    fs.writeFileSync(
      path.join(profile, 'Default', 'Preferences'),
      JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
    );
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      locale: 'en-US',
      viewport: { width: 1280, height: 800 },
    });
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('still shows the landing page, joins a board and works on it', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    // The setting took: storage throws here.
    expect(
      await page.evaluate(() => {
        try {
          localStorage.getItem('x');
          return 'readable';
        } catch (error) {
          return (error as Error).name;
        }
      }),
    ).toBe('SecurityError');
    await page.locator('form.create-form').waitFor();
    await page.getByRole('button', { name: 'FI' }).click();
    await page.getByRole('heading', { name: 'Aloita uusi taulu' }).waitFor();

    const created = await server.createBoard({ title: 'Locked-down laptop' });
    await page.goto(created.links.participant);
    await page.locator('input[name="displayName"]').fill('Aino');
    await page.locator('form.join-form button[type="submit"]').click();
    await waitForConnection(page);
    expect(await page.getByTestId('board-title').textContent()).toBe('Locked-down laptop');
    expect(errors).toEqual([]);
    await page.close();
  });
  it('"Leave…" signs the device out on the server, though the browser keeps nothing', async () => {
    const created = await server.createBoard({ title: 'Shared laptop' });
    const page = await context.newPage();
    await page.goto(created.links.participant);
    await page.locator('input[name="displayName"]').fill('Aino');
    const joined = page.waitForResponse((response) => response.url().endsWith('/join'));
    await page.locator('form.join-form button[type="submit"]').click();
    const { token } = (await (await joined).json()) as JoinBoardResponse;
    await waitForConnection(page);
    await leaveOnThisDevice(page);
    const asked = await server.api<ErrorResponse>(`/api/boards/${created.board.id}`, { token });
    expect([asked.status, asked.body.error.code]).toEqual([401, 'device_signed_out']);
    await page.close();
  });
});
