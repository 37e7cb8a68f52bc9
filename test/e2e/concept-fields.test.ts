/**
 * A concept card's fields are reachable without a mouse: a participant fills them from the
 * outline (how a phone or screen-reader user works) and, on the canvas, with the keyboard alone
 * (Enter, then Tab from the title through the fields). The card asks for its name once, in its
 * title; a Name field shows only where someone wrote in it. A stock y-websocket client reading
 * the board document is the judge of what reached the board.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  CONCEPT_FIELDS,
  type Item,
  itemsOf,
  readItems,
} from '../../shared/board-document.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
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
  let facilitatorToken: string;
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
    facilitatorToken = facilitator.token;
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
    // The concept's name has focus first; every field is labelled in the UI language. Its name
    // is asked for once: no empty Name field besides.
    expect(await focusedName(page)).toBe('Concept name');
    expect(await form.getByLabel('Name', { exact: true }).count()).toBe(0);
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
    // A name someone gave opens with the caret at its end: one key does not replace it (QA).
    const name = page.getByRole('textbox', { name: 'Concept name' });
    expect(
      await name.evaluate((field: HTMLInputElement) => [field.selectionStart, field.selectionEnd]),
    ).toEqual(['Mobile library'.length, 'Mobile library'.length]);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Library van');
    // The empty Name field is not shown, nor a stop: the title is the concept's name.
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Target customer');
    await page.keyboard.type('Remote villages');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Customer need');
    await page.keyboard.type('A library nearby');
    // Shift+Tab goes back a field, with what was typed there.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe('Target customer');
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
      fields: { name: '', targetCustomer: 'Remote villages', customerNeed: 'A library nearby' },
    });
    // Shift+Tab before the title leaves the card's editors: Tab never traps the keyboard.
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe('Concept name');
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

  it('a new card from the concept tool asks for its name once, in its heading; Tab goes on to the next field shown', async () => {
    const { page } = pia;
    const before = new Set(readItems(observer.doc).map((entry) => entry.id));
    const made = () =>
      readItems(observer.doc).find((entry) => entry.type === 'concept' && !before.has(entry.id));
    await page.locator('.im-surface').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await page.keyboard.press('Enter');
    // The heading is written first, and says it is the concept's name.
    const heading = page.getByRole('textbox', { name: 'Concept name', exact: true });
    await heading.waitFor();
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await heading.getAttribute('placeholder')).toBe('Concept name');
    expect(await heading.inputValue()).toBe('New service concept');
    await waitFor(() => made() !== undefined, 'the new card on the board');
    const id = made()?.id ?? '';
    const card = item(page, id);
    // No Name row under it: the other seven, sharing the card's room down to its foot.
    expect(
      await card
        .locator('[data-field]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field'))),
    ).toEqual(CONCEPT_FIELDS.filter((field) => field !== 'name'));
    expect(await card.locator('.im-concept-field dt').allTextContents()).not.toContain('Name');
    const room = await card.locator('.im-concept-fields').evaluate((list) => ({
      list: list.getBoundingClientRect().bottom,
      last: list.lastElementChild?.getBoundingClientRect().bottom ?? 0,
    }));
    expect(Math.abs(room.list - room.last)).toBeLessThan(1.5);
    // Emptied, it still says what goes there.
    await page.keyboard.press('Backspace');
    await screenshot(page, 'concept-new-card-editing', `[data-item-id="${id}"]`);
    await page.keyboard.type('Evening library');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Target customer');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe('Concept name');
    await page.keyboard.press('Escape');
    await waitFor(() => concept(id)?.title === 'Evening library', 'the name to reach the board');
    // The document's shape is as ever: the Name field is there, empty.
    expect(concept(id)?.fields.name).toBe('');
    await page.getByRole('group', { name: 'Concept card: Evening library', exact: true }).waitFor();
    await zoomToFit(page);
    await screenshot(page, 'concept-new-card', `[data-item-id="${id}"]`);
    await screenshot(page, 'concept-new-card-board');
  });

  it('a Name field a stock client filled in shows on the card with its words, and in the Tab order', async () => {
    const { page } = pia;
    const writer = socketIoClient(server.url, boardId, facilitatorToken);
    await writer.synced;
    let named = '';
    let sauna = '';
    writer.doc.transact(() => {
      named = addItem(writer.doc, {
        type: 'concept',
        x: 0,
        y: 2000,
        title: 'Community kitchen',
        fields: { name: 'Kitchen for all', targetCustomer: 'Neighbours' },
      });
      sauna = addItem(writer.doc, {
        type: 'concept',
        x: 500,
        y: 2000,
        title: 'New service concept',
        fields: { name: 'Mobile sauna' },
      });
    });
    const card = item(page, named);
    await card.locator('[data-field="name"] dd').waitFor();
    expect(await card.locator('[data-field="name"] dt').textContent()).toBe('Name');
    expect(await card.locator('[data-field="name"] dd').textContent()).toBe('Kitchen for all');
    expect(await card.locator('[data-field]').count()).toBe(CONCEPT_FIELDS.length);
    await zoomToFit(page);
    await card.locator('.im-concept-title').click();
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe('Concept name');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Name');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Target customer');
    await page.keyboard.press('Escape');
    // Words written into an empty Name field show as they arrive.
    const fields = itemsOf(writer.doc).get(onCanvas)?.get('fields') as Y.Map<Y.Text>;
    fields.get('name')?.insert(0, 'Book bus');
    await item(page, onCanvas).locator('[data-field="name"] dd', { hasText: 'Book bus' }).waitFor();
    await screenshot(page, 'concept-stock-name', `[data-item-id="${named}"]`);

    // The outline offers the Name field with its words, and says a name once.
    await showOutline(page);
    await page.getByRole('button', { name: 'Edit “Community kitchen”' }).click();
    const form = page.getByRole('form', { name: 'Edit “Community kitchen”' });
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('Kitchen for all');
    await form.getByRole('button', { name: 'Cancel' }).click();
    const line = await page
      .locator(`[data-outline-item-id="${sauna}"] .ol-item-head`)
      .textContent();
    expect(line?.split('Mobile sauna')).toHaveLength(2);
    await page.locator('button[data-view="canvas"]').click();
    writer.destroy();
  });
});
