/**
 * Teams that write in other scripts, in real Chromium (QA, international content): a long
 * Japanese note is clipped like a long Finnish one, Arabic and Hebrew are laid out right to left
 * with a name kept apart from the words around it, and a Finnish page sorts names as Finnish
 * does whatever the browser's own language.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { openAs, openTab, type Person, screenshot, showOutline } from './workshop-helpers.ts';

const JAPANESE =
  '予約の確認メールが届かないというお問い合わせが毎週のように寄せられています。送信元アドレスを分かりやすくし、受付番号を件名に入れ、届かない場合の連絡先を案内ページに載せることを提案します。';
const ARABIC = 'أفكار جديدة للخدمة (المرحلة 2)';
const HEBREW = 'שלום! 3 רעיונות חדשים';

describe.skipIf(!HAS_CHROMIUM)('other scripts on the board', () => {
  let server: TestServer;
  let browser: Browser;
  let fran: Person;
  let boardId: string;
  let participantKey: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Maailma' });
    boardId = created.board.id;
    participantKey = created.keys.participant;
    const seeder = await server.join(boardId, created.keys.facilitator, 'Seeder');
    const writer = socketIoClient(server.url, boardId, seeder.token);
    await writer.synced;
    writer.doc.transact(() => {
      ids.japanese = addItem(writer.doc, { type: 'note', x: 0, y: 0, text: JAPANESE });
      ids.latin = addItem(writer.doc, { type: 'note', x: 260, y: 0, text: 'Short note' });
      ids.hebrew = addItem(writer.doc, { type: 'note', x: 520, y: 0, text: HEBREW });
      ids.frame = addItem(writer.doc, {
        type: 'frame',
        x: 0,
        y: 300,
        w: 600,
        h: 300,
        title: ARABIC,
      });
    });
    // Owners whose names sort differently in Finnish and in English.
    for (const [owner, itemId] of [
      ['Örjan', ids.latin],
      ['Zoe', ids.latin],
      ['Åsa', ids.latin],
      ['Anna', ids.latin],
      ['عبد الله', ids.hebrew],
    ] as const) {
      const made = await server.api(`/api/boards/${boardId}/followups`, {
        token: seeder.token,
        body: {
          itemId,
          title: owner === 'عبد الله' ? 'Launch plan 2025' : `For ${owner}`,
          owner: { name: owner },
        },
      });
      expect(made.status).toBe(201);
    }
    writer.destroy();
    // A Finnish page in a browser whose own language is English.
    fran = await openAs(browser, server, boardId, created.keys.facilitator, 'Fran', {
      language: 'fi',
      locale: 'en-US',
    });
    await fran.page.locator(`[data-item-id="${ids.frame}"]`).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const note = (id: string) => fran.page.locator(`[data-item-id="${id}"]`);

  it('clips a long Japanese note to its box, as a long Latin one is', async () => {
    // Each ideograph is a whole em wide: the note cannot hold this text.
    expect(await note(ids.japanese!).getAttribute('class')).toContain('is-clipped');
    expect(await note(ids.latin!).getAttribute('class')).not.toContain('is-clipped');
  });

  it('lays out Arabic and Hebrew right to left, and so does the editor', async () => {
    const direction = (selector: string) =>
      fran.page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).direction);
    expect(await direction(`[data-item-id="${ids.hebrew}"] [data-item-text]`)).toBe('rtl');
    expect(await direction(`[data-item-id="${ids.frame}"] [data-item-text]`)).toBe('rtl');
    expect(await direction(`[data-item-id="${ids.latin}"] [data-item-text]`)).toBe('ltr');
    await note(ids.hebrew!).click();
    await fran.page.keyboard.press('Enter');
    expect(await direction(`[data-item-id="${ids.hebrew}"] textarea`)).toBe('rtl');
    await fran.page.keyboard.press('Escape');
    await screenshot(fran.page, 'international-board');
  });

  it('sorts owners as Finnish does, in an English browser; a long name stays inside the panel', async () => {
    const long = 'Nguyễn Thị Minh Khai Hoàng Phương Thảo Lê Văn Thịnh Trần';
    await server.join(boardId, participantKey, long);
    await openTab(fran.page, 'Jatkotoimet');
    const panel = fran.page.getByTestId('followup-panel');
    await panel.locator('section.wk-owner').nth(4).waitFor();
    const owners = await panel.locator('section.wk-owner > h3').allTextContents();
    expect(owners).toEqual(['Anna', 'Zoe', 'Åsa', 'Örjan', 'عبد الله']);
    // The owner picker under a round's results offers the long name, and does not grow past
    // the panel's edge for it (QA).
    const round = await server.api<{ round: { id: string } }>(`/api/boards/${boardId}/rounds`, {
      token: fran.token,
      body: { budget: 1 },
    });
    const roundId = round.body.round.id;
    await server.api(`/api/boards/${boardId}/rounds/${roundId}/votes`, {
      token: fran.token,
      body: { itemId: ids.latin },
    });
    await server.api(`/api/boards/${boardId}/rounds/${roundId}/close`, {
      method: 'POST',
      token: fran.token,
    });
    await openTab(fran.page, 'Äänestys');
    const results = fran.page.getByTestId('round-results');
    const picker = results.getByRole('combobox', { name: 'Vastuuhenkilö' });
    await picker.locator('option', { hasText: long }).waitFor({ state: 'attached' });
    const edge = (await results.boundingBox())!;
    const right = await picker.evaluate((select) => select.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(edge.x + edge.width);
  });

  it('keeps an Arabic owner apart from a Latin title in the outline', async () => {
    await showOutline(fran.page);
    const line = fran.page.locator('.ol-followups li', { hasText: 'Launch plan 2025' });
    await line.waitFor();
    // Title and owner each in their own isolate: the name cannot run into the title.
    expect(await line.locator('bdi').allTextContents()).toEqual(['Launch plan 2025', 'عبد الله']);
    expect(fran.errors).toEqual([]);
  });
});
