/**
 * The follow-up mark on an item is a button: its name says who owns the item's follow-ups, the
 * keyboard reaches it, a click, Enter or a tap lists them with their owners, and on a phone it
 * takes a 44 × 44 px touch. Before, the owners were only in a title a phone never shows (QA).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { targetsOf, zoomTo } from './canvas-helpers.ts';
import { FILLED_FIELDS, openAs, SCREENSHOTS, seededBoard } from './workshop-helpers.ts';

const PHONE = { width: 390, height: 844, touch: true } as const;

describe.skipIf(!HAS_CHROMIUM)('the follow-up mark on an item', () => {
  let server: TestServer;
  let browser: Browser;
  let boardId = '';
  let participantKey = '';
  let note = '';
  let concept = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const seeded = await seededBoard(server, 'Follow-through', [
      { type: 'note', x: 0, y: 0, text: 'Call back within a day' },
      { type: 'concept', x: 0, y: 260, title: 'Evening chat service', fields: FILLED_FIELDS },
    ]);
    boardId = seeded.boardId;
    participantKey = seeded.keys.participant;
    [note = '', concept = ''] = seeded.ids;
    const followUp = (body: unknown) => seeded.post('/followups', body);
    await followUp({ itemId: note, title: 'Write the call script', owner: { name: 'Ben' } });
    await followUp({
      itemId: note,
      title: 'Ask the phone company',
      owner: null,
      due: '2026-01-15',
    });
    await followUp({ itemId: concept, title: 'Pilot in March', owner: { name: 'Aino' } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is a button named with the owners, which the keyboard reaches and Enter opens', async () => {
    const { page, context } = await openAs(browser, server, boardId, participantKey, 'Pia');
    const mark = page.locator(`[data-overlay-of="${note}"] .wk-fu-mark`);
    await mark.waitFor();
    expect(await mark.evaluate((element) => element.tagName)).toBe('BUTTON');
    // Its name starts with the words it shows, then says whose they are.
    await page
      .getByRole('button', { name: '2 follow-ups, owners: Ben, Unassigned', exact: true })
      .waitFor();
    // Tab from the note goes to its mark.
    await page.locator(`[data-item-id="${note}"]`).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      '2 follow-ups, owners: Ben, Unassigned',
    );
    await page.keyboard.press('Enter');
    const list = page.getByRole('dialog', { name: 'Follow-ups on “Call back within a day”' });
    await list.waitFor();
    const items = list.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).innerText()).toMatch(/Write the call script[\s\S]*Owner\s+Ben/);
    expect(await items.nth(1).innerText()).toMatch(
      /Ask the phone company[\s\S]*Owner\s+Unassigned[\s\S]*Due date\s+15 Jan 2026/,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/follow-up-mark-list.png` });
    // Escape closes the list and gives the focus back to the mark.
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('wk-fu-mark')),
    ).toBe(true);
    await context.close();
  });

  it('on a phone, takes a 44 × 44 px touch and a tap shows who owns it', async () => {
    const { page } = await openAs(browser, server, boardId, participantKey, 'Pia', PHONE);
    const mark = page.locator(`[data-overlay-of="${concept}"] .wk-fu-mark`);
    await mark.waitFor();
    await zoomTo(page, 0.9, mark);
    const targets = await targetsOf(page, concept);
    const target = targets.find((each) => each.name.startsWith('wk-fu-mark '));
    if (!target) throw new Error(`no follow-up mark among ${targets.map((each) => each.name)}`);
    // Edges fall between pixels, where the page hit-tests by its own rounding: half a pixel.
    expect(target.width).toBeGreaterThanOrEqual(43.5);
    expect(target.height).toBeGreaterThanOrEqual(43.5);
    await mark.tap();
    const list = page.getByRole('dialog', { name: 'Follow-ups on “Evening chat service”' });
    await list.waitFor();
    expect(await list.innerText()).toMatch(/Pilot in March[\s\S]*Owner\s+Aino/);
    await page.screenshot({ path: `${SCREENSHOTS}/follow-up-mark-phone.png` });
    // The tap was the mark's: the card under it is not selected.
    const card = page.locator(`[data-item-id="${concept}"]`);
    expect(await card.evaluate((element) => element.classList.contains('is-selected'))).toBe(false);
  });
});
