/**
 * The version history as a facilitator uses it after a workshop: a saved version's report
 * reads as a document (headings, lists, tables; no Markdown signs), and a saved version
 * downloads as it was, not as the board is now. Screenshots in test-results/screenshots/.
 */
import fs from 'node:fs';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addItem, itemsOf, readItems } from '../../shared/board-document.ts';
import type { BoardExport } from '../../shared/follow-through.ts';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { sleep } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { openAs, openTab, type Person, screenshot, seedBoard } from './workshop-helpers.ts';

const KEPT = 'Clearer signage at the entrance';
const LOOKS_LIKE_MARKDOWN = '**Not bold** # and - not a list';
const GONE_LATER = 'Call back within a day';
const ADDED_LATER = 'Evening opening hours';

async function downloaded(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

const read = async (download: Download) => fs.readFileSync((await download.path()) ?? '', 'utf8');

describe.skipIf(!HAS_CHROMIUM)('version history', () => {
  let server: TestServer;
  let fran: Person;
  let boardId: string;
  let row: Locator;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('shows a saved version’s report as headings, lists and tables', async () => {
    const created = await server.createBoard({ title: 'Service day', template: 'idea-mill' });
    boardId = created.board.id;
    fran = await openAs(browser, server, boardId, created.keys.facilitator, 'Fran');
    await seedBoard(
      server,
      boardId,
      fran.token,
      [KEPT, GONE_LATER, LOOKS_LIKE_MARKDOWN],
      [2, 1, 0],
    );

    await openTab(fran.page, 'History & export');
    await fran.page.getByRole('textbox', { name: 'Version name' }).fill('Morning');
    await fran.page.getByRole('button', { name: 'Save version' }).click();
    row = fran.page.locator('[data-snapshot-id]', { hasText: 'Morning' });
    await row.waitFor();

    // The board moves on: a note goes, another comes.
    const live = server.documents.open({ boardId });
    const gone = readItems(live.doc).find(
      (item) => item.type === 'note' && item.text === GONE_LATER,
    );
    live.change((doc) => {
      itemsOf(doc).delete(gone?.id ?? '');
    });
    live.change((doc) => {
      addItem(doc, { type: 'note', x: 0, y: 0, text: ADDED_LATER });
    });
    await fran.page.locator('[data-item-id]', { hasText: ADDED_LATER }).waitFor();

    await row.getByRole('button', { name: 'Preview' }).click();
    const dialog = fran.page.getByRole('dialog', { name: /^Preview: Morning/ });
    const report = dialog.getByTestId('snapshot-preview');
    await report.getByRole('listitem').filter({ hasText: GONE_LATER }).waitFor();
    // The report's outline, under the dialog's own heading.
    await report.getByRole('heading', { level: 3, name: 'Service day' }).waitFor();
    // No concept section: an idea mill without concept cards (QA: it said there were none).
    expect(await report.getByRole('heading', { level: 4 }).allInnerTexts()).toEqual([
      'Ideas by frame',
      'Voting rounds',
      'Follow-ups',
    ]);
    // The round's results are a table a screen reader can walk.
    const results = report.getByRole('table').first();
    expect(await results.getByRole('columnheader').allInnerTexts()).toEqual([
      'Rank',
      'Votes',
      'Item',
    ]);
    expect(await results.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).toEqual([
      '1',
      '2',
      KEPT,
    ]);
    // What people wrote reads as they wrote it; none of the report's own signs show.
    await report.getByRole('listitem').filter({ hasText: LOOKS_LIKE_MARKDOWN }).waitFor();
    const text = await report.innerText();
    expect(text).not.toMatch(/^\s*(#|- |\|)/m);
    expect(text).not.toContain('\\');
    expect(text.replace(LOOKS_LIKE_MARKDOWN, '')).not.toContain('**');
    // The version as it was: not the note added since.
    expect(text).not.toContain(ADDED_LATER);
    expect(await report.locator('strong, em').count()).toBe(0);
    await screenshot(fran.page, 'history-preview-en');
    expect(await seriousAxeViolations(fran.page)).toEqual([]);

    // Downloads from the preview are of this version too.
    const json = await downloaded(fran.page, () =>
      dialog.getByRole('button', { name: 'JSON' }).click(),
    );
    const model = JSON.parse(await read(json)) as BoardExport;
    expect(model.snapshot?.name).toBe('Morning');
    // The focus stays on the button that downloaded, so Escape still closes the dialog.
    await fran.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5000 });
  });

  it('downloads a saved version as it was, not the board as it is now', async () => {
    await row.locator('summary').click();
    await screenshot(fran.page, 'history-download-en', '[data-testid="side-panels"]');

    const markdown = await downloaded(fran.page, () =>
      row.getByRole('button', { name: 'Markdown report' }).click(),
    );
    expect(markdown.suggestedFilename()).toMatch(/^service-day-snapshot-\d{4}-\d{2}-\d{2}\.md$/);
    const report = await read(markdown);
    expect(report).toContain(`- ${GONE_LATER}`);
    expect(report).not.toContain(ADDED_LATER);
    expect(report).toContain('Morning');

    const json = await downloaded(fran.page, () =>
      row.getByRole('button', { name: 'JSON' }).click(),
    );
    const model = JSON.parse(await read(json)) as BoardExport;
    const notes = model.items.flatMap((item) => (item.type === 'note' ? [item.text] : []));
    expect(notes).toContain(GONE_LATER);
    expect(notes).not.toContain(ADDED_LATER);
    expect(model.snapshot?.id).toBe(await row.getAttribute('data-snapshot-id'));

    const svg = await downloaded(fran.page, () =>
      row.getByRole('button', { name: 'Board picture (SVG)' }).click(),
    );
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const picture = await read(svg);
    expect(picture).toContain('Call back within');
    expect(picture).not.toContain('Evening opening');

    // The board's own export is the board as it is now.
    const now = await downloaded(fran.page, () => fran.page.locator('[data-export="md"]').click());
    const current = await read(now);
    expect(current).toContain(`- ${ADDED_LATER}`);
    // (The round's results still name it, as a deleted item: rounds are as they are now.)
    expect(current).not.toContain(`- ${GONE_LATER}`);
    // So is the next meeting's agenda, which goes with the board's own exports.
    const agenda = await downloaded(fran.page, () =>
      fran.page.getByRole('button', { name: 'Next meeting’s agenda (.md)' }).click(),
    );
    expect(agenda.suggestedFilename()).toMatch(/-agenda\.md$/);
    expect(await read(agenda)).toMatch(/^# Next meeting: /);

    // A version that is no longer there says so instead of failing silently.
    server.db.prepare('DELETE FROM snapshots WHERE board_id = ?').run(boardId);
    await row.getByRole('button', { name: 'JSON' }).click();
    await row.getByRole('alert').getByText('This version is no longer kept').waitFor();
  });

  it('a co-facilitator’s restore says what it took off the board, and one press undoes it', async () => {
    const created = await server.createBoard({ title: 'Two facilitators' });
    const id = created.board.id;
    const fia = await openAs(browser, server, id, created.keys.facilitator, 'Fia');
    const fran = await server.join(id, created.keys.facilitator, 'Fran');
    const saved = await server.api<{ id: string }>(`/api/boards/${id}/snapshots`, {
      token: fran.token,
      body: { name: 'Before the reveal' },
    });
    // Notes land on the board after the version (as a reveal puts them there)…
    const live = server.documents.open({ boardId: id });
    live.change((doc) => {
      addItem(doc, { type: 'note', x: 0, y: 0, text: 'Revealed idea one' });
      addItem(doc, { type: 'note', x: 240, y: 0, text: 'Revealed idea two' });
    });
    await fia.page.getByText('Revealed idea two').first().waitFor();
    // …and Fran, not having seen them, restores the version.
    const restore = await server.api(`/api/boards/${id}/snapshots/${saved.body.id}/restore`, {
      token: fran.token,
      body: {},
    });
    expect(restore.status).toBe(200);
    const notice = fia.page.locator('[data-testid="restored-notice"]:visible');
    await notice.getByText('It took 2 items off the board.').waitFor();
    expect(await notice.textContent()).toMatch(/^Fran restored the board to a saved version/);
    await fia.page.getByText('Revealed idea two').first().waitFor({ state: 'detached' });
    await screenshot(fia.page, 'history-restored-by-other-with-undo');

    await notice.getByRole('button', { name: 'Undo the restore' }).click();
    await fia.page.getByText('Revealed idea one').first().waitFor();
    await fia.page.getByText('Revealed idea two').first().waitFor();
    await notice.getByText(/^You restored the board to a saved version/).waitFor();
    await fia.page.context().close();
  });

  it('the restore dialog says how many items the restore takes off the board, before it does (QA)', async () => {
    const created = await server.createBoard({ title: 'Before restoring' });
    const id = created.board.id;
    const fia = await openAs(browser, server, id, created.keys.facilitator, 'Fia');
    const live = server.documents.open({ boardId: id });
    await server.api(`/api/boards/${id}/snapshots`, {
      token: fia.token,
      body: { name: 'Start of the day' },
    });
    live.change((doc) => {
      addItem(doc, { type: 'note', x: 0, y: 0, text: 'Written after the version' });
      addItem(doc, { type: 'note', x: 240, y: 0, text: 'Also after it' });
    });
    await fia.page.getByText('Also after it').first().waitFor();
    await openTab(fia.page, 'History & export');
    const version = fia.page.locator('[data-snapshot-id]', { hasText: 'Start of the day' });
    // The version's items come a moment after the dialog (held back here until we let them):
    // meanwhile it says it is counting, and Restore does not go ahead unwarned (QA).
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await fia.page.route('**/export?format=json*', async (route) => {
      await held;
      await route.continue();
    });
    await version.getByRole('button', { name: 'Restore' }).click();
    const dialog = fia.page.getByRole('dialog', { name: 'Restore this version?' });
    await dialog.getByTestId('restore-counting').waitFor();
    const restore = dialog.getByRole('button', { name: 'Restore' });
    expect(await restore.getAttribute('aria-disabled')).toBe('true');
    // Playwright waits for an aria-disabled button to be enabled; a person's click does not.
    await restore.click({ force: true });
    await sleep(300);
    expect(await dialog.getByTestId('restore-counting').count()).toBe(1);
    expect(await fia.page.getByText('Also after it').count()).toBeGreaterThan(0);
    release();
    await dialog
      .getByTestId('restore-change')
      .getByText('It takes 2 items off the board as it is now and brings back 0.')
      .waitFor();
    expect(await dialog.getByTestId('restore-counting').count()).toBe(0);
    expect(await restore.getAttribute('aria-disabled')).toBe('false');
    await screenshot(fia.page, 'history-restore-dialog-count');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await fia.page.context().close();
  });

  it('a facilitator deletes a version for everyone; a participant is offered no Delete (privacy QA)', async () => {
    const created = await server.createBoard({ title: 'Deleting a version' });
    const id = created.board.id;
    const fia = await openAs(browser, server, id, created.keys.facilitator, 'Fia');
    const pia = await openAs(browser, server, id, created.keys.participant, 'Pia');
    for (const name of ['Holds a name', 'Lunch']) {
      await server.api(`/api/boards/${id}/snapshots`, { token: fia.token, body: { name } });
    }
    for (const person of [fia, pia]) await openTab(person.page, 'History & export');
    const versionOf = (person: Person, name: string) =>
      person.page.locator('[data-snapshot-id]', { hasText: name });
    await versionOf(pia, 'Holds a name').waitFor();
    expect(
      await versionOf(pia, 'Holds a name').getByRole('button', { name: 'Delete' }).count(),
    ).toBe(0);
    await versionOf(fia, 'Holds a name').getByRole('button', { name: 'Delete' }).click();
    const dialog = fia.page.getByRole('dialog', { name: 'Delete this version?' });
    await dialog.getByText('nobody can look at it, download it or restore it any more').waitFor();
    await screenshot(fia.page, 'history-delete-version');
    await dialog.getByRole('button', { name: 'Delete the version' }).click();
    await fia.page.getByRole('status').getByText('was deleted.').waitFor();
    // Gone from both pages at once; the other version stays.
    for (const person of [fia, pia]) {
      await versionOf(person, 'Holds a name').waitFor({ state: 'detached' });
      await versionOf(person, 'Lunch').waitFor();
    }
    // The focus waits on the history's heading, not on the page.
    await expect
      .poll(() => fia.page.evaluate(() => document.activeElement?.id))
      .toBe('wk-history-h');
    for (const person of [fia, pia]) await person.page.context().close();
  });
});
