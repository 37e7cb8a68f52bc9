/**
 * Every template opens as a readable board: all its items are drawn with their labels in the
 * board's language, "zoom to fit" shows them all, and a screenshot of each is kept for review
 * (test-results/screenshots/template-*.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readItems } from '../../shared/board-document.ts';
import { applyTemplate, type Template } from '../../shared/templates.ts';
import { openBoard, SCREENSHOTS, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { surfaceBox, zoomToFit } from './canvas-helpers.ts';

const CASES: { template: Template; language: 'en' | 'fi'; file: string; labels: string[] }[] = [
  { template: 'blank', language: 'en', file: 'blank', labels: [] },
  {
    template: 'customer-journey',
    language: 'en',
    file: 'customer-journey-en',
    labels: ['Customer journey', 'Need arises', 'Afterwards', 'People', "Customer's feelings"],
  },
  {
    template: 'customer-journey',
    language: 'fi',
    file: 'customer-journey-fi',
    labels: ['Asiakkaan palvelupolku', 'Tarve herää', 'Ihmiset', 'Asiakkaan tunteet'],
  },
  {
    template: 'concept-canvas',
    language: 'en',
    file: 'concept-canvas',
    labels: ['Service concept', 'New service concept'],
  },
  {
    template: 'idea-mill',
    language: 'en',
    file: 'idea-mill',
    labels: ['Topic 1', 'Topic 4'],
  },
  {
    template: 'retrospective',
    language: 'en',
    file: 'retrospective',
    labels: ['Went well', 'To improve', 'Ideas', 'Actions'],
  },
];

/** The items a template writes, counted the way the server writes them. */
function expectedItems(template: Template, language: 'en' | 'fi') {
  const doc = new Y.Doc();
  applyTemplate(doc, template, language);
  return readItems(doc);
}

describe.skipIf(!HAS_CHROMIUM)('board templates on the canvas', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { template, language, file, labels } of CASES) {
    it(`${file}: every item drawn with its labels, all in view after zoom to fit`, async () => {
      const { links } = await server.createBoard({ title: `Template ${file}`, template, language });
      const locale = language === 'fi' ? 'fi-FI' : 'en-US';
      const { context, page } = await openBoard(browser, links.facilitator, 'Fiona', locale);
      try {
        await waitForConnection(page);
        const expected = expectedItems(template, language);
        const drawn = page.locator('.im-world [data-item-id]');
        await expect.poll(() => drawn.count()).toBe(expected.length);
        const texts = await page.locator('.im-world [data-item-text]').allTextContents();
        for (const label of labels) expect(texts).toContain(label);

        await zoomToFit(page);
        const screen = await surfaceBox(page);
        // Nothing hides behind the tool bar floating on the left.
        const toolbar = (await page.locator('.im-toolbar').boundingBox())!;
        for (const element of await drawn.all()) {
          const box = await element.boundingBox();
          expect(box).not.toBeNull();
          expect(box!.x).toBeGreaterThan(toolbar.x + toolbar.width);
          expect(box!.y).toBeGreaterThanOrEqual(screen.y - 1);
          expect(box!.x + box!.width).toBeLessThanOrEqual(screen.x + screen.width + 1);
          expect(box!.y + box!.height).toBeLessThanOrEqual(screen.y + screen.height + 1);
        }
        if (template === 'customer-journey') {
          // The stages read as columns: each lane is divided where a stage header begins.
          const headers = await page
            .locator('.im-world [data-item-id]')
            .filter({ hasText: labels[1] })
            .boundingBox();
          const lane = page.locator('.im-frame').first();
          const lines = lane.locator('.im-frame-column');
          expect(await page.locator('.im-frame-column').count()).toBe(25);
          const first = (await lines.first().boundingBox())!;
          expect(Math.abs(first.x - headers!.x)).toBeLessThan(3);
          // A lane's title, the long ones too, keeps left of the first stage line: it wraps.
          for (const frame of await page.locator('.im-frame').all()) {
            const title = (await frame.locator('.im-frame-title').boundingBox())!;
            const line = (await frame.locator('.im-frame-column').first().boundingBox())!;
            expect(title.x + title.width).toBeLessThanOrEqual(line.x + 1);
          }
          // Written, it keeps to the same column.
          await lane.locator('[data-handle="title"]').dblclick();
          const editor = page.locator('.im-title-input');
          const written = (await editor.boundingBox())!;
          expect(written.x + written.width).toBeLessThanOrEqual(first.x + 1);
          expect(written.width).toBeGreaterThan(first.x - written.x - 30);
          await page.screenshot({ path: path.join(SCREENSHOTS, `template-${file}-title.png`) });
          await page.keyboard.press('Escape');
          await editor.waitFor({ state: 'detached' });
        }
        if (template === 'concept-canvas') {
          // The card's title is its name: no empty Name field under it, the other seven shown.
          const fieldLabels = await page.locator('.im-concept-field dt').allTextContents();
          expect(fieldLabels).toHaveLength(7);
          expect(fieldLabels).not.toContain('Name');
          expect(fieldLabels).toContain('Value for the organisation');
        }
        await page.screenshot({ path: path.join(SCREENSHOTS, `template-${file}.png`) });
      } finally {
        await context.close();
      }
    });
  }
});
