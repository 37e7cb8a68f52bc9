/**
 * Tab reads the board as people do, in real Chromium: on a customer journey, the title, the
 * stages, then lane by lane, each lane's notes stage by stage, whatever order the notes were
 * made in (the items' elements stay in drawing order, which their stacking needs). Shift+Tab
 * goes back the same way; past either end the keyboard leaves the canvas.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, itemLabel, readItems } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item } from './canvas-helpers.ts';
import { openAs, type Person } from './workshop-helpers.ts';

/** Made in this order: lane (0 People … 4 Customer's feelings), stage (0 … 4), y in the lane. */
const NOTES = [
  { text: 'Objects, using the service', lane: 2, stage: 3, y: 20 },
  { text: 'People, first contact', lane: 0, stage: 2, y: 20 },
  { text: 'People, need arises, lower', lane: 0, stage: 0, y: 125 },
  { text: 'Feelings, afterwards', lane: 4, stage: 4, y: 20 },
  { text: 'People, need arises', lane: 0, stage: 0, y: 10 },
  { text: 'Environments, finding', lane: 1, stage: 1, y: 60 },
];

/** The words a person reads the journey by, in reading order. */
const READING = [
  'Customer journey',
  'Need arises',
  'Finding the service',
  'First contact',
  'Using the service',
  'Afterwards',
  'People',
  'People, need arises',
  'People, need arises, lower',
  'People, first contact',
  'Environments (virtual and physical)',
  'Environments, finding',
  'Objects',
  'Objects, using the service',
  'Practices',
  'Beside practices',
  "Customer's feelings",
  'Feelings, afterwards',
];

/** What `focused` says when the focus is on no item. */
const OFF_THE_ITEMS = ['outside', 'body', 'surface'];

describe.skipIf(!HAS_CHROMIUM)('Tab on the canvas follows the reading order', () => {
  let server: TestServer;
  let browser: Browser;
  let pia: Person;
  /** Item id to its words, for readable failures. */
  const words = new Map<string, string>();
  let ids: string[];

  /** Where the focus is: its item's words, or "outside" the board's surface. */
  const focused = (page: Page) =>
    page
      .evaluate(() => {
        const element = document.activeElement;
        const id = element?.closest('[data-item-id]')?.getAttribute('data-item-id');
        if (id) return id;
        if (!element || element === document.body) return 'body';
        return element.closest('.im-surface') ? 'surface' : 'outside';
      })
      .then((id) => words.get(id) ?? id);

  /** Presses `key` until the focus leaves the items; the items it was on, each once. */
  async function walk(page: Page, key: string): Promise<{ seen: string[]; left: string }> {
    const seen = [await focused(page)];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press(key);
      const now = await focused(page);
      if (OFF_THE_ITEMS.includes(now)) return { seen, left: now };
      // An item's own controls (an assign button) come after it: the same item again.
      if (seen.at(-1) !== now) seen.push(now);
    }
    return { seen, left: 'still on the items' };
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Journey', template: 'customer-journey' });
    const boardId = created.board.id;
    const seeder = await server.join(boardId, created.keys.facilitator, 'Seeder');
    const writer = socketIoClient(server.url, boardId, seeder.token);
    await writer.synced;
    const lanes = readItems(writer.doc)
      .filter((i) => i.type === 'frame')
      .sort((a, b) => a.y - b.y);
    const added = NOTES.map(({ text, lane, stage, y }) => {
      const frame = lanes[lane]!;
      // Stage i is the lane's column i + 1, 320 wide from x 220 (the lane's title has column 0).
      const x = frame.x + 220 + stage * 320 + 40;
      return addItem(writer.doc, {
        type: 'note',
        x,
        y: frame.y + y,
        w: 200,
        h: 100,
        text,
        parent: frame.id,
      });
    });
    // Beside the Practices lane, in no frame: read after that lane, before the next.
    const beside = { x: 1900, y: lanes[3]!.y + 40, w: 200, h: 100, text: 'Beside practices' };
    added.push(addItem(writer.doc, { type: 'note', ...beside }));
    await waitFor(() => {
      const stored = server.documents.open({ boardId }).doc.getMap('items');
      return added.every((id) => stored.has(id));
    }, 'the notes on the server');
    for (const board of readItems(writer.doc)) words.set(board.id, itemLabel(board));
    writer.destroy();
    ids = READING.map((text) => [...words].find(([, w]) => w === text)![0]);
    pia = await openAs(browser, server, boardId, created.keys.participant, 'Pia');
    await pia.page.locator('[data-item-type="note"]').nth(NOTES.length).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('goes lane by lane, each lane stage by stage, then leaves the canvas', async () => {
    const page = pia.page;
    await item(page, ids[0]!).focus();
    const { seen, left } = await walk(page, 'Tab');
    expect(seen).toEqual(READING);
    // Past the last item, on to what follows the board (its tool bar), as before.
    expect(left).toBe('outside');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.im-toolbar'))).toBe(true);
    // Back into the board from its tool bar: the last item read, not the note made last.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe(READING.at(-1));
  });

  it('goes back the same way with Shift+Tab, and leaves before the first item', async () => {
    const page = pia.page;
    await item(page, ids.at(-1)!).focus();
    const { seen, left } = await walk(page, 'Shift+Tab');
    expect(seen).toEqual([...READING].reverse());
    expect(left).not.toBe('body');
    expect(left).not.toBe('surface');
    // Back into the board from before it: the first item read, not the frame drawn first.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(READING[0]);
    expect(pia.errors).toEqual([]);
  });
});
