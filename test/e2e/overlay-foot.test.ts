/**
 * An item's overlay foot (the ranking badge, the follow-up mark, vote dots, the facilitator's
 * assign button) never hides the item's words: on a note it straddles the bottom edge, in the
 * note's padding and below it; a concept card keeps room at its foot, so its last field (the
 * first step, what a winning concept leaves the workshop with) stays in sight, however long
 * one of its fields is written. Checked from the boxes the page lays out, at the first view and
 * zoomed out below 60 %, where the foot grows against the board's zoom.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, CONCEPT_FIELDS } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { overlayOf, zoomOf, zoomTo } from './canvas-helpers.ts';
import { openAs, type Person, SCREENSHOTS } from './workshop-helpers.ts';

const LONG = 'Paper form is confusing, too many fields to fill in before the appointment and why';

interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The boxes of what item `id` shows in words, and of everything its overlay foot draws. */
function boxesOf(page: Page, id: string): Promise<{ words: Rect[]; foot: Rect[] }> {
  return page.evaluate((itemId) => {
    const item = document.querySelector(`[data-item-id="${itemId}"]`)!;
    const rect = ({ top, bottom, left, right }: DOMRect) => ({ top, bottom, left, right });
    // Each line of text as laid out (a range's client rects), inside what the item shows.
    const lines: { top: number; bottom: number; left: number; right: number }[] = [];
    for (const element of item.querySelectorAll('.im-text, .im-concept-field dd')) {
      const clip = element.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(element);
      for (const line of range.getClientRects()) {
        if (line.bottom <= clip.bottom + 0.5 && line.width > 0) lines.push(rect(line));
      }
    }
    const foot = [
      ...document
        .querySelector(`[data-overlay-of="${item.getAttribute('data-item-id')}"]`)!
        .querySelectorAll('.wk-overlay-foot > *, .wk-foot-start > *'),
    ]
      .filter((element) => !element.classList.contains('wk-foot-start'))
      .map((element) => rect(element.getBoundingClientRect()));
    return { words: lines, foot };
  }, id);
}

const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right - 0.5 &&
  b.left < a.right - 0.5 &&
  a.top < b.bottom - 0.5 &&
  b.top < a.bottom - 0.5;

/** Every line the item shows, and which of them a foot control lies over. */
async function hidden(page: Page, id: string) {
  const { words, foot } = await boxesOf(page, id);
  expect(words.length).toBeGreaterThan(0);
  expect(foot.length).toBeGreaterThan(0);
  return words.filter((line) => foot.some((control) => overlaps(line, control)));
}

/**
 * A note's lines of text: how many it has, how many it shows (inside its text's clip), the
 * clamp that ends the last one shown in "…", and where its foot's top and its bottom padding lie.
 */
function linesOf(page: Page, id: string) {
  return page.evaluate((itemId) => {
    const item = document.querySelector<HTMLElement>(`[data-item-id="${itemId}"]`)!;
    const text = item.querySelector('.im-text')!;
    const clip = text.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(text);
    const lines = [...range.getClientRects()].filter((line) => line.width > 0);
    const tops = (some: DOMRect[]) => new Set(some.map((line) => Math.round(line.top))).size;
    const box = item.getBoundingClientRect();
    const scale = box.height / item.offsetHeight;
    return {
      all: tops(lines),
      shown: tops(lines.filter((line) => line.bottom <= clip.bottom + 0.5)),
      clamp: getComputedStyle(text).webkitLineClamp,
      footTop: document
        .querySelector(`[data-overlay-of="${item.getAttribute('data-item-id')}"]`)!
        .querySelector('.wk-overlay-foot')!
        .getBoundingClientRect().top,
      paddingTop: box.bottom - Number.parseFloat(getComputedStyle(item).paddingBottom) * scale,
    };
  }, id);
}

/**
 * While a note is edited, with the caret at the end of its text: the line the caret is on (the
 * last, ending at the editor's scroll height less its bottom padding), the editor's box, which
 * clips what scrolls out of it, the boxes of the foot's controls, and where the note's bottom
 * padding starts (one row of the foot fits in it).
 */
