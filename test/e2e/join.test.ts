import type { Browser, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../shared/errors.ts';
import { axeViolations, seriousAxeViolations } from '../helpers/axe.ts';
import {
  joinByLink,
  newLinkIn,
  newPerson,
  openBoard,
  SCREENSHOTS,
  waitForConnection,
} from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';
import { openTab } from './workshop-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('starting and joining a board', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('a board created on the start page hands out links that others join with a name', async () => {
    const organiser = await newPerson(browser);
    const landing = await organiser.newPage();
    await landing.goto(server.url);
    await landing.locator('input[name="title"]').fill('Service path day');
    await landing.locator('select[name="template"]').selectOption('customer-journey');
    await landing.locator('button[type="submit"]').click();

    const link = (role: string) => landing.locator(`[data-testid="link-${role}"]`).inputValue();
    const links = {
      facilitator: await link('facilitator'),
      participant: await link('participant'),
      viewer: await link('viewer'),
    };
    for (const url of Object.values(links)) {
      expect(url).toMatch(new RegExp(`^${server.url}/b/[0-9a-f-]{36}#key=.+`));
    }
    expect(await landing.locator('.board-links h2').textContent()).toContain('Service path day');
    await landing.screenshot({ path: `${SCREENSHOTS}/landing-links-en.png` });

    // The organiser opens the board as facilitator in a new tab; the links stay on screen.
    const [facilitatorTab] = await Promise.all([
      organiser.waitForEvent('page'),
      landing.locator('.board-links a.button-primary').click(),
    ]);
    const board = facilitatorTab;
    await board.locator('input[name="displayName"]').waitFor();
    // Which board and which role, before the name: one team's link among several (QA).
    await board.getByRole('heading', { name: 'Join “Service path day”' }).waitFor();
    expect(await board.getByTestId('join-role').textContent()).toBe(
      'This link makes you a facilitator of “Service path day”.',
    );
    expect(await board.getByTestId('join-role').getAttribute('role')).toBe('status');
    await board.screenshot({ path: `${SCREENSHOTS}/join-prompt-en.png` });
    // Of any impact: the brand and the language switch were in no landmark (a11y QA).
    expect(await axeViolations(board)).toEqual([]);
    // The field's focus ring is the buttons' 2 px one, not a pale halo (a11y QA: 1.13:1).
    await board.locator('input[name="displayName"]').focus();
    expect(
      await board
        .locator('input[name="displayName"]')
        .evaluate((input) => [
          getComputedStyle(input).outlineStyle,
          getComputedStyle(input).outlineWidth,
        ]),
    ).toEqual(['solid', '2px']);
    await board.locator('input[name="displayName"]').fill('Fiona');
    await board.locator('form.join-form button[type="submit"]').click();
    await board.locator('[data-testid="board-title"]').waitFor();
    expect(await board.locator('[data-testid="my-role"]').textContent()).toBe('Facilitator');
    expect(await landing.locator('[data-testid="link-viewer"]').inputValue()).toBe(links.viewer);

    // Someone else opens the participant link on their own machine.
    const participant = await newPerson(browser);
    const page = await participant.newPage();
    await joinByLink(page, links.participant, 'Aino');
    expect(await page.locator('[data-testid="board-title"]').textContent()).toBe(
      'Service path day',
    );
    expect(await page.locator('[data-testid="my-role"]').textContent()).toBe('Participant');
    // The key is not left in the address bar.
    expect(new URL(page.url()).hash).toBe('');
    await waitForConnection(page);

    // Both see each other in the presence list, with their roles.
    await board.locator('.presence-toggle').click();
    const aino = board.locator('.presence-row', { hasText: 'Aino' });
    await aino.waitFor();
    expect(await aino.locator('.role-badge').textContent()).toBe('Participant');
    expect(await aino.locator('button').textContent()).toBe('Follow');
    await board.screenshot({ path: `${SCREENSHOTS}/board-presence-en.png` });

    // A reload keeps the membership: no second name prompt, same person.
    await page.reload();
    await page.locator('[data-testid="board-title"]').waitFor();
    expect(await page.locator('input[name="displayName"]').count()).toBe(0);
    await page.locator('.presence-toggle').click();
    expect(await page.locator('.presence-row', { hasText: 'Aino' }).textContent()).toContain(
      '(you)',
    );
    await organiser.close();
    await participant.close();
  });

  it('after joining by keyboard the board’s name has the focus, and Tab, Enter skip the canvas to the panels (QA)', async () => {
    const created = await server.createBoard({ title: 'Keyboard day' });
    const person = await newPerson(browser);
    const page = await person.newPage();
    await page.goto(created.links.facilitator);
    await page.locator('input[name="displayName"]').fill('Kai');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="board-title"]').waitFor();
    // Where a screen reader would otherwise say nothing: the board's name.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('board-title');
    const skip = page.getByRole('button', { name: 'Skip to the workshop panels' });
    // Only while the panels are open (a wide screen): there is nowhere to skip to otherwise.
    await page.getByRole('tab', { selected: true }).first().waitFor();
    const hidden = await skip.boundingBox();
    expect(hidden && hidden.y + hidden.height <= 0).toBe(true);
    // The skip link is the page's first stop: just before the logo, which is just before the name.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    // Out of sight until then, and in sight once focused.
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.closest('[data-testid="side-panels"]') &&
          document.activeElement?.getAttribute('role'),
      ),
    ).toBe('tab');
    await person.close();
  });

  it('a link’s key leaves the address bar at once and is never stored; another role’s link joins again (QA)', async () => {
    const created = await server.createBoard({ title: 'Keys kept safe' });
    const person = await newPerson(browser);
    const page = await person.newPage();
    await page.goto(created.links.facilitator);
    await page.locator('input[name="displayName"]').waitFor();
    // On the name prompt already, the key is out of the address bar (a shared screen shows it)…
    expect(new URL(page.url()).hash).toBe('');
    // …and a reload there still joins with it.
    await page.reload();
    await page.locator('input[name="displayName"]').fill('Fia');
    await page.locator('form.join-form button[type="submit"]').click();
    await page.locator('[data-testid="board-title"]').waitFor();
    expect(await page.locator('[data-testid="my-role"]').textContent()).toBe('Facilitator');
    const storage = () =>
      page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
    // Nothing the browser keeps holds the facilitator's key: only the member's token.
    expect(await storage()).not.toContain(created.keys.facilitator);

    // The participant link opened in the same browser is another link: it asks for a name.
    const other = await person.newPage();
    await other.goto(created.links.participant);
    await other.locator('input[name="displayName"]').fill('Fia as a participant');
    await other.locator('form.join-form button[type="submit"]').click();
    await other.locator('[data-testid="my-role"]', { hasText: 'Participant' }).waitFor();
    expect(await storage()).not.toContain(created.keys.participant);
    await other.close();

    // The viewer link pasted into the first tab's address bar (only the fragment changes, so
    // the page is not loaded again) asks for a name too.
    await page.goto(created.links.viewer);
    await page.locator('input[name="displayName"]').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await page.locator('input[name="displayName"]').fill('Fia watching');
    await page.locator('form.join-form button[type="submit"]').click();
    await page.locator('[data-testid="my-role"]', { hasText: 'Viewer' }).waitFor();
    expect(await storage()).not.toContain(created.keys.viewer);

    // A membership an earlier client stored with its key keeps working, without the key.
    const id = created.board.id;
    const joined = await server.join(id, created.keys.viewer, 'Vera');
    await page.evaluate(([storageKey, value]) => localStorage.setItem(storageKey, value), [
      `ideamill.board.${id}`,
      JSON.stringify({ ...joined, key: created.keys.viewer }),
    ] as const);
    await page.reload();
    await page.locator('[data-testid="my-role"]', { hasText: 'Viewer' }).waitFor();
    expect(await storage()).not.toContain(created.keys.viewer);
    await person.close();
  });

  it('a facilitator who looks in through the participant link stays the board’s facilitator (QA)', async () => {
    const created = await server.createBoard({ title: 'Both sides' });
    const person = await newPerson(browser);
    const mine = await person.newPage();
    await joinByLink(mine, created.links.facilitator, 'Fran');
    const role = (page: Page) => page.locator('[data-testid="my-role"]').textContent();
    expect(await role(mine)).toBe('Facilitator');

    // To see what participants see, the participant link in another tab of the same browser.
    const look = await person.newPage();
    await joinByLink(look, created.links.participant, 'Fran looking');
    expect(await role(look)).toBe('Participant');

    // Each tab keeps to its own on reload, and a plain board address opens the facilitator's.
    await mine.reload();
    await mine.locator('[data-testid="my-role"]', { hasText: 'Facilitator' }).waitFor();
    await look.reload();
    await look.locator('[data-testid="my-role"]', { hasText: 'Participant' }).waitFor();
    const plain = await person.newPage();
    await plain.goto(`${server.url}/b/${created.board.id}`);
    await plain.locator('[data-testid="my-role"]', { hasText: 'Facilitator' }).waitFor();
    // The participant link opened again is the participant already made: no second one.
    const again = await person.newPage();
    await again.goto(created.links.participant);
    await again.locator('[data-testid="my-role"]', { hasText: 'Participant' }).waitFor();
    const fia = await server.join(created.board.id, created.keys.facilitator, 'Fia');
    const members = await server.members(created.board.id, fia.token);
    expect(members.map((member) => member.name).sort()).toEqual(['Fia', 'Fran', 'Fran looking']);
    await person.close();
  });

  it('leaving a board on a shared laptop forgets it there, and the member stays on the board (QA)', async () => {
    const created = await server.createBoard({ title: 'Shared laptop' });
    const person = await newPerson(browser);
    const page = await person.newPage();
    await joinByLink(page, created.links.participant, 'Aino');
    await waitForConnection(page);
    const token = await page.evaluate(
      (id) =>
        (JSON.parse(localStorage.getItem(`ideamill.board.${id}`) ?? '{}') as { token: string })
          .token,
      created.board.id,
    );
    // The board open in a second tab too.
    const otherTab = await person.newPage();
    await otherTab.goto(`${server.url}/b/${created.board.id}`);
    await waitForConnection(otherTab);
    await page.locator('.presence-toggle').click();
    await page.getByRole('button', { name: 'Leave this board on this device…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave this board on this device?' });
    await dialog.getByText('To come back, open your link again.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Leave', exact: true }).click();
    await page.locator('form.create-form').waitFor();
    // The server signed the laptop out: its token opens the board no more (wherever it was
    // copied), and the other tab says so.
    const asked = await server.api<ErrorResponse>(`/api/boards/${created.board.id}`, { token });
    expect([asked.status, asked.body.error.code]).toEqual([401, 'device_signed_out']);
    await otherTab.getByTestId('board-error').getByText('by leaving the board on it').waitFor();
    // Signed out, the token is kept nowhere in the browser.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('ideamill.signOutLater')))
      .toBeNull();

    // The next person at the laptop finds no way in without a link…
    await page.goto(`${server.url}/b/${created.board.id}`);
    await page.getByTestId('board-error').getByText('Open the board with the link').waitFor();
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.includes('board') || key.includes('name')),
      ),
    ).toEqual([]);
    // …and Aino is still on the board.
    const fia = await server.join(created.board.id, created.keys.facilitator, 'Fia');
    const members = await server.members(created.board.id, fia.token);
    expect(members.map((member) => member.name)).toContain('Aino');
    await person.close();
  });

  it('a membership an earlier client kept without its link’s tag does not capture another link (QA)', async () => {
    const created = await server.createBoard({ title: 'Old client' });
    const id = created.board.id;
    const old = await server.join(id, created.keys.participant, 'Pia');
    const person = await newPerson(browser);
    const page = await person.newPage();
    await page.goto(server.url);
    await page.evaluate(([storageKey, value]) => localStorage.setItem(storageKey, value), [
      `ideamill.board.${id}`,
      JSON.stringify({ token: old.token, member: old.member }),
    ] as const);
    // A plain address still opens it…
    await page.goto(`${server.url}/b/${id}`);
    await page.locator('[data-testid="my-role"]', { hasText: 'Participant' }).waitFor();
    // …and the facilitator link joins as facilitator.
    await joinByLink(page, created.links.facilitator, 'Pia');
    await page.locator('[data-testid="my-role"]', { hasText: 'Facilitator' }).waitFor();
    await person.close();
  });

  it('a wrong key and an unknown board are explained, not shown as a blank page', async () => {
    const { board } = await server.createBoard({ title: 'Keys' });
    const context = await newPerson(browser);
    const page = await context.newPage();

    // Said at once, before anyone types a name into a form that could never join.
    await page.goto(`${server.url}/b/${board.id}#key=not-the-key`);
    const error = page.locator('[data-testid="board-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('This link is not valid for this board');

    await page.goto(`${server.url}/b/00000000-0000-4000-8000-000000000000#key=whatever`);
    await error.waitFor();
    expect(await error.textContent()).toContain('There is no board at this address');

    // A board address without a key and without a stored membership says how to get in.
    await page.goto(`${server.url}/b/${board.id}`);
    await error.waitFor();
    expect(await error.textContent()).toContain('Open the board with the link you were given');
    // Everything on it in a landmark (a11y QA: the language switch was outside any).
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a stored membership the server no longer accepts is replaced by joining again', async () => {
    const created = await server.createBoard({ title: 'Stale' });
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate((boardId) => {
      const member = { id: 'gone', name: 'Old me', role: 'participant', color: '#1f6feb' };
      localStorage.setItem(
        `ideamill.board.${boardId}`,
        JSON.stringify({ token: 'no-longer-valid', member }),
      );
    }, created.board.id);

    await page.goto(created.links.participant);
    await page.locator('input[name="displayName"]').fill('New me');
    await page.locator('form.join-form button[type="submit"]').click();
    await page.locator('[data-testid="board-title"]').waitFor();
    await waitForConnection(page);
    await page.reload();
    await page.locator('.presence-toggle').click();
    expect(await page.locator('.presence-row', { hasText: 'New me' }).textContent()).toContain(
      '(you)',
    );
    await context.close();
  });

  it('a facilitator makes a new link for a lost one: the old link is refused, the new one joins, and who joined stays', async () => {
    const created = await server.createBoard({ title: 'Lost links' });
    const fiona = await openBoard(browser, created.links.facilitator, 'Fiona');
    const aino = await openBoard(browser, created.links.participant, 'Aino');
    await openTab(fiona.page, 'Facilitate');
    const panel = fiona.page.getByTestId('facilitator-panel');
    // A facilitator link is never kept in the browser: it is shown once.
    await panel.getByRole('button', { name: 'New facilitator link' }).click();
    const asked = fiona.page.getByRole('dialog', { name: 'Make a new facilitator link?' });
    await asked.getByText('The new link is shown once').waitFor();
    await fiona.page.keyboard.press('Escape');
    await asked.waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: 'New participant link' }).click();
    const dialog = fiona.page.getByRole('dialog', { name: 'Make a new participant link?' });
    await dialog.getByText('The current participant link stops opening this board').waitFor();
    // A participant link is kept, for Invite people.
    expect(await dialog.innerText()).toContain('This browser keeps the new link');
    await dialog.getByRole('button', { name: 'Make a new link' }).click();
    // It has the focus, selected, ready to copy.
    const link = await newLinkIn(
      panel.getByTestId('new-link').getByRole('textbox', {
        name: 'New participant link (also under Invite people)',
      }),
      server.url,
      created.board.id,
      created.links.participant,
    );
    await panel.getByRole('button', { name: 'Copy the participant link' }).waitFor();
    await fiona.page.screenshot({ path: `${SCREENSHOTS}/new-link-en.png` });

    // The old link, opened on another device: refused, and the page says what to do.
    const lauri = await newPerson(browser);
    const page = await lauri.newPage();
    await page.goto(created.links.participant);
    const error = page.locator('[data-testid="board-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('Ask the facilitator for a new link');
    // The new one joins.
    await joinByLink(page, link, 'Lauri');
    expect(await page.locator('[data-testid="my-role"]').textContent()).toBe('Participant');
    // Aino joined with the old link before it was replaced: she is still on the board.
    await aino.page.reload();
    await aino.page.locator('[data-testid="my-role"]', { hasText: 'Participant' }).waitFor();
    await waitForConnection(aino.page);
    for (const context of [fiona.context, aino.context, lauri]) await context.close();
  });

  it('joining with no connection keeps the form and the name typed, to join once it is back', async () => {
    const created = await server.createBoard({ title: 'Night train' });
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(created.links.participant);
    const name = page.locator('input[name="displayName"]');
    await name.fill('Aino');
    await context.setOffline(true);
    await page.locator('form.join-form button[type="submit"]').click();
    await page
      .locator('form.join-form [role="alert"]')
      .getByText('The server could not be reached. Check the connection and try again.')
      .waitFor();
    expect(await name.inputValue()).toBe('Aino');
    await context.setOffline(false);
    await page.locator('form.join-form button[type="submit"]').click();
    await waitForConnection(page);
    expect(await page.getByTestId('my-role').textContent()).toBe('Participant');
    await context.close();
  });

  it('a join whose board did not open (the connection lost in between) opens it as the same member once back', async () => {
    const created = await server.createBoard({ title: 'Tunnel' });
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(created.links.participant);
    await page.locator('input[name="displayName"]').fill('Aino');
    // The join reaches the server; the board's own request after it does not.
    const boardRoute = `${server.url}/api/boards/${created.board.id}`;
    const lost = (route: Route) =>
      route.request().method() === 'GET' ? route.abort('internetdisconnected') : route.fallback();
    await page.route(boardRoute, lost);
    await page.locator('form.join-form button[type="submit"]').click();
    await page.getByTestId('board-error').getByRole('heading', { name: 'Not connected' }).waitFor();
    await page.unroute(boardRoute, lost);
    // Tried again by itself: the board opens as the member who joined, and nobody else joined.
    await waitForConnection(page);
    const fia = await server.join(created.board.id, created.keys.facilitator, 'Fia');
    expect((await server.members(created.board.id, fia.token)).map((m) => m.name).sort()).toEqual([
      'Aino',
      'Fia',
    ]);
    await context.close();
  });
});
