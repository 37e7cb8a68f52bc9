/**
 * The workshop with a keyboard and a screen reader, in real Chromium: dialogs give the focus
 * back, voting and follow-up edits keep it, keyboard browsing of a select decides nothing,
 * rounds are announced in the canvas view too, and participants see when a round closes.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUp } from '../../shared/follow-through.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { notesWithText, overlayOfItem } from './canvas-helpers.ts';
import { openAs, openTab, type Person, seedBoard, showOutline } from './workshop-helpers.ts';

const NOTES = ['Shorter queues', 'Friendlier letters', 'Chat on the website'];

/** Whether the locator's element has the focus. */
const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement);

/** What has the focus, in words fit for a failure message. */
const focusedElement = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    return `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''}`;
  });

async function expectFocused(locator: Locator, page: Page): Promise<void> {
  // The focus may move on the next frame (a dialog's cleanup), or pass from a field to the one
  // drawn in its place when the server's answer arrives (a title saved on Enter): the locator
  // names the field as it is when asked, so it is asked until it holds, for a second at most.
  const name = await locator.evaluate(
    (element) =>
      `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''}`,
  );
  await expect
    .poll(
      async () => ((await isFocused(locator).catch(() => false)) ? name : focusedElement(page)),
      {
        timeout: 1000,
      },
    )
    .toBe(name);
}

