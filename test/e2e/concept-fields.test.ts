/**
 * A concept card's eight fields are reachable without a mouse: a participant fills them from
 * the outline (how a phone or screen-reader user works) and, on the canvas, with the keyboard
 * alone (Enter, then Tab from the title through the fields). A stock y-websocket client
 * reading the board document is the judge of what reached the board.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, type Item, itemsOf, readItems } from '../../shared/board-document.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { item, zoomToFit } from './canvas-helpers.ts';
import { openAs, type Person, screenshot, showOutline } from './workshop-helpers.ts';

type Concept = Extract<Item, { type: 'concept' }>;

/** The accessible name of whatever has focus: its aria-label, else its label's text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return element?.getAttribute('aria-label') ?? element?.labels?.[0]?.textContent ?? '';
  });

describe.skipIf(!HAS_CHROMIUM)('filling in a concept card without a mouse', () => {
  let server: TestServer;
  let browser: Browser;
  let observer: ReturnType<typeof yWebsocketClient>;
  let pia: Person;
  let boardId: string;
  let viewerKey: string;
  let inOutline = '';
  let onCanvas = '';
  const concept = (id: string) =>
    readItems(observer.doc).find(
      (entry): entry is Concept => entry.id === id && entry.type === 'concept',
    );

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Concept day' });
    boardId = created.board.id;
    viewerKey = created.keys.viewer;
    const facilitator = await server.join(boardId, created.keys.facilitator, 'Observer');
    observer = yWebsocketClient(server.url, boardId, facilitator.token);
    await observer.synced;
    observer.doc.transact(() => {
      inOutline = addItem(observer.doc, { type: 'concept', x: 0, y: 0, title: 'Night bus' });
      onCanvas = addItem(observer.doc, { type: 'concept', x: 500, y: 0, title: 'Mobile library' });
    });
    pia = await openAs(browser, server, boardId, created.keys.participant, 'Pia');
  });
  afterAll(async () => {
    observer?.destroy();
    await browser?.close();
    await server?.close();
  });

  it('a participant edits a concept’s title and fields in the outline; everyone’s board has them', async () => {
    const { page } = pia;
    await showOutline(page);
    await page.getByRole('button', { name: 'Edit “Night bus”' }).click();
    const form = page.getByRole('form', { name: 'Edit “Night bus”' });
    // The title has focus first; every field is labelled with its name in the UI language.
    expect(await focusedName(page)).toBe('Title');
    await page.keyboard.type(' home');
    await form.getByLabel('Target customer').fill('Shift workers');
    await form.getByLabel('First step').fill('Ask the bus company for night data');
    await screenshot(page, 'concept-fields-outline', '[data-outline-item-id]');
    await form.getByRole('button', { name: 'Save' }).click();

    await waitFor(
      () => concept(inOutline)?.fields.firstStep !== '',
      'the fields to reach the board',
    );
    expect(concept(inOutline)).toMatchObject({
      title: 'Night bus home',
      fields: {
        targetCustomer: 'Shift workers',
        firstStep: 'Ask the bus company for night data',
        customerNeed: '',
      },
    });
    // Still the documented shape: each field its own Y.Text, so later edits merge.
    const fields = itemsOf(observer.doc).get(inOutline)?.get('fields') as Y.Map<unknown>;
    expect(fields.get('targetCustomer')).toBeInstanceOf(Y.Text);
    // Focus goes back to the Edit button, and the outline shows the new words.
    expect(await focusedName(page)).toBe('Edit “Night bus home”');
    await page
      .locator(`[data-outline-item-id="${inOutline}"]`, { hasText: 'Shift workers' })
      .waitFor();
  });

  it('what someone else writes while the form is open is kept when it saves', async () => {
    const { page } = pia;
    const textOf = (id: string) => itemsOf(observer.doc).get(id)?.get('text') as Y.Text;
    const fieldsOf = (id: string) => itemsOf(observer.doc).get(id)?.get('fields') as Y.Map<Y.Text>;
    /** Changes the board on another client, with a note that shows once it reached Pia. */
    const elsewhere = async (change: () => void, marker: string) => {
      observer.doc.transact(() => {
        change();
        addItem(observer.doc, { type: 'note', x: 900, y: 900, text: marker });
      });
      await page.locator('[data-outline-item-id]', { hasText: marker }).waitFor();
    };
    const note = addItem(observer.doc, { type: 'note', x: 0, y: 600, text: 'Buses every hour' });
    await page.getByRole('button', { name: 'Edit “Buses every hour”' }).click();
    await page
      .locator(`[data-outline-item-id="${note}"] textarea`)
      .fill('Buses every hour, all night');
    await elsewhere(() => textOf(note).insert(0, 'Free '), 'marker 1');
    await page
      .locator(`[data-outline-item-id="${note}"]`)
      .getByRole('button', { name: 'Save' })
      .click();
    await waitFor(() => textOf(note).toString().includes('all night'), 'the saved note');
    expect(textOf(note).toString()).toBe('Free Buses every hour, all night');

    await page.getByRole('button', { name: 'Edit “Night bus home”' }).click();
    const form = page.getByRole('form', { name: 'Edit “Night bus home”' });
    await form.getByLabel('Target customer').fill('Night-shift workers');
    const field = () => fieldsOf(inOutline).get('targetCustomer');
    await elsewhere(() => field()?.insert('Shift workers'.length, ' and students'), 'marker 2');
    await form.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => field()?.toString().startsWith('Night') === true, 'the saved field');
    expect(field()?.toString()).toBe('Night-shift workers and students');
  });

  it('a viewer gets no Edit button on a concept', async () => {
    const viewer = await openAs(browser, server, boardId, viewerKey, 'Vera');
    await showOutline(viewer.page);
    await viewer.page.locator(`[data-outline-item-id="${inOutline}"]`).waitFor();
    expect(await viewer.page.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    await viewer.context.close();
  });

  it('on the canvas, Enter opens the title and Tab walks the fields, keyboard only', async () => {
    const { page } = pia;
    await page.locator('button[data-view="canvas"]').click();
    await item(page, onCanvas).waitFor();
    await zoomToFit(page);
    await item(page, onCanvas).click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Library van');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Name');
    await page.keyboard.type('Book bus');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Target customer');
    await page.keyboard.type('Remote villages');
    // Shift+Tab goes back a field, with what was typed there.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe('Name');
    await page.keyboard.press('Escape');
    // The card keeps the focus, ready for the next key.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item-id'))).toBe(
      onCanvas,
    );
    await waitFor(
      () => concept(onCanvas)?.fields.targetCustomer === 'Remote villages',
      'the keyboard-typed field to reach the board',
    );
    expect(concept(onCanvas)).toMatchObject({
      title: 'Library van',
      fields: { name: 'Book bus', targetCustomer: 'Remote villages' },
    });
    // Shift+Tab before the title leaves the card's editors: Tab never traps the keyboard.
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe('Edit title');
    await page.keyboard.press('Shift+Tab');
    expect(
      await page
        .locator(`[data-item-id="${onCanvas}"] input, [data-item-id="${onCanvas}"] textarea`)
        .count(),
    ).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item-id'))).toBe(
      onCanvas,
    );
  });

  it('the keyboard help says how', async () => {
    const { page } = pia;
    await page.keyboard.press('?');
    const dialog = page.locator('dialog.im-help');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Editing a concept card: Tab / Shift+Tab');
    await page.keyboard.press('Escape');
  });
});
