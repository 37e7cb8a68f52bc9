/**
 * One person editing on the canvas with mouse and keyboard; the board document (read by a
 * plain Yjs client) is the judge of what happened.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addItem,
  type Item,
  itemsOf,
  NOTE_COLORS,
  readItems,
} from '../../shared/board-document.ts';
import {
  joinByLink,
  type OpenedBoard,
  openBoard,
  waitForConnection,
} from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { canvasPoint, centreOf, drag, item, zoomOf, zoomToFit } from './canvas-helpers.ts';

type Note = Extract<Item, { type: 'note' | 'text' }>;

/** WCAG contrast of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? [])
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe.skipIf(!HAS_CHROMIUM)('editing on the canvas', () => {
  let server: TestServer;
  let browser: Browser;
  let me: OpenedBoard;
  let page: Page;
  let observer: ReturnType<typeof socketIoClient>;
  let links: Record<'facilitator' | 'participant' | 'viewer', string>;
  const items = () => readItems(observer.doc);
  const byId = (id: string) => items().find((i) => i.id === id);
  const notes = () => items().filter((i): i is Note => i.type === 'note');
  let first = '';
  let second = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Editing' });
    links = created.links;
    const facilitator = await server.join(created.board.id, created.keys.facilitator, 'Observer');
    observer = socketIoClient(server.url, created.board.id, facilitator.token);
    await observer.synced;
    observer.doc.transact(() => {
      first = addItem(observer.doc, { type: 'note', x: 0, y: 0, text: 'First' });
      second = addItem(observer.doc, { type: 'note', x: 300, y: 0, text: 'Second' });
    });
    me = await openBoard(browser, links.participant, 'Aino');
    page = me.page;
    await waitForConnection(page);
    await item(page, second).waitFor();
    await zoomToFit(page);
  });
  afterAll(async () => {
    observer?.destroy();
    await browser?.close();
    await server?.close();
  });

  it('the keyboard reaches, edits and moves items', async () => {
    await item(page, first).click();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-item-id'));
    expect(await focused()).toBe(first);
    await page.keyboard.press('Enter');
    await page.locator(`[data-item-id="${first}"] textarea`).waitFor();
    await page.keyboard.press('End');
    await page.keyboard.type(' idea');
    await page.keyboard.press('Escape');
    await waitFor(() => (byId(first) as Note | undefined)?.text === 'First idea', 'edited text');
    expect(await focused()).toBe(first);
    // Arrow keys go to the nearest item in that direction; Alt+arrow nudges the selection.
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(second);
    await page.keyboard.press('Alt+ArrowRight');
    await waitFor(() => byId(second)?.x === 310, 'nudged 10 units right');
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await waitFor(() => byId(second)?.y === 1, 'nudged 1 unit down');
    // Items carry an accessible name: their type and text.
    expect(await item(page, first).getAttribute('aria-label')).toBe('Note: First idea');
  });

  it('? opens the list of shortcuts', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    const dialog = page.locator('dialog.im-help');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Ctrl/⌘+Z undo');
    // With a mouse, the keys: nothing about fingers.
    expect(await dialog.locator('h2').textContent()).toBe('Keyboard shortcuts');
    expect(await dialog.textContent()).not.toContain('With a finger');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('duplicate, copy and paste, delete', async () => {
    await item(page, first).click();
    await page.keyboard.press('ControlOrMeta+d');
    await waitFor(() => notes().filter((n) => n.text === 'First idea').length === 2, 'duplicate');
    const copy = notes().find((n) => n.text === 'First idea' && n.id !== first)!;
    expect(copy.x - byId(first)!.x).toBe(24);
    // The copy is selected now: copy it and paste it under the pointer.
    const at = await canvasPoint(page, 0.5, 0.8);
    await page.mouse.move(at.x, at.y);
    await page.keyboard.press('ControlOrMeta+c');
    await page.keyboard.press('ControlOrMeta+v');
    await waitFor(() => notes().filter((n) => n.text === 'First idea').length === 3, 'paste');
    await page.keyboard.press('Delete');
    await waitFor(() => notes().filter((n) => n.text === 'First idea').length === 2, 'delete');
    await item(page, copy.id).click();
    await page.keyboard.press('Backspace');
    await waitFor(() => notes().filter((n) => n.text === 'First idea').length === 1, 'delete 2');
  });

  it('recolours the selection; every note colour keeps its text readable (WCAG AA)', async () => {
    await item(page, first).click();
    for (const color of NOTE_COLORS) {
      await page.locator(`.im-selection-bar .im-swatch[data-color="${color}"]`).click();
      await waitFor(() => byId(first)?.color === color, `colour ${color}`);
      const [fg, bg] = await item(page, first).evaluate((el) => {
        const style = getComputedStyle(el);
        return [style.color, style.backgroundColor];
      });
      expect(contrast(fg!, bg!)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('resizes with the handle', async () => {
    await item(page, first).click();
    const zoom = await zoomOf(page);
    const handle = page.locator(`[data-item-id="${first}"] [data-handle="resize"]`);
    const from = await centreOf(handle);
    await drag(page, from, { x: from.x + 60, y: from.y + 30 });
    // The drag's intermediate sizes are relayed too: wait for the last one.
    await waitFor(
      () =>
        Math.abs(byId(first)!.w - (200 + 60 / zoom)) < 3 &&
        Math.abs(byId(first)!.h - (200 + 30 / zoom)) < 5,
      'wider and taller',
    );
    expect(byId(first)!.h).toBeCloseTo(200 + 30 / zoom, -1);
  });

  it('a drag called off with Escape leaves no undo step: the next undo takes back what came before', async () => {
    await item(page, second).click();
    const x = byId(second)!.x;
    await page.keyboard.press('Alt+ArrowRight');
    await waitFor(() => byId(second)?.x === x + 10, 'nudged');
    const from = await centreOf(item(page, second));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 80, from.y + 40, { steps: 8 });
    await waitFor(() => byId(second)!.x > x + 20, 'moving');
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await waitFor(() => byId(second)?.x === x + 10, 'put back where it was');
    await page.keyboard.press('Control+z');
    await waitFor(() => byId(second)?.x === x, 'the nudge undone');
  });

  it('a rectangle selects several items, which then move together', async () => {
    const a = (await item(page, first).boundingBox())!;
    const b = (await item(page, second).boundingBox())!;
    await drag(
      page,
      { x: Math.min(a.x, b.x) - 20, y: Math.min(a.y, b.y) - 20 },
      {
        x: Math.max(a.x + a.width, b.x + b.width) + 10,
        y: Math.max(a.y + a.height, b.y + b.height) + 10,
      },
    );
    expect(await page.locator('.im-world .im-item.is-selected').count()).toBe(2);
    const before = [byId(first)!, byId(second)!];
    const start = await centreOf(item(page, first));
    const zoom = await zoomOf(page);
    await drag(page, start, { x: start.x + 50, y: start.y + 40 });
    // The drag's intermediate positions are relayed too: wait for the last one, on both items.
    const moved = (index: number, id: string) => ({
      dx: byId(id)!.x - before[index]!.x,
      dy: byId(id)!.y - before[index]!.y,
    });
    await waitFor(() => {
      const [one, two] = [moved(0, first), moved(1, second)];
      return Math.abs(one.dx - 50 / zoom) < 5 && one.dx === two.dx && one.dy === two.dy;
    }, 'moved together');
    const dx = byId(first)!.x - before[0]!.x;
    expect(dx).toBeCloseTo(50 / zoom, -1);
    expect(byId(second)!.x - before[1]!.x).toBe(dx);
    expect(byId(second)!.y - before[1]!.y).toBe(byId(first)!.y - before[0]!.y);
  });

  it('the connector tool joins two items, and the line follows them', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('l');
    await drag(page, await centreOf(item(page, first)), await centreOf(item(page, second)));
    await waitFor(() => items().some((i) => i.type === 'connector'), 'a connector');
    const connector = items().find((i) => i.type === 'connector') as Extract<
      Item,
      { type: 'connector' }
    >;
    expect([connector.from, connector.to]).toEqual([first, second]);
    const line = page.locator(`[data-item-id="${connector.id}"] .im-connector-line`);
    const before = await line.getAttribute('d');
    observer.doc.transact(() => itemsOf(observer.doc).get(second)!.set('y', 400));
    await expect.poll(() => line.getAttribute('d')).not.toBe(before);
    // Drawing tools stay on for the next line; V goes back to selecting.
    const pressed = (tool: string) =>
      page.locator(`.im-toolbar [data-tool="${tool}"]`).getAttribute('aria-pressed');
    expect(await pressed('connector')).toBe('true');
    await page.keyboard.press('v');
    expect(await pressed('select')).toBe('true');
  });

  it('frame titles and concept fields are edited in place', async () => {
    let frameId = '';
    let conceptId = '';
    observer.doc.transact(() => {
      frameId = addItem(observer.doc, {
        type: 'frame',
        x: -900,
        y: 0,
        w: 500,
        h: 400,
        title: 'Stage',
      });
      conceptId = addItem(observer.doc, { type: 'concept', x: 0, y: 900, title: 'Concept' });
    });
    await item(page, conceptId).waitFor();
    await zoomToFit(page);
    await page.locator(`[data-item-id="${frameId}"] [data-handle="title"]`).dblclick();
    const title = page.locator(`[data-title-of="${frameId}"] input`);
    await title.waitFor();
    // A title someone gave opens with the caret at its end (items/title-caret.ts).
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Arrival');
    await page.keyboard.press('Enter');
    await waitFor(
      () => (byId(frameId) as Extract<Item, { type: 'frame' }>).title === 'Arrival',
      'frame title',
    );
    await page.locator(`[data-item-id="${conceptId}"] [data-field="customerNeed"]`).dblclick();
    await page
      .locator(`[data-item-id="${conceptId}"] [data-field="customerNeed"] textarea`)
      .waitFor();
    await page.keyboard.type('Help after office hours');
    await page.keyboard.press('Escape');
    await waitFor(
      () =>
        (byId(conceptId) as Extract<Item, { type: 'concept' }>).fields.customerNeed ===
        'Help after office hours',
      'concept field',
    );
    expect(
      await page
        .locator(`[data-item-id="${conceptId}"] [data-field-text="customerNeed"]`)
        .textContent(),
    ).toBe('Help after office hours');
  });

  it('copied items paste into another board', async () => {
    const other = await server.createBoard({ title: 'Other board' });
    const otherFacilitator = await server.join(other.board.id, other.keys.facilitator, 'Obs');
    const otherObserver = socketIoClient(server.url, other.board.id, otherFacilitator.token);
    await otherObserver.synced;
    try {
      await item(page, second).click();
      await page.keyboard.press('ControlOrMeta+c');
      const next = await me.context.newPage();
      await joinByLink(next, other.links.participant, 'Aino');
      await waitForConnection(next);
      await next.locator('.im-surface').click({ position: { x: 400, y: 300 } });
      // A new page starts with an empty in-memory clipboard: this comes from the system one.
      await next.keyboard.press('ControlOrMeta+v');
      await waitFor(
        () => readItems(otherObserver.doc).some((i) => i.type === 'note' && i.text === 'Second'),
        'the note pasted into the other board',
      );
      await next.close();
    } finally {
      otherObserver.destroy();
    }
  });

  it('a viewer looks around but cannot change anything', async () => {
    const viewer = await openBoard(browser, links.viewer, 'Ville');
    try {
      const vpage = viewer.page;
      await waitForConnection(vpage);
      await item(vpage, first).waitFor();
      const tools = await vpage
        .locator('.im-toolbar [data-tool]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-tool')));
      expect(tools).toEqual(['select', 'hand']);
      const count = items().length;
      const empty = await canvasPoint(vpage, 0.5, 0.9);
      await vpage.mouse.dblclick(empty.x, empty.y);
      await item(vpage, first).click();
      await vpage.keyboard.press('Delete');
      await vpage.keyboard.press('n');
      await vpage.waitForTimeout(300);
      expect(items().length).toBe(count);
      expect(await vpage.locator('.im-world textarea').count()).toBe(0);
      expect(await item(vpage, first).getAttribute('class')).toContain('is-selected');
    } finally {
      await viewer.context.close();
    }
  });

  it('an input method writes the composed text, not each half-typed reading, and keeps what others typed meanwhile (QA)', async () => {
    const booking = addItem(observer.doc, { type: 'note', x: 300, y: 300, text: '予約: ' });
    await item(page, booking).click();
    await page.keyboard.press('Enter');
    const editor = page.locator(`[data-item-id="${booking}"] textarea`);
    await editor.waitFor();
    await page.keyboard.press('Control+End');
    const stored = () => (byId(booking) as Note | undefined)?.text;
    const seen = new Set<string>();
    const watch = () => seen.add(stored() ?? '');
    observer.doc.on('update', watch);
    const cdp = await page.context().newCDPSession(page);
    const compose = async (reading: string) => {
      await cdp.send('Input.imeSetComposition', {
        text: reading,
        selectionStart: reading.length,
        selectionEnd: reading.length,
      });
    };
    await compose('k');
    await compose('か');
    // Someone else types at the start of the note while the reading is half done.
    const text = (observer.doc.getMap('items').get(booking) as Y.Map<unknown>).get(
      'text',
    ) as Y.Text;
    text.insert(0, 'Uusi ');
    await waitFor(() => stored() === 'Uusi 予約: ', 'the other edit on the server');
    await page.waitForTimeout(200);
    await compose('かn');
    await compose('かんじ');
    await cdp.send('Input.insertText', { text: '漢字' });
    await waitFor(() => stored() === 'Uusi 予約: 漢字', 'the composed text');
    expect(await editor.inputValue()).toBe('Uusi 予約: 漢字');
    expect(await editor.evaluate((area: HTMLTextAreaElement) => area.selectionStart)).toBe(
      'Uusi 予約: 漢字'.length,
    );
    observer.doc.off('update', watch);
    // Nobody saw a reading: the text went from before the composition straight to its end.
    expect([...seen].filter((seenText) => /[kかん]/.test(seenText))).toEqual([]);
    await page.keyboard.press('Escape');
    await cdp.detach();
  });

  it('an emoji typed before an emoji reaches everyone whole (QA: both became U+FFFD)', async () => {
    const smiley = addItem(observer.doc, { type: 'note', x: 0, y: 300, text: '😀 👍' });
    await item(page, smiley).click();
    await page.keyboard.press('Enter');
    const editor = page.locator(`[data-item-id="${smiley}"] textarea`);
    await editor.waitFor();
    // 😁 shares its first UTF-16 unit with 😀, 👎 with 👍.
    await page.keyboard.press('Control+Home');
    await page.keyboard.insertText('😁');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.insertText('👎');
    await page.keyboard.press('Escape');
    await waitFor(() => (byId(smiley) as Note | undefined)?.text !== '😀 👍', 'the edit');
    expect((byId(smiley) as Note).text).toBe('😁😀 👎');
    await page
      .locator(`[data-item-id="${smiley}"] [data-item-text]`, { hasText: '😁😀 👎' })
      .waitFor();
  });

  it('copies words for other programs, and a list pasted from elsewhere becomes notes (QA, printing and sharing)', async () => {
    await me.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    const words = ['Talk to facilities', 'Signposts at the entrance'];
    const [one, two] = words.map((text, i) =>
      addItem(observer.doc, { type: 'note', x: i * 260, y: 700, text }),
    );
    await item(page, two!).waitFor();
    await item(page, one!).click();
    await item(page, two!).click({ modifiers: ['Shift'] });
    await page.keyboard.press('ControlOrMeta+c');
    // An e-mail or a chat gets the notes' words, not the board's JSON.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(words.join('\n\n'));

    // Then a list copied from a chat: the paste makes one note per line, not the notes above again.
    await page.evaluate(() =>
      navigator.clipboard.writeText('Alpha line\nBeta line\r\nGamma line\n'),
    );
    const empty = await canvasPoint(page, 0.5, 0.5);
    await page.mouse.move(empty.x, empty.y);
    const before = notes().length;
    await page.keyboard.press('ControlOrMeta+v');
    await waitFor(() => notes().length === before + 3, 'three notes from three lines');
    expect(
      notes()
        .map((note) => note.text)
        .filter((text) => text.endsWith(' line'))
        .sort(),
    ).toEqual(['Alpha line', 'Beta line', 'Gamma line']);
    expect(notes().filter((note) => words.includes(note.text))).toHaveLength(2);
  });
});
