/**
 * A follow-up given to me while I am on the board is news: a screen reader says so, and the
 * Follow-ups tab counts it until I open the tab. Before, a participant found the one given to
 * them only by opening the tab (a11y QA). One given to someone else, or what the board held
 * when I came, is not news to me.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';
import { openAs, seededBoard } from './workshop-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('a follow-up given to me', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('is said, and counted on the Follow-ups tab until I open it', async () => {
    const seeded = await seededBoard(server, 'Library day', [
      { type: 'note', x: 0, y: 0, text: 'Longer opening hours' },
    ]);
    const [note = ''] = seeded.ids;
    await seeded.post('/followups', { itemId: note, title: 'Before she came', owner: null });
    const pia = await openAs(browser, server, seeded.boardId, seeded.keys.participant, 'Pia');
    const tab = (name: string) => pia.page.getByRole('tab', { name, exact: true });
    await tab('Follow-ups').waitFor();
    const live = pia.page.getByTestId('workshop-live');

    await seeded.post('/followups', { itemId: note, title: 'Ask Ben', owner: { name: 'Ben' } });
    await seeded.post('/followups', {
      itemId: note,
      title: 'Call the library',
      owner: { memberId: pia.member.id },
    });
    await tab('Follow-ups · 1 new for you').waitFor();
    await expect
      .poll(() => live.textContent())
      .toBe('A follow-up is yours now: “Call the library”.');

    await tab('Follow-ups · 1 new for you').click();
    await tab('Follow-ups').waitFor();
    await pia.page.getByText('Call the library').first().waitFor();
    expect(pia.errors).toEqual([]);
    await pia.context.close();
  });
});
