/**
 * Real Chromium for the browser tests, through playwright-core. Where no browser is
 * installed the tests report themselves skipped with the command that installs one;
 * under CI=true a missing browser fails the run instead.
 */
import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const INSTALL_HINT = 'apt-get install -y chromium';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM_PATH);

if (!HAS_CHROMIUM) {
  if (process.env.CI === 'true') {
    throw new Error(`No Chromium at ${CHROMIUM_PATH} (CI=true). Install it: ${INSTALL_HINT}`);
  }
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM_PATH}. Install: ${INSTALL_HINT}`);
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}
