import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { openBoard, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { waitFor, yWebsocketClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { addNoteByDoubleClick } from './canvas-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('a stock Yjs client and the web board', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  /** A new board, and a stock y-websocket client on it as its facilitator, synced. */
  async function boardWithStockClient() {
    const { board, tokens } = await server.boardWithMembers();
    const stock = yWebsocketClient(server.url, board.board.id, tokens.facilitator);
    await stock.synced;
    return { board, stock };
  }

  it('a note added over y-websocket shows on the board, and typing on it goes back', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
    await waitForConnection(page);

    const stock = yWebsocketClient(server.url, board.board.id, tokens.facilitator);
    await stock.synced;
    const id = addItem(stock.doc, { type: 'note', x: 40, y: 40, text: 'Hello from plain Yjs' });

    const note = page.locator(`[data-item-id="${id}"]`);
    await note.waitFor();
    expect(await note.getAttribute('data-item-type')).toBe('note');
    expect(await note.locator('[data-item-text]').textContent()).toBe('Hello from plain Yjs');

    // A later change from the stock client shows too, without a reload.
    const text = itemsOf(stock.doc).get(id)?.get('text') as Y.Text;
    text.insert(text.length, ', edited');
    await expect
      .poll(() => note.locator('[data-item-text]').textContent())
      .toBe('Hello from plain Yjs, edited');

    // Typing on the board reaches the stock client.
    await note.dblclick();
    await page.keyboard.type(' and from the board');
    await page.keyboard.press('Escape');
    await waitFor(
      () => text.toString() === 'Hello from plain Yjs, edited and from the board',
      'the browser edit at the stock client',
    );
    stock.destroy();
    await context.close();
  });

  it('entries of items that are not maps are no items: the board, the outline and new notes carry on', async () => {
    const { board, stock } = await boardWithStockClient();
    const before = addItem(stock.doc, { type: 'note', x: 40, y: 40, text: 'Before the odd ones' });
    const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
    await waitForConnection(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.locator(`[data-item-id="${before}"]`).waitFor();

    // While the page is open, a stock client writes entries that are not maps (PROTOCOL.md:
    // readers are tolerant), then a note after them.
    stock.doc.transact(() => {
      const items = itemsOf(stock.doc) as unknown as Y.Map<unknown>;
      items.set('a-string', 'not an item');
      items.set('a-number', 42);
      items.set('an-object', { type: 'note', x: 0, y: 0 });
      items.set('a-text', new Y.Text('no map'));
    });
    const after = addItem(stock.doc, { type: 'note', x: 300, y: 40, text: 'After them' });
    await page.locator(`[data-item-id="${after}"]`).waitFor();
    expect(await page.locator('[data-item-id]').count()).toBe(2);
    // A note made on the canvas, stacked above the others (which reads every entry's z).
    await addNoteByDoubleClick(page, 0.7, 0.7, 'Made on the canvas');
    await waitFor(
      () =>
        [...itemsOf(stock.doc).values()].some(
          (map) => map instanceof Y.Map && map.get('text')?.toString() === 'Made on the canvas',
        ),
      'the new note at the stock client',
    );
    // The outline lists the three notes.
    await page.getByRole('button', { name: 'Outline' }).click();
    await expect.poll(() => page.locator('[data-outline-item-id]').count()).toBe(3);
    expect(await page.getByText('could not be loaded').count()).toBe(0);
    expect(errors).toEqual([]);
    stock.destroy();
    await context.close();
  });

  it('text a stock client wrote as a plain string, or left out, is edited on the canvas like any', async () => {
    const { board, stock } = await boardWithStockClient();
    const items = itemsOf(stock.doc);
    const note = new Y.Map<unknown>();
    const concept = new Y.Map<unknown>();
    const fields = new Y.Map<unknown>();
    stock.doc.transact(() => {
      items.set('plain-note', note as never);
      for (const [key, value] of Object.entries({ type: 'note', x: 0, y: 0, w: 200, h: 200 }))
        note.set(key, value);
      note.set('text', 'Written as a string');
      items.set('sparse-concept', concept as never);
      for (const [key, value] of Object.entries({ type: 'concept', x: 400, y: 0, title: 'Sparse' }))
        concept.set(key, value);
      // The name as a plain string; every other field left out.
      concept.set('fields', fields);
      fields.set('name', 'Named plainly');
    });
    const { context, page } = await openBoard(browser, board.links.facilitator, 'Fia');
    await waitForConnection(page);
    const noteOnPage = page.locator('[data-item-id="plain-note"]');
    await noteOnPage.waitFor();

    await noteOnPage.dblclick();
    await page.locator('.im-note textarea.im-editor').waitFor();
    await page.keyboard.press('End');
    await page.keyboard.type(', edited');
    await page.keyboard.press('Escape');
    await waitFor(() => note.get('text')?.toString() === 'Written as a string, edited', 'the note');
    expect(note.get('text')).toBeInstanceOf(Y.Text);

    const conceptOnPage = page.locator('[data-item-id="sparse-concept"]');
    for (const [field, typed, result] of [
      ['name', ' and live', 'Named plainly and live'],
      ['firstStep', 'Call the pilot team', 'Call the pilot team'],
    ] as const) {
      await conceptOnPage.locator(`[data-field="${field}"]`).dblclick();
      await page.locator('.im-field-editor').waitFor();
      await page.keyboard.press('End');
      await page.keyboard.type(typed);
      await page.keyboard.press('Escape');
      await waitFor(() => fields.get(field)?.toString() === result, field);
      expect(fields.get(field)).toBeInstanceOf(Y.Text);
    }
    stock.destroy();
    await context.close();
  });

  it('one item far beyond the rest, where no page can draw it, leaves the first view and the fit on the board', async () => {
    const { board, stock } = await boardWithStockClient();
    const near = addItem(stock.doc, { type: 'note', x: 40, y: 40, text: 'Where the work is' });
    addItem(stock.doc, { type: 'note', x: 300, y: 40, text: 'Beside it' });
    addItem(stock.doc, { type: 'note', x: 1e12, y: -1e12, text: 'Out of reach' });
    const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
    await waitForConnection(page);
    const note = page.locator(`[data-item-id="${near}"]`);
    await note.waitFor();
    const inView = async () => {
      const box = (await note.boundingBox())!;
      const surface = (await page.locator('.im-surface').boundingBox())!;
      return (
        box.x >= surface.x &&
        box.y >= surface.y &&
        box.x + box.width <= surface.x + surface.width &&
        box.y + box.height <= surface.y + surface.height &&
        box.width > 40
      );
    };
    await expect.poll(inView).toBe(true);
    // Away, then back with "zoom to fit".
    await page.mouse.move(400, 400);
    await page.mouse.wheel(0, 3000);
    await page.locator('.im-zoom [data-action="zoom-to-fit"]').click();
    await expect.poll(inView).toBe(true);
    stock.destroy();
    await context.close();
  });
});
