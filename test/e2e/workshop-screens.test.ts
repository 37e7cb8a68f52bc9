/**
 * Screenshots of the workshop panels in both languages (test-results/screenshots/), for a
 * person to look at: the facilitator panel, a closed round's results, the follow-up panel,
 * the outline. Also checks each language's words actually reach the page.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';
import { openAs, openTab, screenshot, seedBoard, showOutline } from './workshop-helpers.ts';

const WORDS = {
  en: {
    facilitate: 'Facilitate',
    voting: 'Voting',
    followUps: 'Follow-ups',
    history: 'History & export',
    openRound: 'Open round',
    results: 'Results',
    rank1: 'Rank 1, 3 votes',
  },
  fi: {
    facilitate: 'Fasilitoi',
    voting: 'Äänestys',
    followUps: 'Jatkotoimet',
    history: 'Historia ja vienti',
    openRound: 'Avaa kierros',
    results: 'Tulokset',
    rank1: 'Sija 1, 3 ääntä',
  },
} as const;

/** Header controls that stick out of the window or cover another: none on any screen. */
async function headerCollisions(page: Page): Promise<string[]> {
  return page.locator('.board-header').evaluate((header) => {
    const parts = Array.from(
      header.querySelectorAll(
        '.brand-mark, .board-title, .presence, .connection-pill, .view-toggle, .language-switch, .panels-toggle',
      ),
    ).map((element) => ({ name: element.className, box: element.getBoundingClientRect() }));
    const problems: string[] = [];
    for (const [i, { name, box }] of parts.entries()) {
      if (box.width === 0) problems.push(`${name} has no room`);
      if (box.left < 0 || box.right > window.innerWidth) problems.push(`${name} is cut off`);
      for (const other of parts.slice(i + 1)) {
        const apart =
          box.right <= other.box.left ||
          other.box.right <= box.left ||
          box.bottom <= other.box.top ||
          other.box.bottom <= box.top;
        if (!apart) problems.push(`${name} covers ${other.name}`);
      }
    }
    return problems;
  });
}

/** Zooms the canvas in on the seeded notes, so overlays are big enough to look at. */
async function zoomOnNotes(page: Page): Promise<void> {
  const box = await page.locator('[data-item-type="note"]').nth(1).boundingBox();
  if (!box) return;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  for (let i = 0; i < 2; i++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(50);
  }
  await page.keyboard.up('Control');
  await page.waitForTimeout(400);
}

describe.skipIf(!HAS_CHROMIUM)('workshop panels in Finnish and English', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  for (const language of ['en', 'fi'] as const) {
    it(`shows the panels in ${language}`, async () => {
      const words = WORDS[language];
      const created = await server.createBoard({
        title: language === 'fi' ? 'Kehittämispäivä' : 'Development day',
        template: 'idea-mill',
        language,
      });
      const id = created.board.id;
      const fran = await openAs(browser, server, id, created.keys.facilitator, 'Fran', {
        language,
      });
      const participant = await server.join(id, created.keys.participant, 'Aino');
      const notes =
        language === 'fi'
          ? [
              'Selkeämmät opasteet sisäänkäynnille',
              'Soitto takaisin päivän sisällä',
              'Ajanvaraus verkossa',
            ]
          : [
              'Clearer signage at the entrance',
              'Call back within a day',
              'Online booking for visits',
            ];
      const { noteIds } = await seedBoard(server, id, fran.token, notes, [3, 2, 1]);
      for (const [index, owner] of [
        { memberId: participant.member.id },
        { name: 'Olli Ulkopuolinen', email: 'olli@example.com' },
      ].entries()) {
        await server.api(`/api/boards/${id}/followups`, {
          token: fran.token,
          body: {
            itemId: noteIds[index],
            owner,
            due: '2026-12-15',
            status: index === 0 ? 'in_progress' : 'open',
            notes: language === 'fi' ? 'Selvitetään kustannukset' : 'Find out the costs',
          },
        });
      }
      const page = fran.page;

      await openTab(page, words.facilitate);
      await page.getByRole('button', { name: words.openRound }).waitFor();
      await screenshot(page, `facilitator-panel-${language}`, '[data-testid="side-panels"]');

      await openTab(page, words.voting);
      await page
        .getByTestId('round-results')
        .getByText(notes[0] ?? '')
        .waitFor();
      await screenshot(page, `round-results-${language}`, '[data-testid="side-panels"]');

      await openTab(page, words.followUps);
      await page.getByTestId('followup-panel').locator('.wk-followup').nth(1).waitFor();
      await screenshot(page, `follow-ups-${language}`, '[data-testid="side-panels"]');

      await openTab(page, words.history);
      await page.getByTestId('history-panel').locator('[data-snapshot-id]').first().waitFor();
      await screenshot(page, `history-${language}`, '[data-testid="side-panels"]');

      await screenshot(page, `board-${language}`);
      await zoomOnNotes(page);
      await page.locator('[data-overlay-of] [data-result-rank="1"]').waitFor();
      await screenshot(page, `board-results-${language}`);
      await showOutline(page);
      await page.getByText(words.rank1).waitFor();
      await screenshot(page, `outline-${language}`);

      // With a round open: the facilitator's view of participation.
      await server.api(`/api/boards/${id}/rounds`, {
        token: fran.token,
        body: { title: language === 'fi' ? 'Toinen kierros' : 'Second round', budget: 3 },
      });
      await server.api(`/api/boards/${id}/timer`, {
        token: fran.token,
        body: { action: 'start', durationSec: 300 },
      });
      await server.api(`/api/boards/${id}/phase`, { token: fran.token, body: { phase: 'vote' } });
      await openTab(page, words.facilitate);
      // The shared countdown runs: it leaves 5:00 within a couple of seconds.
      await page
        .getByTestId('shared-timer')
        .getByText(/^4:5\d$/)
        .waitFor({ timeout: 5000 });
      await screenshot(page, `facilitator-open-round-${language}`, '[data-testid="side-panels"]');
      await page.locator('button[data-view="canvas"]').click();
      await zoomOnNotes(page);
      const firstNote = page.locator(`[data-overlay-of="${noteIds[0]}"]`);
      await firstNote.locator('.wk-dot-add').click();
      await firstNote.locator('.wk-dot-mine').waitFor();
      await screenshot(page, `board-voting-${language}`);

      // A participant on a phone takes part in the outline.
      const phone = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: language === 'fi' ? 'fi-FI' : 'en-US',
      });
      await phone.addInitScript(
        ([key, value, lang]) => {
          localStorage.setItem(key, value);
          localStorage.setItem('ideamill.language', lang);
        },
        [
          `ideamill.board.${id}`,
          JSON.stringify({ token: participant.token, member: participant.member }),
          language,
        ] as const,
      );
      const phonePage = await phone.newPage();
      await phonePage.goto(`${server.url}/b/${id}`);
      await phonePage.getByTestId('workshop-panels').waitFor({ state: 'attached' });
      await screenshot(phonePage, `board-phone-${language}`);
      expect(await headerCollisions(phonePage)).toEqual([]);
      await phonePage.locator('button[data-view="outline"]').click();
      await phonePage.getByTestId('outline-view').waitFor();
      await phonePage.locator('[data-outline-item-id] [data-my-votes]').first().waitFor();
      await screenshot(phonePage, `outline-phone-${language}`);
      await phone.close();

      const text = await page.locator('[data-testid="side-panels"]').innerText();
      expect(text).toContain(words.results === 'Tulokset' ? 'Äänestys' : 'Voting');
      await fran.context.close();
    });
  }
});
