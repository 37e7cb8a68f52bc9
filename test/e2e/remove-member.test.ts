import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addNoteInOutline,
  joinByLink,
  newPerson,
  openBoard,
  SCREENSHOTS,
  waitForConnection,
} from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';
import { openTab } from './workshop-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('taking someone off a board', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('a facilitator takes a participant off: their page says so at once, and the others stay', async () => {
    const created = await server.createBoard({ title: 'Ambassadors' });
    const fiona = await openBoard(browser, created.links.facilitator, 'Fiona');
    const troll = await openBoard(browser, created.links.participant, 'Not Invited');
    const aino = await openBoard(browser, created.links.participant, 'Aino');
    await openTab(fiona.page, 'Facilitate');
    const panel = fiona.page.getByTestId('facilitator-panel');
    await panel.getByText('Everyone who has joined').click();
    const list = panel.getByTestId('board-members');
    await list.getByText('Not Invited').waitFor();
    // Fiona herself has no Remove; the others are here now.
    expect(await list.getByRole('listitem').count()).toBe(3);
    expect(await list.textContent()).not.toContain('joined');
    expect(await list.getByRole('button').count()).toBe(2);
    // Presence is told a moment after it changes (the header's list is throttled too).
    await expect
      .poll(() => list.getByRole('listitem').filter({ hasText: 'Aino' }).textContent())
      .toContain('here now');
    // Aino again, from another device: the two Ainos say when each joined; the others do not.
    await server.join(created.board.id, created.keys.participant, 'Aino');
    await panel.getByText('Everyone who has joined').click();
    await panel.getByText('Everyone who has joined').click();
    const ainos = list.getByRole('listitem').filter({ hasText: 'Aino' });
    await expect.poll(() => ainos.count()).toBe(2);
    for (const row of await ainos.all()) expect(await row.textContent()).toMatch(/joined \S/);
    expect(
      await list.getByRole('listitem').filter({ hasText: 'Not Invited' }).textContent(),
    ).not.toContain('joined');
    await list.getByRole('button', { name: 'Take Not Invited off the board' }).click();
    const dialog = fiona.page.getByRole('dialog', { name: 'Take Not Invited off the board?' });
    await dialog.getByText('make a new participant link as well').waitFor();
    await fiona.page.screenshot({ path: `${SCREENSHOTS}/remove-member-en.png` });
    await dialog.getByRole('button', { name: 'Take off the board' }).click();

    const error = troll.page.getByTestId('board-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('A facilitator took you off this board');
    await panel.getByRole('status').getByText('Not Invited is no longer on the board.').waitFor();
    await list
      .getByRole('listitem')
      .filter({ hasText: 'Not Invited' })
      .waitFor({ state: 'detached' });
    // The focus waits on the list's summary, not on the page (the button went with its row).
    await expect
      .poll(() => fiona.page.evaluate(() => document.activeElement?.tagName))
      .toBe('SUMMARY');
    // Someone who joins while the list is open shows up in it.
    const late = await openBoard(browser, created.links.viewer, 'Late Lauri');
    await list.getByText('Late Lauri').waitFor();
    await late.context.close();
    // A reload does not bring the page back onto the board, nor offers a "Try again" that can
    // only fail the same way: the way back is a new link from a facilitator.
    await troll.page.reload();
    const again = troll.page.getByTestId('board-error');
    await again.getByText('A facilitator took you off this board').waitFor();
    expect(await again.getByRole('button').allTextContents()).toEqual([]);
    expect(await again.getByRole('link').allTextContents()).toEqual(['Go to the start page']);
    // Aino is still on, live.
    await waitForConnection(aino.page);
    for (const context of [fiona.context, troll.context, aino.context]) await context.close();
  });

  it('a facilitator erases the name of someone who asked: the board then names them "(name erased)"', async () => {
    const created = await server.createBoard({ title: 'Weekly network' });
    const fiona = await openBoard(browser, created.links.facilitator, 'Fiona');
    const aino = await openBoard(browser, created.links.participant, 'Aino Virtanen');
    await addNoteInOutline(aino.page, 'Shorter queues at the desk');
    await openTab(fiona.page, 'Facilitate');
    const panel = fiona.page.getByTestId('facilitator-panel');
    await panel.getByText('Everyone who has joined').click();
    const list = panel.getByTestId('board-members');
    await list.getByRole('button', { name: 'Take Aino Virtanen off the board' }).click();
    const dialog = fiona.page.getByRole('dialog', { name: 'Take Aino Virtanen off the board?' });
    const erase = dialog.getByRole('checkbox', { name: 'Erase their name too, as they asked' });
    expect(await erase.isChecked()).toBe(false);
    await erase.check();
    await fiona.page.screenshot({ path: `${SCREENSHOTS}/erase-member-en.png` });
    await dialog.getByRole('button', { name: 'Take off the board' }).click();
    await panel
      .getByRole('status')
      .getByText('Aino Virtanen is no longer on the board, and their name is erased.')
      .waitFor();
    await aino.page.getByTestId('board-error').waitFor();
    const { token } = await server.join(created.board.id, created.keys.viewer, 'Reader');
    // The items table names each note's author.
    const exported = await server.api<string>(
      `/api/boards/${created.board.id}/export?format=csv&table=items`,
      { token },
    );
    expect(exported.body).toContain('Shorter queues at the desk');
    expect(exported.body).toContain('(name erased)');
    expect(exported.body).not.toContain('Aino');
    for (const context of [fiona.context, aino.context]) await context.close();
  });

  it('one taken off weeks ago asks for their name to go: the facilitator erases it from the list of those taken off', async () => {
    const created = await server.createBoard({ title: 'Weekly network 2' });
    const id = created.board.id;
    const fiona = await openBoard(browser, created.links.facilitator, 'Fiona');
    const aino = await server.join(id, created.keys.participant, 'Aino Virtanen');
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    expect(await server.takeOff(id, fia.token, 'Aino Virtanen')).toBe(204);
    await openTab(fiona.page, 'Facilitate');
    const panel = fiona.page.getByTestId('facilitator-panel');
    await panel.getByText('Everyone who has joined').click();
    await panel.getByText('Taken off the board (1)').click();
    const takenOff = panel.getByTestId('taken-off-members');
    await takenOff.getByText('Aino Virtanen').waitFor();
    await takenOff.getByRole('button', { name: 'Erase the name of Aino Virtanen' }).click();
    const dialog = fiona.page.getByRole('dialog', { name: 'Erase the name of Aino Virtanen?' });
    await dialog.getByText('This cannot be undone.').waitFor();
    await fiona.page.screenshot({ path: `${SCREENSHOTS}/erase-taken-off-en.png` });
    await dialog.getByRole('button', { name: 'Erase name' }).click();
    await panel.getByRole('status').getByText('The name of Aino Virtanen is erased.').waitFor();
    await takenOff.getByText('(name erased)').waitFor();
    // Nothing more to erase there; the focus waits on the list's summary.
    expect(await takenOff.getByRole('button').count()).toBe(0);
    await expect
      .poll(() => fiona.page.evaluate(() => document.activeElement?.textContent))
      .toBe('Taken off the board (1)');
    const members = await server.api<{ members: { id: string; name: string }[] }>(
      `/api/boards/${id}/members?removed=true`,
      { token: fia.token },
    );
    expect(members.body.members).toEqual([
      expect.objectContaining({ id: aino.member.id, name: '(name erased)' }),
    ]);
    await fiona.context.close();
  });

  it('a tab taken off forgets only its own membership, not the one another tab joined with since (QA)', async () => {
    const created = await server.createBoard({ title: 'One laptop' });
    const id = created.board.id;
    const context = await newPerson(browser);
    const stray = await context.newPage();
    await joinByLink(stray, created.links.participant, 'Stray');
    // The same browser joins again as facilitator in another tab: storage now holds that.
    const mine = await context.newPage();
    await joinByLink(mine, created.links.facilitator, 'Fran');
    await waitForConnection(mine);

    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    expect(await server.takeOff(id, fia.token, 'Stray')).toBe(204);
    await stray.getByTestId('board-error').getByText('A facilitator took you off').waitFor();

    await mine.reload();
    await waitForConnection(mine);
    expect(await mine.locator('.board-page').getAttribute('data-role')).toBe('facilitator');
    await context.close();
  });

  it('taken off while offline, the page says so when it is back, and on a reload (QA)', async () => {
    const created = await server.createBoard({ title: 'Away' });
    const id = created.board.id;
    const aino = await openBoard(browser, created.links.participant, 'Aino');
    await waitForConnection(aino.page);
    await aino.context.setOffline(true);
    await waitForConnection(aino.page, 'offline');
    // A note written meanwhile can never be stored: the page says so.
    await addNoteInOutline(aino.page, 'Written on the train');

    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    expect(await server.takeOff(id, fia.token, 'Aino')).toBe(204);

    await aino.context.setOffline(false);
    const error = aino.page.getByTestId('board-error');
    await error.getByText('A facilitator took you off this board').waitFor();
    expect(await error.textContent()).toContain(
      'What you wrote while the connection was down could not be saved.',
    );
    await aino.page.reload();
    await error.getByText('A facilitator took you off this board').waitFor();
    await aino.context.close();
  });
});