describe.skipIf(!HAS_CHROMIUM)('the workshop with a keyboard and a screen reader', () => {
  let server: TestServer;
  let browser: Browser;
  let boardId: string;
  let fran: Person;
  let pia: Person;
  let nia: Person;
  let vic: Person;
  let followUpId: string;

  const followUp = async (): Promise<FollowUp> => {
    const { body } = await server.api<{ followUps: FollowUp[] }>(
      `/api/boards/${boardId}/followups`,
      { token: fran.token },
    );
    const found = body.followUps.find((entry) => entry.id === followUpId);
    if (!found) throw new Error('the follow-up is gone');
    return found;
  };

  async function until(check: () => Promise<boolean>, what: string, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Keyboard day', template: 'idea-mill' });
    boardId = created.board.id;
    fran = await openAs(browser, server, boardId, created.keys.facilitator, 'Fran');
    pia = await openAs(browser, server, boardId, created.keys.participant, 'Pia');
    // Narrower than the side panels need: they stay closed, the canvas shows alone.
    nia = await openAs(browser, server, boardId, created.keys.participant, 'Nia', {
      width: 900,
      height: 800,
    });
    vic = await openAs(browser, server, boardId, created.keys.viewer, 'Vic');
    const { noteIds } = await seedBoard(server, boardId, fran.token, NOTES, [1, 0, 0]);
    const made = await server.api<FollowUp>(`/api/boards/${boardId}/followups`, {
      token: fran.token,
      body: {
        itemId: noteIds[0],
        title: 'Pilot the new queue',
        owner: { memberId: fran.member.id },
      },
    });
    followUpId = made.body.id;
    await server.api(`/api/boards/${boardId}/snapshots`, {
      token: fran.token,
      body: { name: 'Before keyboard' },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('announces a round opening in the canvas view while the side panels are closed', async () => {
    expect(await nia.page.getByTestId('side-panels').isHidden()).toBe(true);
    await nia.page.locator('[data-item-type="note"]').first().waitFor();
    await server.api(`/api/boards/${boardId}/rounds`, {
      token: fran.token,
      body: { title: 'Keyboard pick', budget: 3, maxPerItem: 2, durationSec: 600 },
    });
    // getByRole leaves out what is hidden: a live region in the closed panels would not count.
    await nia.page
      .getByRole('status')
      .filter({ hasText: 'Voting round “Keyboard pick” is open. You have 3 votes.' })
      .waitFor({ timeout: 5000 });
    // A viewer has no votes, and is not told of any.
    const said = vic.page.getByTestId('workshop-live');
    await said.filter({ hasText: 'Voting round “Keyboard pick” is open.' }).waitFor();
    expect(await said.textContent()).not.toContain('You have');
  });

  it('shows participants when a timed round closes, and the time left', async () => {
    await openTab(pia.page, 'Voting');
    const closes = pia.page.getByTestId('open-round').getByText(/^Closes at /);
    await closes.waitFor({ timeout: 5000 });
    const text = (await closes.textContent()) ?? '';
    expect(text).toMatch(/^Closes at \d{1,2}:\d{2} · (9|10):\d{2} left$/);
    // The same time the facilitator sees.
    await openTab(fran.page, 'Facilitate');
    const facilitator = await fran.page.getByText(/^Closes at \d/).textContent();
    expect(text.startsWith(facilitator ?? '?')).toBe(true);
  });

  it('tells how to take back a vote with the keyboard, and that way works', async () => {
    const page = pia.page;
    const hint = (await page.getByTestId('open-round').locator('.wk-hint').textContent()) ?? '';
    // "-" zooms out while the item itself has the focus: the help names the dot.
    expect(hint).toContain('“-” or Delete on one of your dots takes that vote back');
    const note = notesWithText(page, 'Friendlier letters');
    const overlay = await overlayOfItem(note);
    const dots = overlay.locator('[data-vote-dots]');
    await note.focus();
    await page.keyboard.press('Tab');
    await expectFocused(
      overlay.getByRole('button', { name: 'Vote for “Friendlier letters”' }),
      page,
    );
    await page.keyboard.press('Enter');
    await overlay.locator('[data-vote-dots][data-my-votes="1"]').waitFor();
    await overlay
      .getByRole('button', { name: 'Take back a vote from “Friendlier letters”' })
      .focus();
    await page.keyboard.press('-');
    await overlay.locator('[data-vote-dots][data-my-votes="0"]').waitFor();
    expect(await dots.getAttribute('data-my-votes')).toBe('0');
  });

  it('keeps the focus on the item when a vote reaches the cap or the last one is taken back', async () => {
    const page = pia.page;
    await showOutline(page);
    const item = page.locator('[data-outline-item-id]', { hasText: 'Chat on the website' });
    const voteButton = item.getByRole('button', { name: 'Vote for “Chat on the website”' });
    const takeBack = item.getByRole('button', {
      name: 'Take back a vote from “Chat on the website”',
    });
    await voteButton.focus();
    await page.keyboard.press('Enter');
    await item.locator('[data-my-votes="1"]').waitFor();
    await expectFocused(voteButton, page);
    // The second vote is the most one item takes (maxPerItem 2).
    await page.keyboard.press('Enter');
    await item.locator('[data-my-votes="2"]').waitFor();
    await expectFocused(voteButton, page);
    expect(await voteButton.getAttribute('aria-disabled')).toBe('true');
    // Pressing it again does nothing, and says why not by being unavailable.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await item.locator('[data-my-votes]').getAttribute('data-my-votes')).toBe('2');

    await page.keyboard.press('Tab');
    await expectFocused(takeBack, page);
    await page.keyboard.press('Enter');
    await item.locator('[data-my-votes="1"]').waitFor();
    await page.keyboard.press('Enter');
    await item.locator('[data-my-votes="0"]').waitFor();
    await expectFocused(takeBack, page);
    await page.getByTestId('votes-left').getByText('3 of 3 votes left').waitFor();
  });

  it('returns the focus to what opened a dialog when it closes', async () => {
    const page = fran.page;
    const dialog = page.getByRole('dialog');

    // From an item on the canvas: its assign button is drawn once the item has the focus.
    const note = notesWithText(page, 'Friendlier letters');
    const onCanvas = (await overlayOfItem(note)).getByRole('button', { name: 'Assign follow-up' });
    expect(await onCanvas.count()).toBe(0);
    await note.focus();
    // Escape leaves nothing selected; the item keeps the focus, and so its button.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expectFocused(onCanvas, page);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocused(onCanvas, page);

    await showOutline(page);
    const assign = page.getByRole('button', { name: 'Assign follow-up: Friendlier letters' });

    // The follow-up dialog: Escape, the close button, Cancel.
    for (const close of ['Escape', 'Close', 'Cancel']) {
      await assign.focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      if (close === 'Escape') await page.keyboard.press('Escape');
      else await dialog.getByRole('button', { name: close, exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await expectFocused(assign, page);
    }

    await openTab(page, 'History & export');
    const version = page.locator('li[data-snapshot-id]', { hasText: 'Before keyboard' });
    for (const [opener, closer] of [
      ['Preview', 'Escape'],
      ['Preview', 'Close'],
      ['Restore', 'Escape'],
      ['Restore', 'Cancel'],
    ] as const) {
      const button = version.getByRole('button', { name: opener, exact: true });
      await button.focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      if (closer === 'Escape') await page.keyboard.press('Escape');
      else await dialog.getByRole('button', { name: closer, exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await expectFocused(button, page);
    }
  });

  it('does not reassign a follow-up while the keyboard browses its owners', async () => {
    const page = fran.page;
    await openTab(page, 'Follow-ups');
    const card = page.locator(`[data-followup-id="${followUpId}"]`);
    const inGroup = (owner: string) =>
      page.locator(`section.wk-owner[aria-label="${owner}"] [data-followup-id="${followUpId}"]`);
    const owner = card.getByRole('combobox', { name: 'Owner' });
    await inGroup('Fran').waitFor();

    await owner.focus();
    await page.keyboard.press('ArrowDown');
    expect(await owner.inputValue()).toBe(nia.member.id);
    await page.waitForTimeout(500);
    expect((await followUp()).owner.memberId).toBe(fran.member.id);
    expect(await inGroup('Fran').count()).toBe(1);
    await expectFocused(owner, page);
    // Escape goes back to the owner it has.
    await page.keyboard.press('Escape');
    expect(await owner.inputValue()).toBe(fran.member.id);

    // Enter decides; the card moves to its new owner and the focus goes with it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await until(async () => (await followUp()).owner.memberId === nia.member.id, 'the new owner');
    await inGroup('Nia').waitFor();
    await expectFocused(inGroup('Nia').getByRole('combobox', { name: 'Owner' }), page);

    // Leaving the select decides too.
    const moved = inGroup('Nia').getByRole('combobox', { name: 'Owner' });
    await page.keyboard.press('ArrowDown');
    expect(await moved.inputValue()).toBe(pia.member.id);
    await page.waitForTimeout(300);
    expect((await followUp()).owner.memberId).toBe(nia.member.id);
    await page.keyboard.press('Tab');
    await until(
      async () => (await followUp()).owner.memberId === pia.member.id,
      'the owner on leaving',
    );
    await inGroup('Pia').waitFor();

    // The status select moves the card between status groups the same way.
    const status = inGroup('Pia').getByRole('combobox', { name: 'Status' });
    await status.focus();
    await page.keyboard.press('ArrowDown');
    expect(await status.inputValue()).toBe('in_progress');
    await page.waitForTimeout(300);
    expect((await followUp()).status).toBe('open');
    await page.keyboard.press('Enter');
    await until(async () => (await followUp()).status === 'in_progress', 'the new status');
    await page.locator(`.wk-status-in_progress [data-followup-id="${followUpId}"]`).waitFor();
    await expectFocused(inGroup('Pia').getByRole('combobox', { name: 'Status' }), page);
  });

  it('saves a follow-up title on Enter and reverts it on Escape', async () => {
    const page = fran.page;
    const card = page.locator(`[data-followup-id="${followUpId}"]`);
    const title = card.getByRole('textbox', { name: 'Title' });
    await title.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' at the desk');
    await page.keyboard.press('Enter');
    await until(
      async () => (await followUp()).title === 'Pilot the new queue at the desk',
      'the title saved on Enter',
    );
    await expect.poll(() => title.inputValue()).toBe('Pilot the new queue at the desk');
    await expectFocused(title, page);

    await page.keyboard.type(' later');
    await page.keyboard.press('Escape');
    expect(await title.inputValue()).toBe('Pilot the new queue at the desk');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    expect((await followUp()).title).toBe('Pilot the new queue at the desk');
  });

  it('announces the round closing, with its ranking, in the canvas view', async () => {
    const rounds = await server.api<{ rounds: { round: { id: string; status: string } }[] }>(
      `/api/boards/${boardId}/rounds`,
      { token: fran.token },
    );
    const open = rounds.body.rounds.find((view) => view.round.status === 'open');
    if (!open) throw new Error('no open round');
    await server.api(`/api/boards/${boardId}/rounds/${open.round.id}/close`, {
      token: fran.token,
      method: 'POST',
    });
    await nia.page
      .getByRole('status')
      .filter({ hasText: 'Voting round “Keyboard pick” closed.' })
      .waitFor({ timeout: 5000 });
    // The outline hears it once, not twice.
    await pia.page
      .getByRole('status')
      .filter({ hasText: 'Voting round “Keyboard pick” closed.' })
      .waitFor({ timeout: 5000 });
    expect(
      await pia.page
        .getByRole('status')
        .filter({ hasText: 'Voting round “Keyboard pick” closed.' })
        .count(),
    ).toBe(1);
  });
});
