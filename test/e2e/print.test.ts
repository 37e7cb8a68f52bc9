/**
 * Printing what a workshop made, in real Chromium with print media (QA, printing): the outline
 * prints whole, a version's report prints alone and whole, and the canvas prints the whole board
 * fitted, never the app's controls over it. They printed one screenful each before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/follow-through.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import {
  openAs,
  openTab,
  type Person,
  SCREENSHOTS,
  seedBoard,
  showOutline,
} from './workshop-helpers.ts';

const NOTES = Array.from(
  { length: 24 },
  (_, i) => `Idea ${i + 1}: shorter queues at desk ${i + 1}`,
);

/** How many pages a PDF of the page has, as Chromium prints it on A4 (kept to look at). */
async function pagesOnPaper(page: Page, name: string): Promise<number> {
  const pdf = await page.pdf({ format: 'A4', path: `${SCREENSHOTS}/${name}.pdf` });
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

const shown = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).display !== 'none');

describe.skipIf(!HAS_CHROMIUM)('printing', () => {
  let server: TestServer;
  let browser: Browser;
  let fran: Person;
  let boardId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Service day', template: 'idea-mill' });
    boardId = created.board.id;
    const seeder = await server.join(boardId, created.keys.facilitator, 'Seeder');
    await seedBoard(server, boardId, seeder.token, NOTES, [2, 1]);
    fran = await openAs(browser, server, boardId, created.keys.facilitator, 'Fran', {
      width: 1280,
      height: 800,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the outline prints whole, over several pages, without the controls', async () => {
    const page = fran.page;
    await showOutline(page);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await shown(page, '.board-side')).toBe(false);
      expect(await shown(page, '.view-toggle')).toBe(false);
      expect(await shown(page, 'form.ol-add')).toBe(false);
      // The last note is in the page's flow, not in a scroll box one screen high.
      const last = page.locator('[data-outline-item-id]', { hasText: NOTES.at(-1) });
      const bottom = await last.evaluate((element) => element.getBoundingClientRect().bottom);
      expect(bottom).toBeGreaterThan(800);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(
        bottom,
      );
      expect(await pagesOnPaper(page, 'print-outline')).toBeGreaterThan(1);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it("a version's report prints alone and whole while it is previewed", async () => {
    const page = fran.page;
    const saved = await server.api<Snapshot>(`/api/boards/${boardId}/snapshots`, {
      token: fran.token,
      body: { name: 'End of day' },
    });
    expect(saved.status).toBe(201);
    await openTab(page, 'History & export');
    const row = page.locator('[data-snapshot-id]', { hasText: 'End of day' });
    await row.getByRole('button', { name: 'Preview' }).click();
    const dialog = page.getByRole('dialog', { name: /^Preview: End of day/ });
    await dialog.getByTestId('snapshot-preview').getByText(NOTES.at(-1)!).waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      // The dialog shows a screenful; the print copy has it all, from the title to the rounds.
      expect(await shown(page, 'dialog')).toBe(false);
      expect(await shown(page, '#root')).toBe(false);
      const report = page.locator('.print-report');
      expect(await report.evaluate((element) => getComputedStyle(element).display)).toBe('block');
      expect(await report.getByRole('heading', { name: 'Voting rounds' }).count()).toBe(1);
      expect(await report.getByText(NOTES.at(-1)!).count()).toBe(1);
      expect(await pagesOnPaper(page, 'print-report')).toBeGreaterThan(1);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('.print-report').count()).toBe(0);
  });

  it('the canvas prints the whole board fitted, without the tool bar or the panels, and its view comes back', async () => {
    const page = fran.page;
    await page.locator('button[data-view="canvas"]').click();
    const canvas = page.locator('.canvas-host');
    await page.locator('[data-item-id]').first().waitFor();
    // Zoomed in on a corner: most of the board is out of sight.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(400);
    const zoomBefore = await page.locator('.im-zoom-percent').textContent();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await shown(page, '.im-toolbar')).toBe(false);
      expect(await shown(page, '.board-side')).toBe(false);
      const host = (await canvas.boundingBox())!;
      // At most what A4 portrait holds inside the default margins (the screen's is 940 px here).
      expect(host.width).toBeLessThanOrEqual(700);
      const notes = await page
        .locator('.im-note')
        .evaluateAll((elements) =>
          elements.map((element) => element.getBoundingClientRect().toJSON()),
        );
      expect(notes.length).toBe(NOTES.length);
      for (const note of notes) {
        expect(note.left).toBeGreaterThanOrEqual(host.x - 1);
        expect(note.right).toBeLessThanOrEqual(host.x + host.width + 1);
        expect(note.top).toBeGreaterThanOrEqual(host.y - 1);
        expect(note.bottom).toBeLessThanOrEqual(host.y + host.height + 1);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/print-canvas.png` });
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    }
    await expect.poll(() => page.locator('.im-zoom-percent').textContent()).toBe(zoomBefore);
    expect(fran.errors).toEqual([]);
  });

  it('the exported SVG, opened and printed in a browser, fits the paper it is printed on', async () => {
    const svg = await fetch(`${server.url}/api/boards/${boardId}/export?format=svg`, {
      headers: { authorization: `Bearer ${fran.token}` },
    });
    const file = path.join(os.tmpdir(), `ideamill-print-${boardId}.svg`);
    fs.writeFileSync(file, await svg.text());
    // A page narrower than the picture, as a sheet of A4 is narrower than a wide board.
    const page = await browser.newPage({ viewport: { width: 500, height: 700 } });
    try {
      await page.goto(`file://${file}`);
      const width = () =>
        page.evaluate(() => document.documentElement.getBoundingClientRect().width);
      expect(await width()).toBeGreaterThan(500);
      await page.emulateMedia({ media: 'print' });
      expect(await width()).toBeLessThanOrEqual(500);
    } finally {
      await page.close();
      fs.rmSync(file, { force: true });
    }
  });
});
