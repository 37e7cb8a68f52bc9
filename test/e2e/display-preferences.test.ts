/**
 * The board as the person's system asks for it: in forced colours (Windows High Contrast) a
 * note keeps its edges and the colour swatches their colours; with reduced motion the view
 * jumps instead of gliding; with the browser's text twice as large, a follow-up's fields stay
 * inside the side panel. Screenshots: test-results/screenshots/display-*.png (looked at).
 */
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addItem } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { socketIoClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { item } from './canvas-helpers.ts';
import { openAs, openTab, SCREENSHOTS } from './workshop-helpers.ts';

/** Every transform the board's camera takes while `act` runs and for `ms` after. */
async function cameraSteps(page: Page, act: () => Promise<void>, ms = 600): Promise<string[]> {
  await page.locator('.im-world').evaluate((world) => {
    const steps: string[] = [];
    (window as unknown as { steps: string[] }).steps = steps;
    new MutationObserver(() => steps.push((world as HTMLElement).style.transform)).observe(world, {
      attributes: true,
      attributeFilter: ['style'],
    });
  });
  await act();
  await page.waitForTimeout(ms);
  return page.evaluate(() => [...new Set((window as unknown as { steps: string[] }).steps)]);
}

describe.skipIf(!HAS_CHROMIUM)('the board as the system asks for it', () => {
  let server: TestServer;
  let browser: Browser;
  let boardId = '';
  let keys: { facilitator: string; participant: string };
  let noteId = '';
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  beforeAll(async () => {
    const created = await server.createBoard({ title: 'Näkymä', language: 'fi' });
    boardId = created.board.id;
    keys = created.keys;
    const { token, member } = await server.join(
      boardId,
      keys.facilitator,
      'Maija Meikäläinen-Virtanen',
    );
    const writer = socketIoClient(server.url, boardId, token);
    await writer.synced;
    noteId = addItem(writer.doc, { type: 'note', x: 40, y: 40, text: 'Jonot lyhyemmiksi' });
    addItem(writer.doc, { type: 'note', x: 300, y: 40, text: 'Ystävällisemmät kirjeet' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    writer.destroy();
    const followUp = await server.api(`/api/boards/${boardId}/followups`, {
      token,
      body: {
        itemId: noteId,
        title: 'Asiakaspalvelun jonotusjärjestelmän uudistaminen',
        owner: { memberId: member.id },
        status: 'in_progress',
      },
    });
    expect(followUp.status).toBe(201);
  });

  it('in forced colours a note has a visible edge and each swatch shows its own colour', async () => {
    const person = await openAs(browser, server, boardId, keys.participant, 'Kontrasti');
    const { page } = person;
    await page.emulateMedia({ forcedColors: 'active' });
    const note = item(page, noteId);
    await note.waitFor();
    const edge = await note.evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        style: style.borderTopStyle,
        width: Number.parseFloat(style.borderTopWidth),
        color: style.borderTopColor,
        fill: style.backgroundColor,
      };
    });
    expect(edge.style).toBe('solid');
    expect(edge.width).toBeGreaterThanOrEqual(1);
    expect(edge.color).not.toBe(edge.fill);

    await note.click();
    const swatches = page.locator('.im-swatch');
    await swatches.first().waitFor();
    const colours = await swatches.evaluateAll((elements) =>
      elements.map((element) => getComputedStyle(element).backgroundColor),
    );
    expect(colours.length).toBeGreaterThan(1);
    expect(new Set(colours).size).toBe(colours.length);
    await page.screenshot({ path: `${SCREENSHOTS}/display-forced-colours.png` });
    await person.context.close();
  });

  it('with reduced motion, zooming jumps in one step; otherwise it glides', async () => {
    const person = await openAs(browser, server, boardId, keys.participant, 'Liike');
    const { page } = person;
    const zoomIn = page.locator('.im-zoom button[aria-label="Zoom in"]');
    await zoomIn.waitFor();
    await page.waitForTimeout(500);
    const gliding = await cameraSteps(page, () => zoomIn.click());
    expect(gliding.length).toBeGreaterThan(2);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    const zoomOut = page.locator('.im-zoom button[aria-label="Zoom out"]');
    expect(await cameraSteps(page, () => zoomOut.click())).toHaveLength(1);
    // Zoom to fit, the farthest move the buttons make, jumps too.
    const fit = page.locator('.im-zoom [data-action="zoom-to-fit"]');
    await zoomIn.click();
    expect(await cameraSteps(page, () => fit.click())).toHaveLength(1);
    await person.context.close();
  });

  it('with the text twice as large, a follow-up’s fields stay inside the side panel', async () => {
    const person = await openAs(browser, server, boardId, keys.facilitator, 'Fasilitaattori', {
      language: 'fi',
    });
    const { page } = person;
    // The browser's text-only zoom: every size in rem and em doubles, the page's width stays.
    // (Set through the page's style object: its Content-Security-Policy refuses a <style> added.)
    await page.evaluate(() =>
      document.documentElement.style.setProperty('font-size', '200%', 'important'),
    );
    await openTab(page, 'Jatkotoimet');
    const card = page.locator('.wk-followup').first();
    await card.waitFor();
    const outside = await card.evaluate((element) => {
      const panel = element.closest('.board-side')?.getBoundingClientRect();
      if (!panel) return ['no panel'];
      return Array.from(element.querySelectorAll('*'))
        .filter((child) => {
          const box = child.getBoundingClientRect();
          return box.width > 0 && (box.right > panel.right + 1 || box.left < panel.left - 1);
        })
        .map((child) => `${child.tagName.toLowerCase()} ${child.textContent?.slice(0, 30)}`);
    });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/display-text-zoom-follow-up.png` });
    expect(outside).toEqual([]);
    await person.context.close();
  });
});
