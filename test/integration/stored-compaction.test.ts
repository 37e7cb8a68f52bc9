/**
 * `ideamill compact` beside a running server (server/documents/stored-compaction.ts): the fold
 * happens outside any write transaction, so the server's appends never wait on it, and nothing
 * either side wrote is lost. Two connections to one real database file stand for the CLI and
 * the server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactStored } from '../../server/documents/stored-compaction.ts';
import { type Db, openDatabase } from '../../server/store/database.ts';
import { DocumentsRepository } from '../../server/store/documents-repository.ts';
import { addItem, itemsOf, readItems } from '../../shared/board-document.ts';
import { tempDataDir } from '../helpers/server.ts';

const BOARD = '01890000-0000-7000-8000-00000000c0de';

let cliDb: Db;
let serverDb: Db;
let cli: DocumentsRepository;
let server: DocumentsRepository;
let writer: Y.Doc;

/** A note written by the "server": appended to the log on its own connection. */
function append(text: string): string {
  const before = Y.encodeStateVector(writer);
  const id = addItem(writer, { type: 'note', x: 0, y: 0, text });
  server.append(BOARD, BOARD, [Y.encodeStateAsUpdate(writer, before)]);
  return id;
}

function storedTexts(): string[] {
  const stored = cli.load(BOARD);
  const doc = new Y.Doc();
  if (stored.state) Y.applyUpdate(doc, stored.state);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return readItems(doc)
    .map((item) => (item.type === 'note' ? item.text : ''))
    .sort();
}

beforeEach(() => {
  const dataDir = tempDataDir();
  serverDb = openDatabase({ dataDir, synchronous: 'NORMAL' });
  cliDb = openDatabase({ dataDir, synchronous: 'NORMAL' });
  // The server's appends must not wait at all: a write lock held by the CLI would fail them.
  serverDb.pragma('busy_timeout = 0');
  server = new DocumentsRepository(serverDb);
  cli = new DocumentsRepository(cliDb);
  serverDb
    .prepare(
      "INSERT INTO boards (id, title, template, language, created_at) VALUES (?, 'B', 'blank', 'en', 0)",
    )
    .run(BOARD);
  writer = new Y.Doc();
  itemsOf(writer);
  server.initialize(BOARD, {
    state: Y.encodeStateAsUpdate(writer),
    stateVector: Y.encodeStateVector(writer),
  });
  for (let i = 0; i < 20; i++) append(`before ${i}`);
});
afterEach(() => {
  cliDb.close();
  serverDb.close();
});

describe('compacting a stored board beside its server', () => {
  it('folds the log, counting what it folded, while the server appends without waiting', () => {
    let during = '';
    const result = compactStored(cli, BOARD, BOARD, () => {
      during = append('appended during the fold');
    });
    expect(result).toEqual({ folded: 20 });
    expect(during).not.toBe('');
    // The note appended meanwhile stays in the log, after the new state.
    expect(cli.load(BOARD).updates).toHaveLength(1);
    expect(storedTexts()).toEqual(
      [...Array.from({ length: 20 }, (_, i) => `before ${i}`), 'appended during the fold'].sort(),
    );
  });

  it('writes nothing when the server folded the board meanwhile, and loses nothing', () => {
    const result = compactStored(cli, BOARD, BOARD, () => {
      append('folded by the server');
      // The server's own compaction: its state covers everything, the log is emptied.
      const stored = server.load(BOARD);
      server.compact(
        BOARD,
        BOARD,
        { state: Y.encodeStateAsUpdate(writer), stateVector: Y.encodeStateVector(writer) },
        stored.lastSeq,
      );
    });
    expect(result).toEqual({ changed: true });
    expect(storedTexts()).toContain('folded by the server');
    expect(storedTexts()).toHaveLength(21);
  });
});
