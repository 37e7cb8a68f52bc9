/**
 * Accessibility in real Chromium: axe-core finds no serious or critical violations on the
 * board page (every side panel tab) or in the outline view, and a keyboard alone can create,
 * edit and vote on a note.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { openAs, openTab, type Person, seedBoard, showOutline } from './workshop-helpers.ts';

/** Presses Tab until the focused element's accessible name matches; fails after 80 presses. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return '';
      const labelled = element.getAttribute('aria-label');
      if (labelled) return labelled;
      const labels = (element as HTMLInputElement).labels;
      if (labels && labels.length > 0) return labels[0]?.textContent ?? '';
      return element.textContent ?? '';
    });
    if (name.test(focused.trim())) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

describe.skipIf(!HAS_CHROMIUM)('accessibility of the board', () => {
  let server: TestServer;
  let browser: Browser;
  let boardId: string;
  let keys: { facilitator: string; participant: string };
  let facilitatorToken: string;
  let fran: Person;
  let pia: Person;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Accessible day', template: 'idea-mill' });
    boardId = created.board.id;
    keys = created.keys;
    fran = await openAs(browser, server, boardId, created.keys.facilitator, 'Fran');
    pia = await openAs(browser, server, boardId, created.keys.participant, 'Pia');
    facilitatorToken = fran.token;

    // Some content, a closed round with results and a follow-up, then an open round.
    const { noteIds } = await seedBoard(
      server,
      boardId,
      facilitatorToken,
      ['Shorter queues', 'Friendlier letters', 'Chat on the website'],
      [2, 1, 0],
    );
    await server.api(`/api/boards/${boardId}/followups`, {
      token: facilitatorToken,
      body: { itemId: noteIds[0], owner: { name: 'Outside Olli', email: 'olli@example.com' } },
    });
    await server.api(`/api/boards/${boardId}/rounds`, {
      token: facilitatorToken,
      body: { title: 'Second pick', budget: 3 },
    });
    await pia.page.getByTestId('votes-left').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no serious or critical axe violations on the board page', async () => {
    for (const tab of ['Facilitate', 'Voting', 'Follow-ups', 'History & export']) {
      await openTab(fran.page, tab);
      expect({ tab, violations: await seriousAxeViolations(fran.page) }).toEqual({
        tab,
        violations: [],
      });
    }
    for (const tab of ['Voting', 'Follow-ups']) {
      await openTab(pia.page, tab);
      expect({ tab, violations: await seriousAxeViolations(pia.page) }).toEqual({
        tab,
        violations: [],
      });
    }
  });

  it('has none in the facilitator’s forms, with no round open (checkboxes big enough to hit)', async () => {
    const created = await server.createBoard({ title: 'Before any round' });
    for (const width of [1280, 1440]) {
      const fia = await openAs(browser, server, created.board.id, created.keys.facilitator, 'Fia', {
        width,
      });
      await openTab(fia.page, 'Facilitate');
      await fia.page.getByRole('button', { name: 'Open round' }).waitFor();
      expect({ width, violations: await seriousAxeViolations(fia.page) }).toEqual({
        width,
        violations: [],
      });
      await fia.page.context().close();
    }
  });

  it('has no serious or critical axe violations in Finnish, wide and at phone width', async () => {
    // Finnish words differ from the English ones in length and form: a button's visible word
    // ("Työpaja") must still be in its accessible name.
    const wide = await openAs(browser, server, boardId, keys.facilitator, 'Fanni', {
      language: 'fi',
    });
    // At phone width the header hides the words beside the avatars and the panels stay closed.
    const phone = await openAs(browser, server, boardId, keys.participant, 'Aino', {
      language: 'fi',
      width: 390,
      height: 844,
    });
    try {
      await wide.page.getByRole('tab', { name: 'Fasilitoi' }).waitFor();
      await phone.page.locator('[data-item-type="note"]').first().waitFor();
      for (const [where, page] of [
        ['fi wide', wide.page],
        ['fi phone', phone.page],
      ] as const) {
        expect({ where, violations: await seriousAxeViolations(page) }).toEqual({
          where,
          violations: [],
        });
      }
      // The panels opened on the phone, then the outline there.
      await phone.page.locator('.panels-toggle').click();
      await phone.page.getByTestId('side-panels').waitFor();
      expect({
        where: 'fi phone panels',
        violations: await seriousAxeViolations(phone.page),
      }).toEqual({
        where: 'fi phone panels',
        violations: [],
      });
      await showOutline(phone.page);
      expect({
        where: 'fi phone outline',
        violations: await seriousAxeViolations(phone.page),
      }).toEqual({
        where: 'fi phone outline',
        violations: [],
      });
    } finally {
      await wide.context.close();
      await phone.context.close();
    }
  });

  it('has no serious or critical axe violations in the outline view', async () => {
    for (const person of [fran, pia]) {
      await showOutline(person.page);
      await person.page.locator('[data-outline-item-id]').first().waitFor();
      expect(await seriousAxeViolations(person.page)).toEqual([]);
    }
  });

  it('creates, edits and votes on a note with the keyboard alone', async () => {
    const page = pia.page;
    await page.reload();
    await page.getByTestId('workshop-panels').waitFor();
    await showOutline(page);
    await page.locator('body').focus();

    await tabTo(page, /^Note text$/);
    await page.keyboard.type('Typed without a mouse');
    await tabTo(page, /^Add note$/);
    await page.keyboard.press('Enter');
    const item = page.locator('[data-outline-item-id]', { hasText: 'Typed without a mouse' });
    await item.waitFor();
    await page.getByTestId('outline-live').getByText('Note added.').waitFor();

    await tabTo(page, /^Edit “Typed without a mouse”$/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type(', then edited');
    await tabTo(page, /^Save$/);
    // Where the focus is when the edit form goes: read before anything else runs after that
    // change (a MutationObserver's callback), so never on <body> for even a frame.
    await page.evaluate(`(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('form.ol-edit')) return;
        observer.disconnect();
        window.focusWhenFormWent =
          document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName;
      });
      observer.observe(document.body, { subtree: true, childList: true });
    })()`);
    await page.keyboard.press('Enter');
    const edited = page.locator('[data-outline-item-id]', {
      hasText: 'Typed without a mouse, then edited',
    });
    await edited.waitFor();
    // Focus returns to the note's edit button, so the keyboard keeps its place.
    await expect
      .poll(() => page.evaluate('window.focusWhenFormWent'))
      .toBe('Edit “Typed without a mouse, then edited”');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Edit “Typed without a mouse, then edited”',
    );

    await tabTo(page, /^Vote for “Typed without a mouse, then edited”$/);
    await page.keyboard.press('Enter');
    await edited.locator('[data-my-votes="1"]').waitFor();
    await page.keyboard.press('Enter');
    await edited.locator('[data-my-votes="2"]').waitFor();
    await tabTo(page, /^Take back a vote from “Typed without a mouse, then edited”$/);
    await page.keyboard.press('Enter');
    await edited.locator('[data-my-votes="1"]').waitFor();
    await page.getByTestId('votes-left').getByText('2 of 3 votes left').waitFor();

    // Everyone else sees the note as it was typed and edited.
    await showOutline(fran.page);
    await fran.page
      .locator('[data-outline-item-id]', { hasText: 'Typed without a mouse, then edited' })
      .waitFor();
  });
});
