import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportService } from '../../server/follow-through/export-service.ts';
import { ExportThread } from '../../server/follow-through/export-thread.ts';
import {
  completeExport,
  type ItemsReader,
  snapshotItems,
} from '../../server/follow-through/exports/export-source.ts';
import { renderExport } from '../../server/follow-through/exports/index.ts';
import { SnapshotNotFound } from '../../server/follow-through/snapshots-service.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { EXPORT_FORMATS } from '../../shared/follow-through.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The export thread renders what the event loop would have: byte for byte, for the live board,
// for a snapshot and for a board nobody has open, whose stored state the thread reads from the
// database itself.
let server: TestServer;
let boardId: string;
let snapshotId: string;
let thread: ExportThread;
const NOW = Date.parse('2026-12-06T10:00:00Z');

beforeAll(async () => {
  server = await startTestServer();
  thread = new ExportThread(pino({ level: 'silent' }), server.db.name);
  const created = await server.boardWithMembers('customer-journey');
  boardId = created.board.board.id;
  const { doc } = server.documents.open({ boardId });
  addItem(doc, {
    type: 'note',
    x: 10,
    y: 20,
    text: 'Before the snapshot: "quoted", <tagged> & more',
  });
  snapshotId = server.followThrough.snapshots.take(boardId, { reason: 'manual', name: 'v1' }).id;
  addItem(doc, { type: 'note', x: 400, y: 20, text: 'After the snapshot' });
});
afterAll(async () => {
  await thread.close();
  await server.close();
});

/** A new board holding one note with `text`, stored and unloaded: nobody has it open. */
async function closedBoard(text: string) {
  const created = await server.boardWithMembers('blank');
  const board = created.board.board.id;
  const document = server.documents.open({ boardId: board });
  document.change((doc) => addItem(doc, { type: 'note', x: 10, y: 20, text }));
  server.documents.unload(document);
  return board;
}

const pick = ({ status, code }: SnapshotNotFound) => ({ status, code });

const inProcess = (snapshot?: string) =>
  server.followThrough.exports.gather(boardId, snapshot, NOW);
/** Renders in the thread, the file's bytes read back as text. */
async function rendered(
  source: ReturnType<ExportService['source']>,
  format: (typeof EXPORT_FORMATS)[number],
  on = thread,
) {
  const { rendered: file, ms } = await on.render(source, format, {});
  return {
    rendered: { ...file, body: new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.body) },
    ms,
  };
}
const inThread = (format: (typeof EXPORT_FORMATS)[number], snapshot?: string) =>
  rendered(server.followThrough.exports.source(boardId, snapshot, NOW), format);

