/**
 * Two people on one board in two real browsers: what one does on the canvas, the other sees,
 * and the board document holds (read back by a third, plain Yjs client).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, type Item, itemsOf, readItems } from '../../shared/board-document.ts';
import { onSameSpot } from '../../shared/note-spots.ts';
import {
  addNoteInOutline,
  type OpenedBoard,
  openBoard,
  SCREENSHOTS,
  waitForConnection,
} from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import {
  addNoteByDoubleClick,
  canvasPoint,
  centreOf,
  drag,
  item,
  notesWithText,
  zoomOf,
  zoomToFit,
} from './canvas-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('two people on one canvas', () => {
  let server: TestServer;
  let browser: Browser;
  let aino: OpenedBoard;
  let bruno: OpenedBoard;
  let observer: ReturnType<typeof socketIoClient>;
  const items = (): Item[] => readItems(observer.doc);
  const noteText = (text: string) =>
    items().find(
      (i): i is Extract<Item, { type: 'note' | 'text' }> => i.type === 'note' && i.text === text,
    );

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const { board, keys, links } = await server.createBoard({ title: 'Canvas' });
    const facilitator = await server.join(board.id, keys.facilitator, 'Observer');
    observer = socketIoClient(server.url, board.id, facilitator.token);
    await observer.synced;
    aino = await openBoard(browser, links.participant, 'Aino');
    bruno = await openBoard(browser, links.participant, 'Bruno');
    await waitForConnection(aino.page);
    await waitForConnection(bruno.page);
  });
  afterAll(async () => {
    observer?.destroy();
    await browser?.close();
    await server?.close();
  });

  it('a note created in one browser appears in the other, with its text', async () => {
    await addNoteByDoubleClick(aino.page, 0.35, 0.35, 'Queue at the front desk');
    await notesWithText(bruno.page, 'Queue at the front desk').waitFor();
    await waitFor(() => noteText('Queue at the front desk') !== undefined, 'the note in the doc');
    const note = noteText('Queue at the front desk')!;
    expect(note.author).toBeTruthy();
    expect(await item(bruno.page, note.id).getAttribute('aria-label')).toContain(
      'Queue at the front desk',
    );
  });

  it('two notes added at once from the outline, neither page seeing the other, end side by side (QA)', async () => {
    const { board, keys, links } = await server.createBoard({ title: 'At once' });
    const reader = socketIoClient(
      server.url,
      board.id,
      (await server.join(board.id, keys.viewer, 'Reader')).token,
    );
    await reader.synced;
    const one = await openBoard(browser, links.participant, 'Aino');
    const two = await openBoard(browser, links.participant, 'Bruno');
    for (const person of [one, two]) await waitForConnection(person.page);
    // Aino's page is offline a moment: both put their note where the outline finds room first.
    await one.context.setOffline(true);
    await waitForConnection(one.page, 'offline');
    await addNoteInOutline(one.page, 'Written on the train');
    await addNoteInOutline(two.page, 'Written at the desk');
    await waitFor(() => readItems(reader.doc).length === 1, 'the first note');
    await one.context.setOffline(false);
    await waitForConnection(one.page);
    const notes = () => readItems(reader.doc).filter((i) => i.type === 'note');
    await waitFor(() => notes().length === 2, 'both notes');
    // The later made of the two goes aside, moved by its own page.
    await waitFor(() => !onSameSpot(notes()[0]!, notes()[1]!), 'the notes apart', 5_000);
    for (const person of [one, two]) await person.context.close();
    reader.destroy();
  });

  it('two people typing in the same note both keep their words', async () => {
    let id = '';
    observer.doc.transact(() => {
      id = addItem(observer.doc, { type: 'note', x: 400, y: -150, text: 'middle' });
    });
    for (const person of [aino, bruno]) {
      await item(person.page, id).waitFor();
      await zoomToFit(person.page);
      await item(person.page, id).dblclick();
      await person.page.locator(`[data-item-id="${id}"] textarea`).waitFor();
    }
    // Aino writes at the end while Bruno writes at the start, at the same time.
    await bruno.page.keyboard.press('ControlOrMeta+Home');
    await Promise.all([
      aino.page.keyboard.type(' alpha', { delay: 40 }),
      bruno.page.keyboard.type('beta ', { delay: 40 }),
    ]);
    const expected = 'beta middle alpha';
    await waitFor(
      () => readItems(observer.doc).some((i) => i.type === 'note' && i.text === expected),
      `"${expected}" in the doc`,
    );
    for (const person of [aino, bruno]) {
      await person.page.keyboard.press('Escape');
      await person.page
        .locator(`[data-item-id="${id}"] [data-item-text]`, { hasText: expected })
        .waitFor();
    }
  });

  it('moving a frame carries its notes, for everyone and in the document', async () => {
    let frameId = '';
    let noteId = '';
    let looseId = '';
    observer.doc.transact(() => {
      frameId = addItem(observer.doc, {
        type: 'frame',
        x: -700,
        y: -200,
        w: 420,
        h: 320,
        title: 'Lane',
      });
      noteId = addItem(observer.doc, {
        type: 'note',
        x: -660,
        y: -120,
        parent: frameId,
        text: 'inside',
      });
      // Inside by geometry only, as a foreign client might leave it: it travels too.
      looseId = addItem(observer.doc, {
        type: 'note',
        x: -480,
        y: -120,
        w: 150,
        h: 150,
        text: 'loose',
      });
    });
    const page = aino.page;
    await item(page, frameId).waitFor();
    await zoomToFit(page);
    await zoomToFit(bruno.page);
    const title = page.locator(`[data-item-id="${frameId}"] [data-handle="title"]`);
    const start = await centreOf(title);
    const zoom = await zoomOf(page);
    await drag(page, start, { x: start.x + 150, y: start.y + 90 });
    const expectDx = 150 / zoom;
    const expectDy = 90 / zoom;
    // The drag's moves and the drop's parent update are separate transactions: wait for both.
    await waitFor(() => {
      const frame = observer.doc && itemsOf(observer.doc).get(frameId);
      const loose = observer.doc && itemsOf(observer.doc).get(looseId);
      return (
        Math.abs(Number(frame?.get('x')) - (-700 + expectDx)) < 3 &&
        loose?.get('parent') === frameId
      );
    }, 'the frame moved and its notes dropped into it in the doc');
    const byId = new Map(items().map((i) => [i.id, i]));
    const frame = byId.get(frameId)!;
    const note = byId.get(noteId)!;
    const loose = byId.get(looseId)!;
    expect(frame.x).toBeCloseTo(-700 + expectDx, -1);
    expect(frame.y).toBeCloseTo(-200 + expectDy, -1);
    expect(note.x - frame.x).toBe(40);
    expect(note.y - frame.y).toBe(80);
    expect(loose.x - frame.x).toBe(220);
    expect(note.parent).toBe(frameId);
    expect(loose.parent).toBe(frameId);

    // Bruno's screen shows the note where the document says, relative to the frame.
    const brunoZoom = await zoomOf(bruno.page);
    await bruno.page.waitForFunction(
      ([f, n]) => {
        const fe = document.querySelector(`[data-item-id="${f}"]`);
        const ne = document.querySelector(`[data-item-id="${n}"]`);
        return fe && ne && (fe as HTMLElement).style.left !== '-700px';
      },
      [frameId, noteId],
    );
    const fb = (await item(bruno.page, frameId).boundingBox())!;
    const nb = (await item(bruno.page, noteId).boundingBox())!;
    expect((nb.x - fb.x) / brunoZoom).toBeCloseTo(40, 0);
    expect((nb.y - fb.y) / brunoZoom).toBeCloseTo(80, 0);

    // Dragging a note out of the frame takes it out of the frame.
    const noteCentre = await centreOf(item(page, noteId));
    await drag(page, noteCentre, { x: noteCentre.x, y: noteCentre.y - 400 * zoom });
    await waitFor(
      () => items().find((i) => i.id === noteId)?.parent === undefined,
      'parent removed',
    );
  });

  it('a note dropped where frames overlap goes into the one on top, where it is seen', async () => {
    let lowId = '';
    let topId = '';
    let noteId = '';
    observer.doc.transact(() => {
      // A small frame, then a bigger one drawn over it later: the small one is hidden under it.
      lowId = addItem(observer.doc, {
        type: 'frame',
        x: 2000,
        y: 2000,
        w: 300,
        h: 240,
        title: 'Below',
      });
      topId = addItem(observer.doc, {
        type: 'frame',
        x: 1900,
        y: 1900,
        w: 700,
        h: 500,
        title: 'On top',
      });
      itemsOf(observer.doc).get(lowId)?.set('createdAt', 1);
      itemsOf(observer.doc).get(topId)?.set('createdAt', 2);
      noteId = addItem(observer.doc, { type: 'note', x: 2700, y: 2000, text: 'to drop' });
    });
    const page = aino.page;
    await item(page, noteId).waitFor();
    await zoomToFit(page);
    const below = (await item(page, lowId).boundingBox())!;
    const from = await centreOf(item(page, noteId));
    const to = { x: below.x + below.width / 2, y: below.y + below.height / 2 };
    await drag(page, from, to);
    await waitFor(
      () => items().find((i) => i.id === noteId)?.parent !== undefined,
      'the note dropped into a frame',
    );
    expect(items().find((i) => i.id === noteId)?.parent).toBe(topId);
  });

  it('a pen stroke drawn in one browser appears in the other', async () => {
    const page = aino.page;
    await page.locator('.im-toolbar [data-tool="pen"]').click();
    const a = await canvasPoint(page, 0.5, 0.75);
    await drag(page, a, { x: a.x + 160, y: a.y - 40 }, 16);
    await waitFor(() => items().some((i) => i.type === 'stroke'), 'a stroke in the doc');
    const stroke = items().find((i) => i.type === 'stroke') as Extract<Item, { type: 'stroke' }>;
    expect(stroke.points.length).toBeGreaterThanOrEqual(8);
    // Points are board coordinates: the stroke spans about 160 screen pixels across.
    const xs = stroke.points.filter((_, i) => i % 2 === 0);
    const zoom = await zoomOf(page);
    expect((Math.max(...xs) - Math.min(...xs)) * zoom).toBeGreaterThan(120);
    await item(bruno.page, stroke.id).waitFor();
    expect(await item(bruno.page, stroke.id).locator('path').getAttribute('d')).toMatch(/^M/);

    // The eraser takes it away again.
    await page.locator('.im-toolbar [data-tool="eraser"]').click();
    await drag(page, { x: a.x + 80, y: a.y - 60 }, { x: a.x + 80, y: a.y + 20 }, 10);
    await waitFor(() => !items().some((i) => i.type === 'stroke'), 'the stroke erased');
    await item(bruno.page, stroke.id).waitFor({ state: 'detached' });
    await page.locator('.im-toolbar [data-tool="select"]').click();
  });

  it('undo takes back only my own change', async () => {
    await addNoteByDoubleClick(aino.page, 0.6, 0.3, 'Aino note');
    await addNoteByDoubleClick(bruno.page, 0.75, 0.55, 'Bruno note');
    await waitFor(() => !!noteText('Aino note') && !!noteText('Bruno note'), 'both notes');
    await aino.page.keyboard.press('ControlOrMeta+z');
    await waitFor(() => !noteText('Aino note'), "Aino's note undone");
    expect(noteText('Bruno note')).toBeDefined();
    await notesWithText(bruno.page, 'Aino note').waitFor({ state: 'detached' });
    expect(await notesWithText(aino.page, 'Bruno note').count()).toBe(1);
    // And redo brings it back.
    await aino.page.keyboard.press('ControlOrMeta+Shift+z');
    await waitFor(() => !!noteText('Aino note'), "Aino's note redone");
  });

  it('shows the other person’s pointer with their name', async () => {
    // A concept card, a connector and a stroke, so the screenshot shows every kind of item.
    observer.doc.transact(() => {
      const concept = addItem(observer.doc, {
        type: 'concept',
        x: 700,
        y: -300,
        title: 'Evening service desk',
        fields: { targetCustomer: 'Commuters', firstStep: 'Pilot in March' },
      });
      const note = noteText('Bruno note');
      if (note)
        addItem(observer.doc, { type: 'connector', x: 0, y: 0, from: note.id, to: concept });
      addItem(observer.doc, {
        type: 'stroke',
        x: 0,
        y: 0,
        color: '#1f2328',
        points: [420, 260, 470, 240, 520, 280, 580, 250, 640, 290],
      });
    });
    const at = await canvasPoint(bruno.page, 0.55, 0.6);
    await bruno.page.mouse.move(at.x, at.y);
    await bruno.page.mouse.move(at.x + 20, at.y + 10, { steps: 4 });
    await aino.page.locator('.im-cursor[data-cursor-name="Bruno"]').waitFor();
    expect(await aino.page.locator('.im-cursor[data-cursor-name="Bruno"]').textContent()).toBe(
      'Bruno',
    );
    // What Bruno publishes for everyone (board/presence.ts): pointer and view in board units,
    // and his selection, read here by a plain Yjs client.
    const brunoPresence = () =>
      [...observer.provider.awareness.getStates().values()].find(
        (state) => (state as { member?: { name?: string } }).member?.name === 'Bruno',
      ) as
        | {
            cursor: { x: number; y: number } | null;
            viewport: { x: number; y: number; zoom: number } | null;
            selection: string[];
          }
        | undefined;
    await waitFor(
      () => typeof brunoPresence()?.cursor?.x === 'number',
      "Bruno's cursor in awareness",
    );
    expect(brunoPresence()!.viewport!.zoom).toBeGreaterThan(0);
    const brunoNote = noteText('Bruno note')!;
    await item(bruno.page, brunoNote.id).click();
    await waitFor(
      () => brunoPresence()?.selection.includes(brunoNote.id) === true,
      'selection published',
    );
    // …and Aino sees it outlined in Bruno's colour.
    await aino.page.locator('.im-remote-selection').waitFor();
    expect(await aino.page.locator('.im-remote-selection').count()).toBe(1);
    await zoomToFit(aino.page);
    await aino.page.screenshot({ path: `${SCREENSHOTS}/canvas-collab.png` });
  });
});
