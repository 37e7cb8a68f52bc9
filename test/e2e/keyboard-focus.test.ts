/**
 * The keyboard keeps its place, in real Chromium: a facilitator's control that gives way to
 * another hands it the focus, a button busy with the server keeps it, and a follow-up or a
 * note deleted hands it to a neighbour (or the board). It never falls to <body>, where a
 * screen reader loses its place and says nothing. Also: arrowing through the phase select
 * sets no phase until Enter, and a follow-up's Delete says which follow-up and asks first.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, readItems } from '../../shared/board-document.ts';
import type { BoardState } from '../../shared/facilitation.ts';
import type { FollowUp } from '../../shared/follow-through.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { notesWithText } from './canvas-helpers.ts';
import { openAs, openTab, type Person, seedBoard } from './workshop-helpers.ts';

const NOTES = ['Shorter queues', 'Friendlier letters', 'Chat on the website', 'Open on Saturdays'];

async function until(check: () => Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What has the focus, in words fit for a failure message. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
    return `${element.tagName.toLowerCase()} “${name}”`;
  });

/** The focus is on `locator`'s element, now or within a moment (React draws the change first). */
async function expectFocusOn(page: Page, locator: Locator): Promise<void> {
  const holds = () => locator.evaluate((element) => element === document.activeElement);
  for (let i = 0; i < 40 && !(await holds().catch(() => false)); i++) {
    await page.waitForTimeout(50);
  }
  const expected = await locator.evaluate((element) => {
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
    return `${element.tagName.toLowerCase()} “${name}”`;
  });
  expect(await focused(page)).toBe(expected);
}

