/**
 * The documents' store on a real SQLite file: which private documents a board has, whether
 * they are stored as a compacted state or only in the update log.
 */

import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Db, openDatabase } from '../../server/store/database.ts';
import { DocumentsRepository } from '../../server/store/documents-repository.ts';
import { tempDataDir } from '../helpers/server.ts';

const BOARD = '0190f5b2-0000-7000-8000-00000000000a';
const OTHER = '0190f5b2-0000-7000-8000-00000000000b';

let db: Db | undefined;
afterEach(() => db?.close());

function repository(): DocumentsRepository {
  db = openDatabase({ dataDir: tempDataDir(), synchronous: 'NORMAL' });
  const board = db.prepare(
    "INSERT INTO boards (id, title, template, language, created_at) VALUES (?, 'B', 'blank', 'en', 1)",
  );
  board.run(BOARD);
  board.run(OTHER);
  return new DocumentsRepository(db);
}

const someState = () => {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'x');
  return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
};
const update = new Uint8Array([0, 0]);

describe('DocumentsRepository', () => {
  it("lists a board's private documents from states and from the log, and no other board's", () => {
    const documents = repository();
    documents.initialize(BOARD, someState());
    documents.initialize(OTHER, someState());
    documents.append(BOARD, BOARD, [update]);
    documents.append(`${BOARD}/private/m1`, BOARD, [update, update]); // only in the log
    documents.compact(`${BOARD}/private/m2`, BOARD, someState(), 0); // only a state
    documents.append(`${BOARD}/private/m2`, BOARD, [update]); // and a log tail
    documents.append(`${OTHER}/private/m3`, OTHER, [update]);

    expect(documents.privateDocumentIds(BOARD).sort()).toEqual([
      `${BOARD}/private/m1`,
      `${BOARD}/private/m2`,
    ]);
    expect(documents.privateDocumentIds(OTHER)).toEqual([`${OTHER}/private/m3`]);
  });
});