function caretLineOf(page: Page, id: string) {
  return page.evaluate((itemId) => {
    const item = document.querySelector(`[data-item-id="${itemId}"]`)!;
    const editor = item.querySelector('textarea')!;
    const rect = ({ top, bottom, left, right }: DOMRect) => ({ top, bottom, left, right });
    const box = editor.getBoundingClientRect();
    const scale = box.height / editor.offsetHeight;
    const style = getComputedStyle(editor);
    const px = (value: string) => Number.parseFloat(value) * scale;
    const lineBottom =
      box.top + (editor.scrollHeight - editor.scrollTop) * scale - px(style.paddingBottom);
    // Its letters: a font size high, in the middle of the line (the browser scrolls the caret,
    // as high as they are, into sight, not the spacing between lines).
    const middle = lineBottom - px(style.lineHeight) / 2;
    const foot = [
      ...document
        .querySelector(`[data-overlay-of="${item.getAttribute('data-item-id')}"]`)!
        .querySelectorAll('.wk-overlay-foot > *, .wk-foot-start > *'),
    ]
      .filter((element) => !element.classList.contains('wk-foot-start'))
      .map((element) => rect(element.getBoundingClientRect()));
    const note = item.getBoundingClientRect();
    const padding = Number.parseFloat(getComputedStyle(item).paddingBottom) * scale;
    return {
      atEnd: editor.selectionStart === editor.value.length,
      paddingTop: note.bottom - padding,
      line: {
        top: middle - px(style.fontSize) / 2,
        bottom: middle + px(style.fontSize) / 2,
        left: box.left + px(style.paddingLeft),
        right: box.right - px(style.paddingRight),
      },
      editor: rect(box),
      foot,
    };
  }, id);
}

