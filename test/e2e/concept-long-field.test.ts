/**
 * A concept card's field longer than its row has room for ends on a whole line, in "…", with
 * all of its words in the field's title: it was cut across a line, the next line's tops of
 * letters showing under it, and nothing said that it went on (QA). Checked from the boxes the
 * page lays out, at full size and zoomed out (where the foot's room takes more of the card), on
 * a card of the default size and on one made tall, and after someone else writes more.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addItem, CONCEPT_FIELDS, itemsOf } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { zoomTo } from './canvas-helpers.ts';
import { openAs, type Person, SCREENSHOTS } from './workshop-helpers.ts';

const LONG =
  'Evening callers cannot reach anyone after five, so they leave a message, wait a day for a call back, miss it at work, and in the end come to the counter in person to ask the same question again.';

interface FieldLines {
  field: string;
  /** Lines of its words laid out, and those inside what the card shows. */
  all: number;
  shown: number;
  /** Lines the card shows only part of: across the edge of the field's clip. */
  cut: number;
  clamp: string;
  title: string | null;
}

/** Each field of card `id`: its lines of words, as laid out and as shown. */
function fieldsOf(page: Page, id: string): Promise<FieldLines[]> {
  return page.evaluate((itemId) => {
    const rows = document.querySelectorAll<HTMLElement>(`[data-item-id="${itemId}"] [data-field]`);
    return [...rows].map((row) => {
      const words = row.querySelector('dd')!;
      // What shows of the words: inside their own box and their row's (both clip).
      const own = words.getBoundingClientRect();
      const clip = row.getBoundingClientRect();
      const bottom = Math.min(
        own.bottom,
        clip.bottom - Number.parseFloat(getComputedStyle(row).borderBottomWidth),
      );
      const range = document.createRange();
      range.selectNodeContents(words);
      const lines = [...range.getClientRects()].filter((line) => line.width > 0);
      const tops = (some: DOMRect[]) => new Set(some.map((line) => Math.round(line.top))).size;
      return {
        field: row.dataset.field ?? '',
        all: tops(lines),
        shown: tops(lines.filter((line) => line.bottom <= bottom + 0.5)),
        cut: tops(lines.filter((line) => line.top < bottom - 0.5 && line.bottom > bottom + 0.5)),
        clamp: getComputedStyle(words).webkitLineClamp,
        title: words.getAttribute('title'),
      };
    });
  }, id);
}

describe.skipIf(!HAS_CHROMIUM)('a long concept-card field on the canvas', () => {
  let server: TestServer;
  let browser: Browser;
  let writer: ReturnType<typeof socketIoClient>;
  let pia: Person;
  let card = '';
  let tall = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Concepts' });
    const boardId = created.board.id;
    const facilitator = await server.join(boardId, created.keys.facilitator, 'Seeder');
    writer = socketIoClient(server.url, boardId, facilitator.token);
    await writer.synced;
    const fields = Object.fromEntries(CONCEPT_FIELDS.map((field) => [field, `The ${field}`]));
    card = addItem(writer.doc, {
      type: 'concept',
      x: 0,
      y: 0,
      title: 'Evening chat service',
      fields: { ...fields, customerNeed: LONG },
    });
    tall = addItem(writer.doc, {
      type: 'concept',
      x: 480,
      y: 0,
      h: 1100,
      title: 'Call-back promise',
      // No Name field: its title names it, and the other seven rows share the card.
      fields: { ...fields, name: '', customerNeed: `${LONG} ${LONG}` },
    });
    await waitFor(
      () => server.documents.open({ boardId }).doc.getMap('items').has(tall),
      'the cards on the server',
    );
    pia = await openAs(browser, server, boardId, created.keys.participant, 'Pia');
    await pia.page.locator(`[data-item-id="${tall}"] [data-field="customerNeed"] dd`).waitFor();
  });

  afterAll(async () => {
    writer?.destroy();
    await browser?.close();
    await server?.close();
  });

  it('ends on a whole line in "…", all of it in its title, at full size and zoomed out', async () => {
    const { page } = pia;
    for (const target of [1, 0.5]) {
      const zoom = Math.round(
        (await zoomTo(page, target, page.locator(`[data-item-id="${card}"]`))) * 100,
      );
      await page.screenshot({ path: `${SCREENSHOTS}/concept-long-field-${zoom}.png` });
      for (const id of [card, tall]) {
        const fields = await fieldsOf(page, id);
        const where = `${id === card ? 'the card' : 'the tall card'} at ${zoom} %`;
        expect(fields.map((field) => field.field).includes('name'), where).toBe(id === card);
        // No line shown in part, in any field.
        expect(
          fields.filter((field) => field.cut > 0),
          where,
        ).toEqual([]);
        const long = fields.find((field) => field.field === 'customerNeed')!;
        expect(long.shown, where).toBeGreaterThan(0);
        expect(long.shown, where).toBeLessThan(long.all);
        // The last line shown is the clamp's: it ends in "…".
        expect(long.clamp, where).toBe(String(long.shown));
        expect(long.title, where).toBe(id === card ? LONG : `${LONG} ${LONG}`);
        // A field that fits says nothing more on a hover.
        expect(fields.filter((field) => field.title !== null).map((field) => field.field)).toEqual([
          'customerNeed',
        ]);
      }
    }
    // Made tall, the card shows more of the field, still ending in "…".
    const onCard = (await fieldsOf(page, card)).find((field) => field.field === 'customerNeed')!;
    const onTall = (await fieldsOf(page, tall)).find((field) => field.field === 'customerNeed')!;
    expect(onTall.shown).toBeGreaterThan(onCard.shown);
  });

  it('a field someone else writes at length ends in "…" too, its title all of it', async () => {
    const { page } = pia;
    const more = ` ${LONG}`;
    const idea = itemsOf(writer.doc).get(card)?.get('fields') as Y.Map<Y.Text>;
    idea.get('serviceIdea')?.insert(idea.get('serviceIdea')?.length ?? 0, more);
    const words = page.locator(`[data-item-id="${card}"] [data-field="serviceIdea"] dd`);
    await expect.poll(() => words.getAttribute('title')).toBe(`The serviceIdea${more}`);
    const field = (await fieldsOf(page, card)).find((entry) => entry.field === 'serviceIdea')!;
    expect(field.cut).toBe(0);
    expect(field.clamp).toBe(String(field.shown));
  });
});
