/**
 * Silent writing starts, or the board is locked, while I type in a shared note (journey QA, D5):
 * the editor closed mid-word, the rest of the sentence went nowhere, and nothing said so. Now a
 * notice says my editing stopped and why, and keeps what I was writing, the keys typed after the
 * editor closed too, with a button to copy it; it stays until I close it. In the outline, the
 * form I was typing in, a note's or a concept card's, keeps my words and will not save them while
 * the board is closed.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';
import { item } from './canvas-helpers.ts';
import { openAs, screenshot, seededBoard, showOutline } from './workshop-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('the board closes to me while I type in a note', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  for (const closing of ['silent writing', 'a lock'] as const) {
    it(`says my editing stopped and keeps what I was writing, to copy (${closing})`, async () => {
      const seeded = await seededBoard(server, 'Typing', [
        { type: 'note', x: 0, y: 0, w: 240, h: 160, text: 'GP referral lost' },
      ]);
      const aino = await openAs(browser, server, seeded.boardId, seeded.keys.participant, 'Aino');
      const { page } = aino;
      const note = item(page, seeded.ids[0]!);
      await note.waitFor();
      await page.waitForTimeout(300); // the first view's zoom to fit
      await note.dblclick();
      const editor = page.locator('textarea.im-editor');
      await editor.waitFor();
      await page.keyboard.press('End');
      await page.keyboard.type(' + Aino adds: referral', { delay: 30 });
      // The facilitator closes the board mid-sentence; the typing goes on.
      const typing = page.keyboard.type(' tracking number would help', { delay: 60 });
      await page.waitForTimeout(300);
      if (closing === 'silent writing') await seeded.post('/silent-writing', { action: 'start' });
      else await seeded.post('/lock', { locked: true });
      await typing;
      await editor.waitFor({ state: 'detached' });

      const notice = page.getByTestId('canvas-notice');
      await notice.waitFor();
      expect(await notice.getAttribute('data-kind')).toBe('editing-stopped');
      expect(await notice.locator('.im-notice-words').textContent()).toBe(
        closing === 'silent writing'
          ? 'Silent writing began, so the shared board is read-only to you until the facilitator reveals the notes: your editing stopped.'
          : 'The facilitator locked the board: your editing stopped.',
      );
      // Every word of the sentence, those typed after the editor closed too.
      expect(await page.getByTestId('kept-words').textContent()).toBe(
        'GP referral lost + Aino adds: referral tracking number would help',
      );
      // The rest of the typing switched no tool.
      expect(await page.locator('.im-surface').getAttribute('data-tool')).toBe('select');
      await screenshot(page, `editing-stopped-${closing.replace(' ', '-')}`);

      // It stays longer than a passing notice (6 s): it may be all that is left of the words.
      await page.waitForTimeout(6_500);
      await notice.getByRole('button', { name: 'Copy what you were writing' }).click();
      await notice.getByText('Copied').waitFor();
      await notice.getByRole('button', { name: 'Close' }).click();
      await notice.waitFor({ state: 'detached' });
      await aino.context.close();
    });
  }

  it('in the outline, the form keeps my words to copy and will not save them now', async () => {
    const seeded = await seededBoard(server, 'Outline typing', [
      { type: 'note', x: 0, y: 0, text: 'GP referral lost' },
    ]);
    const aino = await openAs(browser, server, seeded.boardId, seeded.keys.participant, 'Aino');
    const { page } = aino;
    await showOutline(page);
    await page.getByRole('button', { name: 'Edit “GP referral lost”' }).click();
    const field = page.locator('form.ol-edit textarea');
    await field.press('End');
    await field.pressSequentially(' + Aino adds: referral');
    await seeded.post('/silent-writing', { action: 'start' });

    // Saving would be refused, and the words gone with the form: they stay, Save waits.
    await page.getByTestId('closed-while-editing').waitFor();
    expect(await field.inputValue()).toBe('GP referral lost + Aino adds: referral');
    const form = page.locator('form.ol-edit');
    expect(await form.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await field.waitFor({ state: 'detached' });
    await aino.context.close();
  });

  it('in the outline, a concept card’s form keeps my words too (a lock)', async () => {
    const seeded = await seededBoard(server, 'Outline concept', [
      {
        type: 'concept',
        x: 0,
        y: 0,
        title: 'Evening desk',
        fields: { customerNeed: 'Pick up after work' },
      },
    ]);
    const aino = await openAs(browser, server, seeded.boardId, seeded.keys.participant, 'Aino');
    const { page } = aino;
    await showOutline(page);
    await page.getByRole('button', { name: /^Edit “Evening desk/ }).click();
    const form = page.locator('form.ol-concept-edit');
    const need = form.getByLabel('Customer need');
    await need.press('End');
    await need.pressSequentially(', without queueing');
    await seeded.post('/lock', { locked: true });

    await form.getByTestId('closed-while-editing').waitFor();
    expect(await need.inputValue()).toBe('Pick up after work, without queueing');
    expect(await form.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    // Ctrl+Enter saves nothing either: the card keeps what the board has.
    await need.press('ControlOrMeta+Enter');
    expect(await need.inputValue()).toBe('Pick up after work, without queueing');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    await aino.context.close();
  });
});
