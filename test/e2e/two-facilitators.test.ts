/**
 * Two facilitators at one board, in real Chromium: a click on the Facilitate panel does what
 * its facilitator saw, not what another facilitator's change a moment before turned the button
 * into, and they are told, under the control, what the other did (journey QA: Paula and Ken
 * both pressed "Lock the board" and the board ended unlocked, both pressed Pause and the timer
 * ran on; the second reveal said only "Silent writing is not running.", at the panel's top).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardState } from '../../shared/facilitation.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { openAs, type Person, screenshot } from './workshop-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('two facilitators', () => {
  let server: TestServer;
  let browser: Browser;
  let boardId: string;
  let paula: Person;
  let ken: Person;

  const boardState = async () =>
    (await server.api<BoardState>(`/api/boards/${boardId}/state`, { token: paula.token })).body;
  const post = (route: string, body: unknown) =>
    server.api(`/api/boards/${boardId}${route}`, { token: paula.token, body });
  const lockButton = (person: Person) =>
    person.page.locator('section[aria-labelledby="wk-lock-h"] button');
  const button = (person: Person, name: string) =>
    person.page.getByRole('button', { name, exact: true });
  const notice = (person: Person, control: 'lock' | 'timer' | 'silent') =>
    person.page.getByTestId(`notice-${control}`);
  /**
   * Clicks the button showing `name` on `person`'s page the moment it shows there: a click just
   * after another facilitator's change reached the page, whatever the load on the machine (a
   * click from the test's own process came over a second late on a busy one).
   */
  const clickOnceShown = (person: Person, name: string) =>
    person.page.evaluate(
      (name) =>
        new Promise<void>((resolve) => {
          const clicked = () => {
            const found = [...document.querySelectorAll('button')].find(
              (candidate) => candidate.textContent?.trim() === name,
            );
            found?.click();
            return found !== undefined;
          };
          if (clicked()) return resolve();
          const observer = new MutationObserver(() => {
            if (!clicked()) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
      name,
    );
  /** Clicks `name` on `person`'s page at `at`, by the one clock both pages read. */
  const clickAt = (person: Person, name: string, at: number) =>
    button(person, name).evaluate(
      (element, when) =>
        new Promise<void>((resolve) =>
          setTimeout(() => resolve((element as HTMLElement).click()), when - Date.now()),
        ),
      at,
    );
  /** What the state is a moment later: a click that flipped it back would have landed by then. */
  const settled = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1200));
    return boardState();
  };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Health service journey' });
    boardId = created.board.id;
    paula = await openAs(browser, server, boardId, created.keys.facilitator, 'Paula');
    ken = await openAs(browser, server, boardId, created.keys.facilitator, 'Ken');
    // Each sees the other here: the page names who made a change by who else facilitates.
    for (const person of [paula, ken]) await lockButton(person).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Ken presses Lock just after Paula\u2019s lock reached his page: the board stays locked, and he is told', async () => {
    // Paula's lock is on Ken's page: his button reads Unlock as his click lands.
    const kens = clickOnceShown(ken, 'Unlock the board');
    await button(paula, 'Lock the board').click();
    await kens;
    expect((await settled()).locked).toBe(true);
    await expect
      .poll(() => notice(ken, 'lock').innerText())
      .toBe('Paula locked the board just before you did: it stays locked.');
    expect(await notice(paula, 'lock').innerText()).toBe('');
    for (const person of [paula, ken]) await button(person, 'Unlock the board').waitFor();
  });

  it('a click a moment later does what the button reads: Ken unlocks', async () => {
    await button(ken, 'Unlock the board').click();
    await expect.poll(async () => (await boardState()).locked).toBe(false);
    // His notice was about a lock that is over.
    await expect.poll(() => notice(ken, 'lock').innerText()).toBe('');
    for (const person of [paula, ken]) await button(person, 'Lock the board').waitFor();
  });

  it('both press Lock together, Ken 0, 150 and 400 ms after Paula: the board ends locked', async () => {
    // Ken's unlock has shown on Paula's page for longer than a reaction time.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (const delay of [0, 150, 400]) {
      const at = Date.now() + 300;
      await Promise.all([
        clickAt(paula, 'Lock the board', at),
        clickAt(ken, 'Lock the board', at + delay),
      ]);
      expect((await settled()).locked, `Ken ${delay} ms after Paula`).toBe(true);
      await post('/lock', { locked: false });
      for (const person of [paula, ken]) await button(person, 'Lock the board').waitFor();
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
  });

  it('Ken presses Pause just after Paula\u2019s pause reached his page: the timer stays paused', async () => {
    await post('/timer', { action: 'start', durationSec: 600 });
    for (const person of [paula, ken]) await button(person, 'Pause').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const kens = clickOnceShown(ken, 'Resume');
    await button(paula, 'Pause').click();
    await kens;
    expect((await settled()).timer.status).toBe('paused');
    await expect
      .poll(() => notice(ken, 'timer').innerText())
      .toBe('Paula paused the timer just before you did: it stays paused.');
    // Both pressing at once pauses it too, and a deliberate Resume resumes.
    await button(ken, 'Resume').click();
    await expect.poll(async () => (await boardState()).timer.status).toBe('running');
    for (const person of [paula, ken]) await button(person, 'Pause').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const at = Date.now() + 300;
    await Promise.all([clickAt(paula, 'Pause', at), clickAt(ken, 'Pause', at)]);
    expect((await settled()).timer.status).toBe('paused');
  });

  it('Paula is told when Ken\u2019s timer replaces the one she started', async () => {
    await paula.page.getByRole('spinbutton', { name: 'Minutes', exact: true }).fill('5');
    await button(paula, 'Start').click();
    await ken.page
      .getByTestId('timer-controls-left')
      .getByText(/^4:5\d left$|^5:00 left$/)
      .waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await ken.page.getByRole('spinbutton', { name: 'Minutes', exact: true }).fill('3');
    await button(ken, 'Start').click();
    await expect
      .poll(() => notice(paula, 'timer').innerText())
      .toBe('Ken started a 3:00 timer in place of yours.');
    expect((await boardState()).timer).toMatchObject({ status: 'running', durationMs: 180_000 });
    expect(await notice(ken, 'timer').innerText()).toBe('');
  });

  it('Ken reaches for Reveal as Paula reveals with names: his click does not start silent writing again, and he is told', async () => {
    await post('/timer', { action: 'reset' });
    await button(paula, 'Start silent writing').click();
    for (const person of [paula, ken]) await button(person, 'Reveal without names').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // Paula's reveal is on Ken's page: Start silent writing has come where the reveals were.
    const kens = clickOnceShown(ken, 'Start silent writing');
    await button(paula, 'Reveal with names').click();
    await kens;
    expect(await settled()).toMatchObject({ silentWriting: false, showNames: true });
    const told = notice(ken, 'silent');
    await expect.poll(() => told.innerText()).toBe('Paula already revealed the notes, with names.');
    expect(await told.isVisible()).toBe(true);
    expect(await ken.page.getByRole('alert').count()).toBe(0);
    await screenshot(
      ken.page,
      'two-facilitators-reveal-ken',
      'section[aria-labelledby="wk-silent-h"]',
    );
  });

  it('both reveal at the same moment: the second is told whose reveal it was, not "not running"', async () => {
    await button(paula, 'Start silent writing').click();
    for (const person of [paula, ken]) await button(person, 'Reveal without names').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // Both clicks land at the same instant, by the one clock both pages read.
    const at = Date.now() + 300;
    await Promise.all([
      clickAt(paula, 'Reveal with names', at),
      clickAt(ken, 'Reveal without names', at),
    ]);
    const state = await settled();
    expect(state.silentWriting).toBe(false);
    // Whichever got there first, the other is told of it in words, by the buttons.
    const [second, first] = state.showNames ? [ken, 'Paula'] : [paula, 'Ken'];
    const how = state.showNames ? 'with names' : 'without names';
    await expect
      .poll(() => notice(second, 'silent').innerText())
      .toBe(`${first} already revealed the notes, ${how}.`);
    for (const person of [paula, ken]) expect(await person.page.getByRole('alert').count()).toBe(0);
  });
});