describe.skipIf(!HAS_CHROMIUM)('the keyboard keeps its place', () => {
  let server: TestServer;
  let browser: Browser;
  let boardId: string;
  let fran: Person;
  let pia: Person;
  let noteIds: string[];

  const boardState = async () =>
    (await server.api<BoardState>(`/api/boards/${boardId}/state`, { token: fran.token })).body;
  const followUps = async () =>
    (
      await server.api<{ followUps: FollowUp[] }>(`/api/boards/${boardId}/followups`, {
        token: fran.token,
      })
    ).body.followUps;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Keys kept', template: 'idea-mill' });
    boardId = created.board.id;
    fran = await openAs(browser, server, boardId, created.keys.facilitator, 'Fran');
    pia = await openAs(browser, server, boardId, created.keys.participant, 'Pia');
    // A closed round whose top three are voted for: follow-ups can be made from it.
    ({ noteIds } = await seedBoard(server, boardId, fran.token, NOTES, [3, 2, 1, 0]));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('hands the focus from a facilitator control to the one that takes its place', async () => {
    const page = fran.page;
    await openTab(page, 'Facilitate');
    const button = (name: string) => page.getByRole('button', { name, exact: true });

    await button('Open round').focus();
    await page.keyboard.press('Enter');
    await button('Close round').waitFor();
    await expectFocusOn(page, button('Close round'));
    await page.keyboard.press('Enter');
    await button('Open round').waitFor();
    await expectFocusOn(page, button('Open round'));

    await button('Start silent writing').focus();
    await page.keyboard.press('Enter');
    await button('Reveal without names').waitFor();
    await expectFocusOn(page, button('Reveal without names'));
    await page.keyboard.press('Enter');
    await button('Start silent writing').waitFor();
    await expectFocusOn(page, button('Start silent writing'));

    // The timer's Pause becomes Resume in place; Reset goes, and the focus goes back to Start.
    await button('Start').focus();
    await page.keyboard.press('Enter');
    // The time left shows by the controls, in sight where the facilitator scrolled to (QA).
    const left = page.getByTestId('timer-controls-left');
    await left.getByText(/^\d+:\d\d left$/).waitFor();
    expect(
      await left.evaluate(
        (element) => element.closest('section')?.querySelector('h3')?.textContent,
      ),
    ).toBe('Shared timer');
    await button('Pause').focus();
    await page.keyboard.press('Enter');
    await button('Resume').waitFor();
    await left.getByText(/^\d+:\d\d left, paused$/).waitFor();
    await expectFocusOn(page, button('Resume'));
    await button('Reset').focus();
    await page.keyboard.press('Enter');
    await button('Reset').waitFor({ state: 'detached' });
    await left.waitFor({ state: 'detached' });
    await expectFocusOn(page, button('Start'));
    expect((await boardState()).timer.status).toBe('idle');
  });

  it('sets no phase while the keyboard browses the phase select, only on Enter or leaving it', async () => {
    const page = fran.page;
    await openTab(page, 'Facilitate');
    const phase = page.getByRole('combobox', { name: 'Set phase' });
    await phase.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await phase.inputValue()).toBe('cluster');
    await page.waitForTimeout(500);
    expect((await boardState()).phase).toBe(null);
    // Escape goes back to the phase the board has.
    await page.keyboard.press('Escape');
    expect(await phase.inputValue()).toBe('');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await until(async () => (await boardState()).phase === 'diverge', 'the phase set on Enter');
    await pia.page.getByText('Diverge', { exact: true }).first().waitFor();
    await expectFocusOn(page, phase);

    // Leaving the select decides too.
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    expect((await boardState()).phase).toBe('diverge');
    await page.keyboard.press('Tab');
    await until(async () => (await boardState()).phase === 'cluster', 'the phase set on leaving');
  });

  it('keeps the focus on "Create follow-ups from the top results" while it works', async () => {
    const page = fran.page;
    await openTab(page, 'Voting');
    const create = page.getByRole('button', { name: 'Create follow-ups from the top results' });
    await create.focus();
    await page.keyboard.press('Enter');
    await page
      .getByTestId('follow-ups-from-top-status')
      .getByText('Created 3 follow-ups')
      .waitFor();
    await expectFocusOn(page, create);
    expect(await followUps()).toHaveLength(3);
  });

  it("names a follow-up's Delete by its follow-up, asks first, and moves the focus on to the next card", async () => {
    const page = fran.page;
    await openTab(page, 'Follow-ups');
    const panel = page.getByTestId('followup-panel');
    const deletes = panel.getByRole('button', { name: /^Delete follow-up: / });
    await deletes.nth(2).waitFor();
    const names = await deletes.evaluateAll((buttons) =>
      buttons.map((button) => button.getAttribute('aria-label')),
    );
    expect(names.sort()).toEqual(
      NOTES.slice(0, 3)
        .map((note) => `Delete follow-up: ${note}`)
        .sort(),
    );

    const cards = panel.locator('[data-followup-id]');
    const first = cards.first();
    const title = (await first.getByRole('textbox', { name: 'Title' }).inputValue()) ?? '';
    const erase = first.getByRole('button', { name: `Delete follow-up: ${title}` });
    const dialog = page.getByRole('dialog', { name: 'Delete this follow-up?' });

    // Asked first: Escape keeps the follow-up, and the focus comes back.
    await erase.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`“${title}” is deleted for everyone`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocusOn(page, erase);
    expect(await followUps()).toHaveLength(3);

    // Confirmed: the follow-up goes, and the focus goes on to the card after it.
    const next = cards.nth(1);
    const nextTitle = next.getByRole('textbox', { name: 'Title' });
    const nextText = await nextTitle.inputValue();
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).focus();
    await page.keyboard.press('Enter');
    await until(async () => (await followUps()).length === 2, 'the follow-up deleted');
    await panel.getByRole('button', { name: `Delete follow-up: ${title}` }).waitFor({
      state: 'detached',
    });
    await expectFocusOn(page, panel.getByRole('textbox', { name: 'Title' }).first());
    expect(await panel.getByRole('textbox', { name: 'Title' }).first().inputValue()).toBe(nextText);

    // A follow-up deleted by someone else while its card has the focus: on to a neighbour.
    const holding = cards.first();
    const held = await holding.getAttribute('data-followup-id');
    await holding.getByRole('textbox', { name: 'Notes' }).focus();
    await server.api(`/api/boards/${boardId}/followups/${held}`, {
      token: fran.token,
      method: 'DELETE',
    });
    await panel.locator(`[data-followup-id="${held}"]`).waitFor({ state: 'detached' });
    await expectFocusOn(page, panel.getByRole('textbox', { name: 'Title' }).first());

    // The last one: the focus goes to the panel's heading.
    await deletes.first().focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await until(async () => (await followUps()).length === 0, 'the last follow-up deleted');
    await panel.getByText('No follow-ups yet').waitFor();
    await expectFocusOn(page, panel.getByRole('heading', { name: 'Follow-ups' }));
  });

  it('moves the focus on to the nearest note when a note is deleted, without selecting it, and keeps it on the board', async () => {
    const page = fran.page;
    const focusedType = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-item-type') ?? null);
    const focusedText = () =>
      page.evaluate(
        () => document.activeElement?.querySelector('[data-item-text]')?.textContent ?? null,
      );

    // A drawing in the gap between two notes: the arrows pass over it, as Tab does, since it
    // cannot take the focus (it was selected while the focus stayed behind, so Delete took it).
    const drawer = socketIoClient(server.url, boardId, fran.token);
    await drawer.synced;
    const [left, right] = noteIds.map((id) => readItems(drawer.doc).find((item) => item.id === id));
    const gapX = ((left?.x ?? 0) + (left?.w ?? 0) + (right?.x ?? 0)) / 2;
    const midY = (left?.y ?? 0) + (left?.h ?? 0) / 2;
    addItem(drawer.doc, { type: 'stroke', x: 0, y: 0, points: [gapX, midY - 30, gapX, midY + 30] });
    await page.locator('[data-item-type="stroke"]').waitFor();
    drawer.destroy();

    // Delete on a focused note: the focus goes on to the note beside it, not selected. It was
    // selected, "so Delete goes on", until QA: a second press (a double tap, a held key) then
    // deleted a note nobody chose, maybe a colleague's and off screen.
    const middle = notesWithText(page, 'Friendlier letters');
    await notesWithText(page, 'Shorter queues').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(focusedText).toBe('Friendlier letters');
    expect(await page.locator('[data-item-type="stroke"].is-selected').count()).toBe(0);
    await page.keyboard.press('Delete');
    await middle.waitFor({ state: 'detached' });
    await expect.poll(focusedType).toBe('note');
    const successor = await focusedText();
    expect(['Shorter queues', 'Chat on the website']).toContain(successor);
    expect(await page.locator('[data-item-id].is-selected').count()).toBe(0);
    await page.keyboard.press('Delete');
    await page.getByTestId('canvas-notice').getByText('Nothing is selected').waitFor();
    expect(await notesWithText(page, successor!).count()).toBe(1);
    expect(await focusedText()).toBe(successor);
    // Undo brings the note back; the focus stays on the board.
    await page.keyboard.press('Control+z');
    await middle.waitFor();
    expect(await focusedType()).toBe('note');

    // The selection bar's Delete goes with the selection: on to the nearest note too, which is
    // not selected either, so no bar comes back under the keyboard to delete it.
    const saturday = notesWithText(page, 'Open on Saturdays');
    await saturday.click();
    const bar = page.getByRole('toolbar', { name: 'Selected items' });
    await bar.getByRole('button', { name: 'Delete', exact: true }).focus();
    await page.keyboard.press('Enter');
    await saturday.waitFor({ state: 'detached' });
    await expect.poll(focusedType).toBe('note');
    expect(await page.locator('[data-item-id].is-selected').count()).toBe(0);
    await bar.waitFor({ state: 'detached' });

    // Deleted by someone else while it has the focus: the focus stays on the board.
    const chat = notesWithText(page, 'Chat on the website');
    await chat.focus();
    const writer = socketIoClient(server.url, boardId, fran.token);
    await writer.synced;
    writer.doc.getMap('items').delete(noteIds[2]!);
    await chat.waitFor({ state: 'detached' });
    writer.destroy();
    await expectFocusOn(page, page.getByRole('region', { name: 'Board canvas' }));
    expect([...fran.errors, ...pia.errors]).toEqual([]);
  });
});
