/**
 * axe-core in a page. The page's Content-Security-Policy refuses any script it did not load
 * from its own files, a <script> element a test adds too, so axe goes in the way the tests'
 * own `page.evaluate` calls do: through the browser's DevTools protocol.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

export async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(SOURCE);
}