describe('the export thread', () => {
  it('renders every format of the live board as the event loop would', async () => {
    for (const format of EXPORT_FORMATS) {
      const { rendered, ms } = await inThread(format);
      expect(rendered, format).toEqual(renderExport(inProcess(), format));
      expect(ms).toBeGreaterThan(0);
    }
    const json = JSON.parse((await inThread('json')).rendered.body);
    expect(json.items.map((item: { text?: string }) => item.text)).toContain('After the snapshot');
  });

  it("reads a snapshot's items from its stored state itself, as they were then", async () => {
    const source = server.followThrough.exports.source(boardId, snapshotId, NOW);
    expect(source.snapshot?.id).toBe(snapshotId);
    expect(Object.keys(source)).not.toContain('items');
    const stored: ItemsReader = {
      snapshot: (board, snapshot) =>
        snapshotItems(server.followThrough.snapshots.stored(board, snapshot).state),
      board: () => {
        throw new Error('a snapshot is not the live board');
      },
    };
    expect(completeExport(source, stored).items.length).toBe(
      itemsOf(server.documents.open({ boardId }).doc).size - 1,
    );
    for (const format of EXPORT_FORMATS) {
      const { rendered } = await inThread(format, snapshotId);
      expect(rendered, format).toEqual(renderExport(inProcess(snapshotId), format));
    }
    const { rendered } = await inThread('md', snapshotId);
    expect(rendered.body).toContain('Before the snapshot');
    expect(rendered.body).not.toContain('After the snapshot');
  });

  it('answers 404 for a snapshot deleted after the request found it', async () => {
    const snapshots = server.followThrough.snapshots;
    const doomed = snapshots.take(boardId, { reason: 'manual', name: 'doomed' }).id;
    const source = server.followThrough.exports.source(boardId, doomed, NOW);
    const facilitator = server.boards.members(boardId).find((m) => m.role === 'facilitator');
    snapshots.delete({ ...facilitator!, boardId }, doomed);
    const failed = await thread.render(source, 'md', {}).catch((error: unknown) => error);
    expect(failed).toMatchObject(pick(new SnapshotNotFound()));
    // And the thread goes on.
    expect((await inThread('md', snapshotId)).rendered.body).toContain('Before the snapshot');
  });

  it("reads a live board's items once for many exports, and again once it changes", async () => {
    const exports = server.followThrough.exports;
    const first = exports.source(boardId, undefined, NOW);
    const second = exports.source(boardId, undefined, NOW);
    expect('items' in second && 'items' in first && second.items === first.items).toBe(true);
    const { doc } = server.documents.open({ boardId });
    addItem(doc, { type: 'note', x: 800, y: 20, text: 'Later still' });
    const third = exports.source(boardId, undefined, NOW);
    expect('items' in third && 'items' in first && third.items !== first.items).toBe(true);
    expect((await inThread('md')).rendered.body).toContain('Later still');
  });

  it('reads a board nobody has open from the database itself, without opening it', async () => {
    const board = await closedBoard('On a closed board');
    const source = server.followThrough.exports.source(board, undefined, NOW);
    expect(Object.keys(source)).not.toContain('items');
    expect(server.documents.isLoaded({ boardId: board })).toBe(false);
    const inThread = async (format: (typeof EXPORT_FORMATS)[number]) =>
      (await rendered(server.followThrough.exports.source(board, undefined, NOW), format)).rendered;
    const files = [];
    for (const format of EXPORT_FORMATS) files.push(await inThread(format));
    expect(server.documents.isLoaded({ boardId: board })).toBe(false);
    expect(files[0]?.body).toContain('On a closed board');
    // The same files as the event loop makes from the opened board.
    for (const [index, format] of EXPORT_FORMATS.entries()) {
      expect(files[index], format).toEqual(
        renderExport(server.followThrough.exports.gather(board, undefined, NOW), format),
      );
    }
    // Changed since the thread read it (and closed again): read again, not remembered.
    const reopened = server.documents.open({ boardId: board });
    reopened.change((doc) => addItem(doc, { type: 'note', x: 0, y: 300, text: 'Added later' }));
    server.documents.unload(reopened);
    expect((await inThread('md')).body).toContain('Added later');
  });

  it('answers 404 for a board deleted after the request found it', async () => {
    const board = await closedBoard('Doomed');
    const source = server.followThrough.exports.source(board, undefined, NOW);
    server.boards.delete(board);
    const failed = await thread.render(source, 'md', {}).catch((error: unknown) => error);
    expect(failed).toMatchObject({ status: 404, code: 'board_not_found' });
    expect((await inThread('md')).rendered.body).toContain('After the snapshot');
  });

  it('fails only the export it could not render, and renders the next', async () => {
    const source = server.followThrough.exports.source(boardId, undefined, NOW);
    const broken = { ...source, members: null } as unknown as typeof source;
    await expect(thread.render(broken, 'md', {})).rejects.toThrow(/could not be rendered/);
    expect((await rendered(source, 'md')).rendered.body).toContain('After the snapshot');
  });

  it('is stopped when it finishes nothing for too long, failing what waited for it', async () => {
    // Starting the thread alone takes longer than 50 ms.
    const hasty = new ExportThread(pino({ level: 'silent' }), server.db.name, { stallMs: 50 });
    try {
      const source = server.followThrough.exports.source(boardId, undefined, NOW);
      await expect(hasty.render(source, 'svg', {})).rejects.toThrow(/rendered nothing for/);
    } finally {
      await hasty.close();
    }
  });

  it('fails what waits for it when closed, and starts again for the next export', async () => {
    const source = server.followThrough.exports.source(boardId, undefined, NOW);
    const failed = expect(thread.render(source, 'svg', {})).rejects.toThrow(/shutting down/);
    await thread.close();
    await failed;
    expect((await rendered(source, 'csv')).rendered.body).toContain('After the snapshot');
  });
});
