/**
 * Zoomed out in Finnish, the facilitator's assign button and an item's follow-up mark show
 * their words whole or a short form of them (an icon and a count), never a word cut to "…": QA
 * read "Nimeä jatk…" at 54-58 % on a 1440 px screen and "1 jat…" beside the vote dots at 30 % on
 * a 360 × 640 phone. Their names stay whole. Screenshots: test-results/screenshots/fu-words-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item, overlayOf, zoomTo } from './canvas-helpers.ts';
import { middleOf, openAs, SCREENSHOTS, seededBoard, zoomAndSelect } from './workshop-helpers.ts';

/** The words drawn in the item's assign button and follow-up mark, and any of them cut short. */
function shownWords(page: Page, id: string): Promise<{ words: string[]; cut: string[] }> {
  return page.evaluate((itemId) => {
    const buttons = document.querySelectorAll(
      `[data-overlay-of="${itemId}"] :is(.wk-assign, .wk-fu-mark)`,
    );
    const words: string[] = [];
    const cut: string[] = [];
    for (const button of buttons) {
      // Each drawn element holding words: the button's own, or the span they sit in.
      const holders = [button, ...button.querySelectorAll('*')].filter(
        (element) =>
          element.checkVisibility({ visibilityProperty: true }) &&
          [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim()),
      );
      for (const holder of holders) {
        const text = holder.textContent?.trim() ?? '';
        words.push(text);
        // Wider than the room it has, along its own box or any box around it in the button.
        for (let box: Element | null = holder; box && box !== button.parentElement; ) {
          if (box.scrollWidth > box.clientWidth) {
            cut.push(`${button.className}: "${text}"`);
            break;
          }
          box = box.parentElement;
        }
      }
    }
    return { words, cut };
  }, id);
}

/** The item and its foot, with room around: what a reviewer needs to see. */
async function shotOf(page: Page, id: string, name: string): Promise<void> {
  const box = (await item(page, id).boundingBox())!;
  const margin = 24;
  await page.screenshot({
    path: `${SCREENSHOTS}/${name}.png`,
    clip: {
      x: box.x - margin,
      y: box.y - margin,
      width: box.width + 2 * margin,
      height: box.height + 2 * margin,
    },
  });
}

describe.skipIf(!HAS_CHROMIUM)('follow-up words zoomed out in Finnish', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a selected winner’s assign button and mark are whole or short at 58, 55 and 30 % on a 1440 px screen', async () => {
    const seeded = await seededBoard(server, 'Kirjaston palvelupolku', [
      { type: 'note', x: 0, y: 0, text: 'Staff greet at the door' },
    ]);
    const [note = ''] = seeded.ids;
    const round = await seeded.post<{ round: { id: string } }>('/rounds', {
      title: 'Pick',
      budget: 3,
      anonymous: false,
    });
    await seeded.post(`/rounds/${round.round.id}/votes`, { itemId: note });
    await seeded.post(`/rounds/${round.round.id}/close`);
    await seeded.post('/followups', { itemId: note, title: 'Script', owner: { name: 'Ben' } });
    const fran = await openAs(browser, server, seeded.boardId, seeded.keys.facilitator, 'Fran', {
      language: 'fi',
      width: 1440,
      height: 900,
    });
    const problems: string[] = [];
    for (const target of [0.58, 0.55, 0.3]) {
      const zoom = await zoomAndSelect(fran, note, target, false);
      await shotOf(fran.page, note, `fu-words-desktop-${zoom}`);
      const { words, cut } = await shownWords(fran.page, note);
      problems.push(...cut.map((each) => `${zoom} %: ${each}`));
      expect(words.length, `${zoom} %: words shown`).toBeGreaterThanOrEqual(2);
    }
    expect(problems).toEqual([]);
    // Whatever they show, their names are the whole words.
    const assign = overlayOf(fran.page, note).locator('.wk-assign');
    expect(await assign.getAttribute('aria-label')).toBe('Nimeä jatkotoimi');
    await fran.page.getByRole('button', { name: 'Nimeä jatkotoimi' }).waitFor();
    await fran.page.getByRole('button', { name: '1 jatkotoimi, vastuuhenkilö: Ben' }).waitFor();
    await fran.context.close();
  });

  it('on a 360 × 640 phone, the mark beside the vote dots is whole or short at 30 %', async () => {
    const seeded = await seededBoard(server, 'Kirjaston palvelupolku', [
      { type: 'note', x: 0, y: 0, text: 'Queue at the desk' },
    ]);
    const [note = ''] = seeded.ids;
    await seeded.post('/followups', { itemId: note, title: 'Script', owner: { name: 'Ben' } });
    await seeded.post('/rounds', { title: 'Tärkeimmät', budget: 3 });
    const pia = await openAs(browser, server, seeded.boardId, seeded.keys.participant, 'Pia', {
      language: 'fi',
      width: 360,
      height: 640,
      touch: true,
    });
    const { page } = pia;
    await overlayOf(page, note).locator('.wk-dot').first().waitFor();
    await middleOf(page, note);
    const zoom = Math.round((await zoomTo(page, 0.3, item(page, note))) * 100);
    await middleOf(page, note);
    await shotOf(page, note, `fu-words-phone-${zoom}`);
    const { words, cut } = await shownWords(page, note);
    expect(words.length).toBe(1);
    expect(cut).toEqual([]);
    await page.getByRole('button', { name: '1 jatkotoimi, vastuuhenkilö: Ben' }).waitFor();
    await pia.context.close();
  });
});
