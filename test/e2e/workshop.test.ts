/**
 * A whole workshop in real Chromium: a facilitator and three participants, each in their
 * own browser context, through silent writing, an anonymous dot-voting round, follow-ups,
 * exports and a restore. Participants work in the outline view (how a phone user takes part).
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { overlayOfItem } from './canvas-helpers.ts';
import { openAs, openTab, type Person, showOutline } from './workshop-helpers.ts';

const NOTES = {
  aino: 'Clearer signage at the entrance',
  ben: 'Call back within a day',
  cai: 'Online booking for visits',
};

const outlineItem = (page: Page, text: string) =>
  page.locator('[data-outline-item-id]', { hasText: text });

async function bodyText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

async function addNoteFromOutline(page: Page, text: string, frame: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Note text' }).first().fill(text);
  await page.getByRole('combobox', { name: 'Where' }).selectOption({ label: frame });
  await page.getByRole('button', { name: 'Add note' }).click();
}

async function vote(page: Page, text: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    const before = await outlineItem(page, text)
      .locator('[data-my-votes]')
      .getAttribute('data-my-votes');
    await outlineItem(page, text)
      .getByRole('button', { name: `Vote for “${text}”` })
      .click();
    await outlineItem(page, text)
      .locator(`[data-my-votes="${Number(before) + 1}"]`)
      .waitFor();
  }
}

describe.skipIf(!HAS_CHROMIUM)('a whole workshop in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let fran: Person;
  let aino: Person;
  let ben: Person;
  let cai: Person;
  let everyone: Person[];
  let participants: Person[];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Service day', template: 'idea-mill' });
    const { id } = created.board;
    fran = await openAs(browser, server, id, created.keys.facilitator, 'Fran');
    aino = await openAs(browser, server, id, created.keys.participant, 'Aino');
    ben = await openAs(browser, server, id, created.keys.participant, 'Ben');
    cai = await openAs(browser, server, id, created.keys.participant, 'Cai');
    participants = [aino, ben, cai];
    everyone = [fran, ...participants];
    for (const person of everyone) await showOutline(person.page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps silent-writing notes private until the facilitator reveals them', async () => {
    await fran.page.getByRole('button', { name: 'Start silent writing' }).click();
    for (const person of participants) {
      await person.page
        .getByTestId('workshop-banner')
        .getByText('Silent writing: your new notes are private until')
        .waitFor();
    }
    await addNoteFromOutline(aino.page, NOTES.aino, 'Topic 1');
    await addNoteFromOutline(ben.page, NOTES.ben, 'Topic 1');
    await addNoteFromOutline(cai.page, NOTES.cai, 'Topic 2');
    for (const [person, note] of [
      [aino, NOTES.aino],
      [ben, NOTES.ben],
      [cai, NOTES.cai],
    ] as const) {
      await person.page.locator('.ol-private').getByText(note).waitFor();
    }
    // Give any leak time to arrive before looking for it.
    await fran.page.waitForTimeout(1000);
    for (const person of everyone) {
      const text = await bodyText(person.page);
      for (const [author, note] of Object.entries(NOTES)) {
        if (author !== person.name.toLowerCase()) expect(text).not.toContain(note);
      }
    }

    // The facilitator sees how far it has come, never whose.
    await fran.page
      .getByTestId('silent-progress')
      .getByText('So far 3 people have written 3 notes.')
      .waitFor();
    await fran.page.getByRole('button', { name: 'Reveal with names' }).click();
    for (const person of everyone) {
      for (const note of Object.values(NOTES)) await outlineItem(person.page, note).waitFor();
    }
    for (const person of participants) {
      await person.page.locator('.ol-private').waitFor({ state: 'detached' });
    }
    // Screen readers hear about them once, as the reveal; the outline does not add "3 new
    // items" to it (a78c37d).
    await fran.page
      .getByTestId('workshop-live')
      .getByText('The notes written in silence are revealed')
      .waitFor();
    await fran.page.waitForTimeout(500);
    expect(await fran.page.getByTestId('outline-live').textContent()).not.toContain('new items');
    // Revealed into the frames they were written for.
    const topic1 = fran.page.locator('section.ol-section', { hasText: 'Topic 1' });
    await topic1.getByText(NOTES.aino).waitFor();
    await topic1.getByText(NOTES.ben).waitFor();
    // The private documents were let go without a word from Yjs (it once said a handler that
    // was never added could not be removed, on every page, at every reveal).
    await fran.page.waitForTimeout(500);
    expect(everyone.flatMap((person) => person.errors.filter((e) => e.includes('[yjs]')))).toEqual(
      [],
    );
  });

  it('runs an anonymous round: no tallies before it closes, ranked results for all after', async () => {
    await fran.page.getByRole('textbox', { name: 'Title', exact: true }).fill('What goes forward?');
    // Typed key by key: an emptied field must not snap back to 1 (which made the 3 a 13).
    const budget = fran.page.getByRole('spinbutton', { name: 'Votes per person' });
    const perItem = fran.page.getByRole('spinbutton', { name: 'Most votes per item' });
    // 0 votes per person is said to be out of range, not opened as a round of 1 (QA).
    await budget.fill('0');
    await fran.page.getByRole('button', { name: 'Open round' }).click();
    expect(await budget.inputValue()).toBe('0');
    expect(await budget.evaluate((input: HTMLInputElement) => input.validity.rangeUnderflow)).toBe(
      true,
    );
    await fran.page.waitForTimeout(300);
    expect(await aino.page.getByTestId('votes-left').count()).toBe(0);
    for (const [field, value] of [
      [budget, '3'],
      [perItem, '2'],
    ] as const) {
      await field.selectText();
      await field.press('Backspace');
      expect(await field.inputValue()).toBe('');
      await field.pressSequentially(value);
    }
    expect(await budget.inputValue()).toBe('3');
    expect(await perItem.inputValue()).toBe('2');
    await fran.page.getByRole('button', { name: 'Open round' }).click();
    for (const person of participants) {
      await person.page.getByTestId('votes-left').getByText('3 of 3 votes left').waitFor();
    }

    // On the canvas: dots on the note; a click votes, '-' on my dot takes it back.
    const canvas = aino.page;
    await canvas.locator('button[data-view="canvas"]').click();
    // Its dots are drawn in its overlay, above every item.
    const note = await overlayOfItem(
      canvas.locator('.im-item[data-item-id]', { hasText: NOTES.cai }),
    );
    await note.locator('[data-vote-dots][data-my-votes="0"]').waitFor();
    await note.getByRole('button', { name: `Vote for “${NOTES.cai}”` }).click();
    await note.locator('[data-vote-dots][data-my-votes="1"]').waitFor();
    await note.getByRole('button', { name: `Take back a vote from “${NOTES.cai}”` }).focus();
    await canvas.keyboard.press('-');
    await note.locator('[data-vote-dots][data-my-votes="0"]').waitFor();
    await note.getByRole('button', { name: `Vote for “${NOTES.cai}”` }).click();
    await note.locator('[data-vote-dots][data-my-votes="1"]').waitFor();
    // Still on the board: the note, and no tally anywhere on it.
    expect(await canvas.locator(`[data-item-id]`, { hasText: NOTES.cai }).count()).toBe(1);
    expect(await canvas.locator('[data-overlay-of] [data-votes]').count()).toBe(0);
    await showOutline(canvas);
    await vote(aino.page, NOTES.aino, 2);
    // Her votes spent: a note with none of hers shows no dots at all (an empty row was drawn).
    await canvas.locator('button[data-view="canvas"]').click();
    await note.locator('[data-vote-dots][data-my-votes="1"]').waitFor();
    const others = canvas.locator('.im-item[data-item-id]', { hasText: NOTES.ben });
    await others.waitFor();
    expect(await (await overlayOfItem(others)).locator('[data-vote-dots]').count()).toBe(0);
    await showOutline(canvas);

    await vote(ben.page, NOTES.aino);
    await vote(ben.page, NOTES.ben, 2);
    await vote(cai.page, NOTES.cai, 2);
    // The cap: a third vote on one item is not offered.
    expect(
      await outlineItem(cai.page, NOTES.cai)
        .getByRole('button', { name: `Vote for “${NOTES.cai}”` })
        .isDisabled(),
    ).toBe(true);
    await outlineItem(cai.page, NOTES.cai)
      .getByRole('button', { name: `Take back a vote from “${NOTES.cai}”` })
      .click();
    await outlineItem(cai.page, NOTES.cai).locator('[data-my-votes="1"]').waitFor();
    await vote(cai.page, NOTES.aino);
    await vote(cai.page, NOTES.cai);
    await cai.page.getByTestId('votes-left').getByText('0 of 3 votes left').waitFor();

    await fran.page.getByText('3 people have voted').first().waitFor();
    await fran.page.getByRole('tab', { name: 'Facilitate' }).click();
    await fran.page.getByTestId('facilitator-panel').getByText('3 / 3').first().waitFor();

    // Anonymous: a participant's page carries no tallies and no ranks while it is open.
    for (const person of participants) {
      const text = await bodyText(person.page);
      expect(text).not.toMatch(/so far|Rank \d|#\d ·/);
      expect(await person.page.locator('[data-result-rank], [data-votes]').count()).toBe(0);
      expect(await person.page.locator('.wk-ranking li').count()).toBe(0);
    }

    await fran.page.getByRole('button', { name: 'Close round' }).click();
    await aino.page
      .getByTestId('workshop-live')
      .getByText(`Voting round “What goes forward?” closed. Rank 1: ${NOTES.aino}, 4 votes.`, {
        exact: false,
      })
      .waitFor();
    for (const person of everyone) {
      await outlineItem(person.page, NOTES.aino).getByText('Rank 1, 4 votes').waitFor();
      await outlineItem(person.page, NOTES.cai).getByText('Rank 2, 3 votes').waitFor();
      await outlineItem(person.page, NOTES.ben).getByText('Rank 3, 2 votes').waitFor();
      await openTab(person.page, 'Voting');
      const ranking = person.page.getByTestId('round-results').locator('.wk-ranking li');
      await ranking.first().waitFor();
      expect(await ranking.allInnerTexts()).toEqual([
        expect.stringContaining(NOTES.aino),
        expect.stringContaining(NOTES.cai),
        expect.stringContaining(NOTES.ben),
      ]);
    }
  });

  it('turns the top 2 into follow-ups, and an owner updates theirs', async () => {
    const results = fran.page.getByTestId('round-results');
    await results.getByRole('spinbutton', { name: 'How many from the top' }).fill('2');
    const create = results.getByRole('button', { name: 'Create follow-ups from the top results' });
    const status = results.getByTestId('follow-ups-from-top-status');
    await create.click();
    await status.getByText('Created 2 follow-ups: see the Follow-ups tab.').waitFor();
    // A second click makes no duplicates, and says so.
    await create.click();
    await status.getByText('Each of these already has a follow-up.').waitFor();
    await openTab(fran.page, 'Follow-ups');
    const panel = fran.page.getByTestId('followup-panel');
    await panel.locator('.wk-followup').nth(1).waitFor();
    expect(await panel.locator('.wk-followup').count()).toBe(2);

    // Hand the winning idea to Ben, a participant.
    const card = panel.locator('.wk-followup', { hasText: `Item: ${NOTES.aino}` });
    await card.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Ben' });
    await panel.locator('section.wk-owner[aria-label="Ben"]').waitFor();

    await openTab(ben.page, 'Follow-ups');
    const benCard = ben.page
      .getByTestId('followup-panel')
      .locator('.wk-followup', { hasText: `Item: ${NOTES.aino}` });
    // Ben is typing his notes when the facilitator marks the follow-up done: his card moves to
    // another status group, and what he typed stays there, focused, until he leaves the field.
    const benNotes = benCard.getByRole('textbox', { name: 'Notes' });
    await benNotes.fill('Talking to facilities on Monday');
    await card.getByRole('combobox', { name: 'Status' }).selectOption('done');
    await ben.page
      .getByTestId('followup-panel')
      .locator('.wk-status-done .wk-followup', { hasText: `Item: ${NOTES.aino}` })
      .waitFor();
    expect(await benNotes.inputValue()).toBe('Talking to facilities on Monday');
    await benNotes.blur();
    // The same holds for the facilitator's title, typed while Ben changes the status.
    const franTitle = card.getByRole('textbox', { name: 'Title' });
    await franTitle.fill('Signposts at the entrance');
    await benCard.getByRole('combobox', { name: 'Status' }).selectOption('in_progress');

    const benGroup = panel.locator('section.wk-owner[aria-label="Ben"]');
    await benGroup.locator('.wk-status-in_progress').waitFor();
    const movedTitle = benGroup.locator('.wk-status-in_progress').getByRole('textbox', {
      name: 'Title',
    });
    expect(await movedTitle.inputValue()).toBe('Signposts at the entrance');
    expect(await movedTitle.evaluate((field) => field === document.activeElement)).toBe(true);
    await movedTitle.blur();
    await benCard.getByText('Signposts at the entrance').waitFor();
    await fran.page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('.wk-status-in_progress textarea')).some(
          (area) => (area as HTMLTextAreaElement).value === 'Talking to facilities on Monday',
        ),
      undefined,
      { timeout: 10_000 },
    );
    // The outline shows the follow-up on its item, for everyone.
    await outlineItem(cai.page, NOTES.aino).getByText('Ben (In progress)').waitFor();
  });

  it('downloads the Markdown report and the CSV with what happened', async () => {
    await openTab(fran.page, 'History & export');
    const [markdown] = await Promise.all([
      fran.page.waitForEvent('download'),
      fran.page.getByRole('button', { name: 'Markdown report' }).click(),
    ]);
    expect(markdown.suggestedFilename()).toMatch(/\.md$/);
    const report = fs.readFileSync((await markdown.path()) ?? '', 'utf8');
    expect(report).toContain('Service day');
    expect(report).toContain('What goes forward?');
    for (const note of Object.values(NOTES)) expect(report).toContain(note);
    expect(report).toContain('Ben');

    const [csv] = await Promise.all([
      fran.page.waitForEvent('download'),
      fran.page.getByRole('button', { name: 'Spreadsheet (CSV, items)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const rows = fs
      .readFileSync((await csv.path()) ?? '', 'utf8')
      .trim()
      .split(/\r?\n/);
    const signage = rows.find((row) => row.includes(NOTES.aino));
    expect(signage).toBeDefined();
    expect(signage).toMatch(/(^|,)4(,|$)/);

    // The concept cards, each with every field, in a table of their own.
    const [concepts] = await Promise.all([
      fran.page.waitForEvent('download'),
      fran.page.getByRole('button', { name: 'Spreadsheet (CSV, concept cards)' }).click(),
    ]);
    expect(concepts.suggestedFilename()).toMatch(/-concepts\.csv$/);
    const header = fs.readFileSync((await concepts.path()) ?? '', 'utf8').split(/\r?\n/)[0];
    expect(header).toContain('target_customer');
  });

  it('restores a saved version in every browser', async () => {
    await fran.page.getByRole('textbox', { name: 'Version name' }).fill('After voting');
    await fran.page.getByRole('button', { name: 'Save version' }).click();
    const row = fran.page.locator('[data-snapshot-id]', { hasText: 'After voting' });
    await row.waitFor();

    await aino.page.getByRole('button', { name: `Edit “${NOTES.cai}”` }).click();
    await aino.page.locator('.ol-edit textarea').fill('Online booking, changed by mistake');
    await aino.page.locator('.ol-edit').getByRole('button', { name: 'Save' }).click();
    for (const person of everyone) {
      await outlineItem(person.page, 'Online booking, changed by mistake').waitFor();
    }

    // A round is open: the confirmation says what a restore does to its votes.
    const boardId = fran.page.url().split('/b/')[1]!.split(/[?#]/)[0]!;
    const round = await server.api(`/api/boards/${boardId}/rounds`, {
      body: { budget: 1, title: 'Last call' },
      token: fran.token,
    });
    expect(round.status).toBe(201);
    await row.getByRole('button', { name: 'Restore' }).click();
    const dialog = fran.page.getByRole('dialog', { name: 'Restore this version?' });
    expect(await dialog.locator('[data-testid="restore-round-open"]').textContent()).toContain(
      '“Last call” is open',
    );
    // Restore waits for the count of what it changes, as a person does.
    await dialog.getByTestId('restore-change').waitFor();
    await dialog.getByRole('button', { name: 'Restore' }).click();
    for (const person of everyone) {
      await outlineItem(person.page, NOTES.cai).waitFor();
      await person.page
        .getByText('Online booking, changed by mistake')
        .waitFor({ state: 'detached' });
      await person.page
        .getByTestId('workshop-live')
        .getByText(/restored the board to a saved version/)
        .waitFor();
      // Work vanishing needs a word: everyone is told, in sight, who restored the board.
      const notice = person.page.locator('[data-testid="restored-notice"]:visible');
      await notice.waitFor();
      expect(await notice.count()).toBe(1);
      expect(await notice.textContent()).toMatch(
        person === fran
          ? /^You restored the board to a saved version/
          : /^Fran restored the board to a saved version/,
      );
    }
  });

  it('left no errors in any page’s console through the whole workshop', () => {
    expect(everyone.map((person) => [person.name, person.errors])).toEqual(
      everyone.map((person) => [person.name, []]),
    );
  });
});
