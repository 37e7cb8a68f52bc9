/**
 * Real Chromium for the browser tests, through playwright-core. Where no browser is
 * installed the tests report themselves skipped with the command that installs one;
 * under CI=true a missing browser fails the run instead.
 */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from './chromium.ts';
import { startTestServer, type TestServer } from './server.ts';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

export const INSTALL_HINT = 'apt-get install -y chromium';

export const HAS_CHROMIUM = fs.existsSync(CHROMIUM_PATH);

if (!HAS_CHROMIUM) {
  if (process.env.CI === 'true') {
    throw new Error(`No Chromium at ${CHROMIUM_PATH} (CI=true). Install it: ${INSTALL_HINT}`);
  }
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM_PATH}. Install: ${INSTALL_HINT}`);
}

export const launchBrowser = launchChromium;

/**
 * A real server and one Chromium for the enclosing describe block, both closed after it;
 * `ready` receives them before the first test.
 */
export function withServerAndBrowser(
  ready: (server: TestServer, browser: Browser) => void,
  /** The server's settings beyond the tests' defaults. */
  env: Record<string, string> = {},
): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer(env);
    browser = await launchBrowser();
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
