/**
 * "Create follow-ups from the top results" in real Chromium: the winners start with no owner
 * (the facilitator who clicked is not made everyone's owner), unless the facilitator picks one.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUp } from '../../shared/follow-through.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { openAs, openTab, type Person, seedBoard } from './workshop-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('follow-ups from the top results', () => {
  let server: TestServer;
  let browser: Browser;
  let fran: Person;
  let boardId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Service day', template: 'idea-mill' });
    boardId = created.board.id;
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
});
