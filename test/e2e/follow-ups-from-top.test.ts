/**
 * "Create follow-ups from the top results" in real Chromium: the winners start with no owner
 * (the facilitator who clicked is not made everyone's owner), unless the facilitator picks one.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUp } from '../../shared/follow-through.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { openAs, openTab, type Person, screenshot, seedBoard } from './workshop-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('follow-ups from the top results', () => {
  let server: TestServer;
  let browser: Browser;
  let fran: Person;
  let boardId: string;
  let participantKey: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Service day', template: 'idea-mill' });
    boardId = created.board.id;
    participantKey = created.keys.participant;
    await server.join(boardId, created.keys.participant, 'Ben');
    const facilitator = await server.join(boardId, created.keys.facilitator, 'Seeder');
    await seedBoard(
      server,
      boardId,
      facilitator.token,
      ['Signposts at the entrance', 'Call back within a day', 'Online booking'],
      [3, 2, 1],
    );
    fran = await openAs(browser, server, boardId, created.keys.facilitator, 'Fran');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const followUps = async () =>
    (
      await server.api<{ followUps: FollowUp[] }>(`/api/boards/${boardId}/followups`, {
        token: fran.token,
      })
    ).body.followUps;

  it('makes them unassigned by default, listed under "Unassigned", as the exports say', async () => {
    await openTab(fran.page, 'Voting');
    const results = fran.page.getByTestId('round-results');
    await results.getByRole('spinbutton', { name: 'How many from the top' }).fill('1');
    expect(await results.getByRole('combobox', { name: 'Owner' }).inputValue()).toBe('');
    await results.getByRole('button', { name: 'Create follow-ups from the top results' }).click();
    await results.getByText('Created 1 follow-up: see the Follow-ups tab.').waitFor();
    expect((await followUps()).map((f) => [f.title, f.owner])).toEqual([
      ['Signposts at the entrance', { name: '' }],
    ]);
    await openTab(fran.page, 'Follow-ups');
    await fran.page
      .getByTestId('followup-panel')
      .locator('section.wk-owner[aria-label="Unassigned"]')
      .getByText('Item: Signposts at the entrance')
      .waitFor();
  });

  it('gives them all to the owner the facilitator picks', async () => {
    await openTab(fran.page, 'Voting');
    const results = fran.page.getByTestId('round-results');
    await results.getByRole('spinbutton', { name: 'How many from the top' }).fill('3');
    await results.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Ben' });
    await results.getByRole('button', { name: 'Create follow-ups from the top results' }).click();
    await results.getByText('Created 2 follow-ups: see the Follow-ups tab.').waitFor();
    await expect
      .poll(async () => (await followUps()).map((f) => [f.title, f.owner.name]))
      .toEqual([
        ['Signposts at the entrance', ''],
        ['Call back within a day', 'Ben'],
        ['Online booking', 'Ben'],
      ]);
    await openTab(fran.page, 'Follow-ups');
    const ben = fran.page
      .getByTestId('followup-panel')
      .locator('section.wk-owner[aria-label="Ben"]');
    await ben.getByText('Item: Online booking').waitFor();
    expect(await ben.locator('.wk-followup').count()).toBe(2);
  });

  // A date field takes Tab between its own parts (month, day, year), so a facilitator who types
  // a date and goes on may never have left the field. Here the card's status is picked while
  // the focus stays in the date (Playwright's selectOption does not move it): the card moves
  // to another group, its status select takes the focus back, and the date is saved all the
  // same, before and after the panel is left. Before, the card went on showing the date while
  // the board had none.
  it('saves a due date typed into a field that never got a blur', async () => {
    const panel = fran.page.getByTestId('followup-panel');
    const card = panel.locator('.wk-followup', { hasText: 'Item: Online booking' });
    const due = card.getByLabel('Due');
    // Focus lands on the date's first part, the month here (en-US).
    await due.focus();
    await fran.page.keyboard.type('01052027');
    await fran.page.keyboard.press('Tab');
    expect(await due.evaluate((field) => field === document.activeElement)).toBe(true);
    await card.getByRole('combobox', { name: 'Status' }).selectOption('in_progress');
    const dueOf = async () => (await followUps()).find((f) => f.title === 'Online booking')?.due;
    await expect.poll(dueOf).toBe('2027-01-05');
    await openTab(fran.page, 'Voting');
    await openTab(fran.page, 'Follow-ups');
    expect(await due.inputValue()).toBe('2027-01-05');
    expect(await dueOf()).toBe('2027-01-05');
    // A year typed as two digits is this century's, not the year 27 (QA).
    await due.focus();
    await fran.page.keyboard.type('031527');
    await due.blur();
    await expect.poll(dueOf).toBe('2027-03-15');
    await card.locator('input[type="date"][value="2027-03-15"]').waitFor();
  });

  it('offers one Ben however often Ben joined again, and the earlier one only while he owns follow-ups (QA)', async () => {
    // Ben comes back from three new devices: three new members named Ben.
    for (let n = 0; n < 3; n++) await server.join(boardId, participantKey, 'Ben');
    await fran.page.reload();
    await openTab(fran.page, 'Voting');
    const owner = fran.page.getByTestId('round-results').getByRole('combobox', { name: 'Owner' });
    await expect
      .poll(() => owner.locator('option').allTextContents())
      .toContain('Ben (an earlier visit)');
    const bens = (await owner.locator('option').allTextContents()).filter((label) =>
      label.startsWith('Ben'),
    );
    // The first Ben owns the follow-ups above, so he stays, marked; the newest is plain Ben.
    expect(bens).toEqual(['Ben', 'Ben (an earlier visit)']);
  });

  it('Ben on a new device is told why he cannot change the follow-up given to Ben before (QA)', async () => {
    const all = await followUps();
    const first = all.find((followUp) => followUp.owner.name === 'Ben');
    if (!first) throw new Error('a follow-up of Ben’s');
    const ben = await openAs(browser, server, boardId, participantKey, 'Ben');
    await openTab(ben.page, 'Follow-ups');
    const card = ben.page.locator(`[data-followup-id="${first.id}"]`);
    expect(await card.getByRole('combobox', { name: 'Status' }).isDisabled()).toBe(true);
    await card
      .getByTestId('followup-other-device')
      .getByText('as they joined on another device or in another browser')
      .waitFor();
    await ben.page.context().close();
  });

  it('says when a follow-up still open is past its due date, and by how much (QA)', async () => {
    const [first] = await followUps();
    const late = await server.api(`/api/boards/${boardId}/followups/${first?.id}`, {
      method: 'PATCH',
      token: fran.token,
      body: { due: '2020-01-01', status: 'in_progress' },
    });
    expect(late.status).toBe(200);
    await openTab(fran.page, 'Follow-ups');
    const card = fran.page.locator(`[data-followup-id="${first?.id}"]`);
    await card
      .getByTestId('followup-overdue')
      .getByText(/^Overdue by \d+ days$/)
      .waitFor();
    await screenshot(fran.page, 'followups-overdue', `[data-followup-id="${first?.id}"]`);
    // The outline's line about it says so too (QA: it read like any other date).
    await fran.page.locator('[data-view="outline"]').click();
    await fran.page
      .locator(`[data-outline-item-id="${first?.itemId}"] [data-overdue]`)
      .getByText(/^Overdue by \d+ days$/)
      .waitFor();
    await fran.page.locator('[data-view="canvas"]').click();
    // Done is done, however late.
    await server.api(`/api/boards/${boardId}/followups/${first?.id}`, {
      method: 'PATCH',
      token: fran.token,
      body: { status: 'done' },
    });
    await card.getByTestId('followup-overdue').waitFor({ state: 'detached' });
  });

  it('folds away what was done or dropped before the panel opened, under each owner', async () => {
    const [first, second, third] = await followUps();
    // The first is done (above); Ben drops the second.
    await server.api(`/api/boards/${boardId}/followups/${second?.id}`, {
      method: 'PATCH',
      token: fran.token,
      body: { status: 'dropped' },
    });
    const panel = fran.page.getByTestId('followup-panel');
    const cardIn = (group: string, followUp?: FollowUp) =>
      panel.locator(`${group} [data-followup-id="${followUp?.id}"]`);
    const cardOf = (followUp?: FollowUp) => cardIn('', followUp);
    // Opening the panel again folds them: another tab, then back.
    await openTab(fran.page, 'Voting');
    await openTab(fran.page, 'Follow-ups');
    await cardOf(third).waitFor();
    expect(await cardOf(first).count()).toBe(0);
    expect(await cardOf(second).count()).toBe(0);
    const unassigned = panel.locator('section.wk-owner[aria-label="Unassigned"]');
    await unassigned.getByRole('button', { name: 'Show done and dropped (1)' }).waitFor();
    const ben = panel.locator('section.wk-owner[aria-label="Ben"]');
    const benFold = ben.getByRole('button', { name: /done and dropped/ });
    expect(await benFold.textContent()).toBe('Show done and dropped (1)');
    expect(await benFold.getAttribute('aria-expanded')).toBe('false');

    await benFold.click();
    await cardIn('section.wk-owner[aria-label="Ben"] .wk-status-dropped', second).waitFor();
    expect(await benFold.textContent()).toBe('Hide done and dropped');
    expect(await benFold.getAttribute('aria-expanded')).toBe('true');
    expect(await benFold.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await cardOf(first).count()).toBe(0);

    // One finished while the panel is open stays in sight, under Done.
    await cardOf(third).getByRole('combobox', { name: 'Status' }).selectOption('done');
    await cardIn('section.wk-owner[aria-label="Ben"] .wk-status-done', third).waitFor();
    await screenshot(fran.page, 'followups-folded', '[data-testid="followup-panel"]');

    // Closing the fold takes every finished one of Ben's, and the focus stays on the button.
    await benFold.click();
    await cardOf(third).waitFor({ state: 'detached' });
    expect(await cardOf(second).count()).toBe(0);
    expect(await benFold.textContent()).toBe('Show done and dropped (2)');
    expect(await benFold.evaluate((button) => button === document.activeElement)).toBe(true);
    // A folded one opened again elsewhere comes back into sight on its own.
    await server.api(`/api/boards/${boardId}/followups/${third?.id}`, {
      method: 'PATCH',
      token: fran.token,
      body: { status: 'in_progress' },
    });
    await cardIn('section.wk-owner[aria-label="Ben"] .wk-status-in_progress', third).waitFor();
    expect(await benFold.textContent()).toBe('Show done and dropped (1)');
  });

  it('lists the follow-ups nobody owns yet after every owner, in either language (QA)', async () => {
    // Sorted as the word, "Unassigned" came before Ville, and "Nimeämättä" before Pia.
    const [first] = await followUps();
    for (const owner of [{ name: 'Ville' }, null]) {
      const made = await server.api(`/api/boards/${boardId}/followups`, {
        token: fran.token,
        body: { itemId: first?.itemId, owner, title: `Pilot for ${owner?.name ?? 'nobody'}` },
      });
      expect(made.status).toBe(201);
    }
    await openTab(fran.page, 'Follow-ups');
    const panel = fran.page.getByTestId('followup-panel');
    const headings = () => panel.locator('section.wk-owner > h3').allTextContents();
    await panel.locator('section.wk-owner[aria-label="Ville"]').waitFor();
    expect(await headings()).toEqual(['Ben', 'Ville', 'Unassigned']);
    await fran.page.getByRole('button', { name: 'FI', exact: true }).click();
    await panel.locator('section.wk-owner[aria-label="Nimeämättä"]').waitFor();
    expect(await headings()).toEqual(['Ben', 'Ville', 'Nimeämättä']);
    await fran.page.getByRole('button', { name: 'EN', exact: true }).click();
    await panel.locator('section.wk-owner[aria-label="Unassigned"]').waitFor();
  });
});