describe.skipIf(!HAS_CHROMIUM)('the overlay foot hides no words', () => {
  let server: TestServer;
  let browser: Browser;
  let fran: Person;
  let note = '';
  let concept = '';
  let crowded = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Concepts' });
    const boardId = created.board.id;
    const facilitator = await server.join(boardId, created.keys.facilitator, 'Seeder');
    const writer = socketIoClient(server.url, boardId, facilitator.token);
    await writer.synced;
    note = addItem(writer.doc, { type: 'note', x: 0, y: 0, text: LONG });
    const fields = Object.fromEntries(CONCEPT_FIELDS.map((field) => [field, `The ${field}`]));
    concept = addItem(writer.doc, {
      type: 'concept',
      x: 260,
      y: 0,
      title: 'Evening chat service',
      fields: { ...fields, firstStep: 'Pilot in March' },
    });
    // One field written at length, as a team does: the other seven must keep their places.
    crowded = addItem(writer.doc, {
      type: 'concept',
      x: 260,
      y: 620,
      title: 'Waiting-room text line',
      fields: { ...fields, customerNeed: `${LONG}. ${LONG}. ${LONG}.`, firstStep: 'Ask IT' },
    });
    await waitFor(
      () => server.documents.open({ boardId }).doc.getMap('items').has(crowded),
      'the items on the server',
    );
    writer.destroy();
    const api = (route: string, body?: unknown) =>
      server.api<{ round: { id: string } }>(`/api/boards/${boardId}${route}`, {
        token: facilitator.token,
        method: 'POST',
        body,
      });
    const round = await api('/rounds', { title: 'Pick', budget: 3, anonymous: false });
    const rounds = `/rounds/${round.body.round.id}`;
    await api(`${rounds}/votes`, { itemId: note });
    await api(`${rounds}/votes`, { itemId: concept });
    await api(`${rounds}/votes`, { itemId: crowded });
    await api(`${rounds}/close`);
    for (const itemId of [note, concept]) {
      await api('/followups', { itemId, title: 'Next', owner: { name: 'Ben' } });
    }
    fran = await openAs(browser, server, boardId, created.keys.facilitator, 'Fran');
    await fran.page.locator(`[data-overlay-of="${note}"] [data-result-rank="1"]`).waitFor();
    await fran.page.locator(`[data-overlay-of="${concept}"] .wk-fu-mark`).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('at the first view and zoomed out, over a note and a concept card the facilitator points at', async () => {
    const { page } = fran;
    for (const below of [Number.POSITIVE_INFINITY, 0.6]) {
      // An empty spot near the canvas's top edge: the keys go to the board.
      const canvas = (await page.locator('.im-canvas').boundingBox())!;
      await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + 12);
      while ((await zoomOf(page)) >= below) await page.keyboard.press('-');
      // Pointing at the card draws the assign button in its foot too.
      await page.locator(`[data-item-id="${concept}"] .im-concept-title`).hover();
      await page.locator(`[data-overlay-of="${concept}"] .wk-assign`).waitFor();
      const zoom = Math.round((await zoomOf(page)) * 100);
      await page.screenshot({ path: `${SCREENSHOTS}/overlay-foot-${zoom}.png` });
      expect(await hidden(page, note)).toEqual([]);
      expect(await hidden(page, concept)).toEqual([]);
    }
  });

  it('a note the facilitator selects keeps its words above its foot at 100 %, 50 % and 25 %, the last shown ending in "…" (QA)', async () => {
    const { page } = fran;
    const selected = page.locator(`[data-item-id="${note}"]`);
    for (const target of [1, 0.5, 0.25]) {
      // About the note, which stays under the pointer: a click there selects it, and the assign
      // button joins the badge and the follow-up mark in its foot.
      const zoom = Math.round((await zoomTo(page, target, selected)) * 100);
      await selected.locator('.im-text').click();
      await page.locator(`[data-overlay-of="${note}"].item-selected .wk-assign`).waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}/overlay-foot-selected-${zoom}.png` });
      const text = await linesOf(page, note);
      // Zoomed out the foot shrinks less than the note: it is more than the one row the note's
      // bottom padding holds, so what the test asks is asked.
      if (target < 1) expect(text.footTop, `at ${zoom} %`).toBeLessThan(text.paddingTop);
      expect(await hidden(page, note), `at ${zoom} %`).toEqual([]);
      expect(text.shown, `at ${zoom} %`).toBeGreaterThan(0);
      // Cut short above the foot, the words say so: the last line shown ends in "…".
      if (text.shown < text.all) expect(text.clamp, `at ${zoom} %`).toBe(String(text.shown));
    }
  });

  it('a note the facilitator edits keeps the line being typed above its foot at 100 %, 50 % and 25 % (QA)', async () => {
    const { page } = fran;
    const edited = page.locator(`[data-item-id="${note}"]`);
    for (const target of [1, 0.5, 0.25]) {
      const zoom = Math.round((await zoomTo(page, target, edited)) * 100);
      await edited.locator('.im-text').dblclick();
      const editor = edited.locator('textarea.im-editor');
      await editor.waitFor();
      // The editor has the focus: the assign button is in the foot, beside the badge and the mark.
      await overlayOf(page, note).locator('.wk-assign').waitFor();
      await page.keyboard.press('Control+End');
      for (const typing of [' and at once', 'Enter', 'a line of its own']) {
        if (typing === 'Enter') await page.keyboard.press('Enter');
        else await page.keyboard.type(typing);
        const caret = await caretLineOf(page, note);
        const at = `at ${zoom} %, after "${typing}"`;
        expect(caret.atEnd, at).toBe(true);
        // More than one row: the foot rises over where the note's words would be.
        const footTop = Math.min(...caret.foot.map((control) => control.top));
        expect(footTop, at).toBeLessThan(caret.paddingTop);
        // In sight: inside the editor, which clips what it scrolls away, and clear of the foot.
        expect(caret.line.top, at).toBeGreaterThanOrEqual(caret.editor.top - 0.5);
        expect(caret.line.bottom, at).toBeLessThanOrEqual(caret.editor.bottom + 0.5);
        expect(
          caret.foot.filter((control) => overlaps(caret.line, control)),
          at,
        ).toEqual([]);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/overlay-foot-editing-${zoom}.png` });
      await page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached' });
    }
  });

  it('a concept card with one long field keeps its first step inside the card, clear of the ranking badge (QA)', async () => {
    const { page } = fran;
    const card = page.locator(`[data-item-id="${crowded}"]`);
    await overlayOf(page, crowded).locator('[data-result-rank="1"]').waitFor();
    await card.scrollIntoViewIfNeeded();
    const boxes = await card.evaluate((item) => {
      const rect = (element: Element | null) => {
        const { top, bottom, left, right } = element!.getBoundingClientRect();
        return { top, bottom, left, right };
      };
      return {
        card: rect(item),
        fields: [...item.querySelectorAll('.im-concept-field')].map(rect),
        badge: rect(
          document
            .querySelector(`[data-overlay-of="${item.getAttribute('data-item-id')}"]`)!
            .querySelector('.wk-badge'),
        ),
      };
    });
    await page.screenshot({ path: `${SCREENSHOTS}/overlay-foot-crowded.png` });
    const firstStep = boxes.fields.at(-1)!;
    expect(boxes.fields).toHaveLength(8);
    // Not under the foot's badge, nor pushed out of the card (which clips what overflows it).
    expect(boxes.fields.filter((field) => overlaps(field, boxes.badge))).toEqual([]);
    expect(firstStep.bottom).toBeLessThanOrEqual(boxes.card.bottom);
  });
});
