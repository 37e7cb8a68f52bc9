/**
 * The version history and the exports as the day goes on: a version taken as a round opens
 * names the round, versions that retention thins out leave every open page (and a dialog open
 * on one says so), the preview says what it shows as it is now, and the board's export says
 * why a download failed. Screenshots in test-results/screenshots/.
 */
import type { Browser, Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { KEEP_NEWEST } from '../../server/follow-through/retention.ts';
import { addItem } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';
import { openAs, openTab, type Person, screenshot } from './workshop-helpers.ts';

async function downloaded(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

describe.skipIf(!HAS_CHROMIUM)('history and export upkeep', () => {
  let server: TestServer;
  let browser: Browser;
  let fran: Person;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('names the round a version was taken before, and drops versions that are thinned out', async () => {
    const created = await server.createBoard({ title: 'Upkeep' });
    const boardId = created.board.id;
    fran = await openAs(browser, server, boardId, created.keys.facilitator, 'Fran');
    const aino = await openAs(browser, server, boardId, created.keys.participant, 'Aino', {
      language: 'fi',
    });
    await openTab(fran.page, 'History & export');
    await openTab(aino.page, 'Historia ja vienti');

    // A change, then a round: the board as it was is kept as a version before the round.
    let changes = 0;
    const change = () =>
      server.documents.open({ boardId }).change((doc) => {
        addItem(doc, { type: 'note', x: 0, y: 0, text: `Change ${++changes}` });
      });
    /** A change, then the timer's periodic version, taken now. */
    const periodicAfterAChange = () => {
      change();
      return server.followThrough.snapshots.take(boardId, { reason: 'periodic' });
    };
    const roundAfterAChange = async (title?: string) => {
      change();
      const opened = await server.api<{ round: { id: string } }>(`/api/boards/${boardId}/rounds`, {
        token: fran.token,
        body: { budget: 1, ...(title ? { title } : {}) },
      });
      expect(opened.status).toBe(201);
      await server.api(`/api/boards/${boardId}/rounds/${opened.body.round.id}/close`, {
        token: fran.token,
        method: 'POST',
      });
    };
    const rows = (person: Person) => person.page.locator('[data-snapshot-id]');

    await roundAfterAChange('First pick');
    const firstPick = rows(fran).filter({ hasText: 'Before voting round ‘First pick’' });
    await firstPick.waitFor();
    await rows(aino).filter({ hasText: 'Ennen äänestyskierrosta ’First pick’' }).waitFor();

    // The newest ten periodic versions stay; of older ones within the hour, only one. (The way
    // back from a round is kept for 30 days, whatever comes after it.)
    const oldest = periodicAfterAChange();
    for (let n = 1; n <= KEEP_NEWEST; n++) periodicAfterAChange();
    await expect.poll(() => rows(fran).count()).toBe(KEEP_NEWEST + 2);
    const oldestRow = fran.page.locator(`[data-snapshot-id="${oldest.id}"]`);

    // Fran is about to restore the oldest when the next one lets it go.
    await oldestRow.getByRole('button', { name: 'Restore' }).click();
    const confirm = fran.page.getByRole('dialog', { name: 'Restore this version?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Restore' }).focus();
    periodicAfterAChange();
    await confirm.getByTestId('version-gone').waitFor();
    expect(await confirm.getByTestId('version-gone').innerText()).toBe(
      'This version is no longer kept: older automatic versions are thinned out as time passes.',
    );
    // Nothing left to restore; the focus stays in the dialog, so Escape still closes it.
    expect(await confirm.getByRole('button', { name: 'Restore' }).count()).toBe(0);
    expect(await confirm.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await screenshot(fran.page, 'history-version-gone-en');
    await fran.page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });

    // Gone from both pages' lists, without a reload; the round's way back stays.
    await oldestRow.waitFor({ state: 'detached' });
    await aino.page
      .locator(`[data-snapshot-id="${oldest.id}"]`)
      .waitFor({ state: 'detached', timeout: 5000 });
    expect(await rows(fran).count()).toBe(KEEP_NEWEST + 2);
    expect(await rows(aino).count()).toBe(KEEP_NEWEST + 2);
    const firstPickId = (await firstPick.getAttribute('data-snapshot-id')) ?? '';

    // A snapshot stored before the server recorded its round still reads as it did.
    server.db.prepare('UPDATE snapshots SET round_id = NULL WHERE board_id = ?').run(boardId);
    await Promise.all([fran.page.reload(), aino.page.reload()]);
    await openTab(fran.page, 'History & export');
    await openTab(aino.page, 'Historia ja vienti');
    const title = (person: Person) =>
      person.page.locator(`[data-snapshot-id="${firstPickId}"] .wk-version-name`);
    await expect.poll(() => title(fran).innerText()).toMatch(/^Before a voting round\n/);
    await expect.poll(() => title(aino).innerText()).toMatch(/^Ennen äänestyskierrosta\n/);
  });

  it('says in the preview that rounds and follow-ups are shown as they are now', async () => {
    const row = fran.page.locator('[data-snapshot-id]', { hasText: 'Before a voting round' });
    await row.getByRole('button', { name: 'Preview' }).click();
    const dialog = fran.page.getByRole('dialog', { name: /^Preview: Before a voting round/ });
    await dialog.getByTestId('snapshot-preview').getByRole('heading', { level: 3 }).waitFor();
    expect(await dialog.getByTestId('preview-as-now').innerText()).toBe(
      'The items are as they were in this version; voting rounds and follow-ups are shown as they are now.',
    );
    await screenshot(fran.page, 'history-preview-as-now-en');
    await fran.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('says why an export of the board failed: an error answer, then the server gone', async () => {
    const created = await server.createBoard({ title: 'Exports' });
    const fran = await openAs(browser, server, created.board.id, created.keys.facilitator, 'Fran');
    await openTab(fran.page, 'History & export');
    const exportSection = fran.page.getByRole('region', { name: 'Export' });
    const markdown = exportSection.getByRole('button', { name: 'Markdown report' });
    // A reverse proxy's error page, as when Ideamill behind it fails.
    await fran.page.route('**/export?*', (route) =>
      route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }),
    );
    await markdown.click();
    const alert = exportSection.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('The download did not work. Try again.');
    await fran.page.unroute('**/export?*');

    // The next try works and the message goes.
    const file = await downloaded(fran.page, () => markdown.click());
    expect(file.suggestedFilename()).toMatch(/\.md$/);
    await alert.waitFor({ state: 'detached' });

    await server.close();
    await exportSection.getByRole('button', { name: 'JSON' }).click();
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      'The server could not be reached, so nothing was downloaded. Check the connection and try again.',
    );
    await screenshot(fran.page, 'export-unreachable-en', '[data-testid="side-panels"]');
  });
});
