/**
 * Upgrading a data directory: a database written by an earlier schema opens, migrates and keeps
 * what it held.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../server/boards/secrets.ts';
import { databaseFile, openDatabase } from '../../server/store/database.ts';
import { DevicesRepository } from '../../server/store/devices-repository.ts';
import { DocumentsRepository } from '../../server/store/documents-repository.ts';
import { MIGRATIONS } from '../../server/store/migrations.ts';
import { SnapshotsRepository } from '../../server/store/snapshots-repository.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data directory whose database has the schema of the first `version` migrations. */
function dataDirAt(version: number): { dataDir: string; db: Database.Database } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-migrate-'));
  dirs.push(dataDir);
  const db = new Database(databaseFile(dataDir));
  for (const migration of MIGRATIONS.slice(0, version)) db.exec(migration);
  db.pragma(`user_version = ${version}`);
  return { dataDir, db };
}

describe('migrations', () => {
  it("9: a before-round snapshot's round title is read from its round, and other rows are kept", () => {
    const { dataDir, db } = dataDirAt(8);
    db.prepare(
      "INSERT INTO boards (id, title, template, language, created_at) VALUES ('b', 'Board', 'blank', 'en', 1)",
    ).run();
    db.prepare(
      `INSERT INTO rounds (id, board_id, title, status, budget, max_per_item, item_types, anonymous, opened_at)
       VALUES ('r', 'b', 'Top ideas', 'open', 3, 3, '["note"]', 0, 2)`,
    ).run();
    const snapshot = db.prepare(
      `INSERT INTO snapshots (id, board_id, name, reason, state, created_at, round_id, round_title)
       VALUES (?, 'b', ?, ?, x'00', ?, ?, ?)`,
    );
    snapshot.run('s1', null, 'before_round', 3, 'r', 'Top ideas');
    snapshot.run('s2', 'Lunch', 'manual', 4, null, null);
    // Stored for a round the server never wrote (it stopped between the two).
    snapshot.run('s3', null, 'before_round', 5, 'gone', 'Never opened');
    db.close();

    const upgraded = openDatabase({ dataDir, synchronous: 'NORMAL' });
    try {
      expect(upgraded.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const listed = new SnapshotsRepository(upgraded).list('b');
      expect(listed.map((s) => [s.id, s.name, s.reason, s.round ?? null])).toEqual([
        ['s3', null, 'before_round', null],
        ['s2', 'Lunch', 'manual', null],
        ['s1', null, 'before_round', { id: 'r', title: 'Top ideas' }],
      ]);
    } finally {
      upgraded.close();
    }
  });

  it("10: the log's board index goes, and a board's private documents are still found", () => {
    const { dataDir, db } = dataDirAt(9);
    const board = db.prepare(
      "INSERT INTO boards (id, title, template, language, created_at) VALUES (?, 'Board', 'blank', 'en', 1)",
    );
    board.run('b');
    board.run('c');
    const update = db.prepare(
      "INSERT INTO document_updates (doc_id, board_id, data) VALUES (?, ?, x'0000')",
    );
    update.run('b', 'b');
    update.run('b/private/m1', 'b');
    update.run('c/private/m2', 'c');
    db.close();

    const upgraded = openDatabase({ dataDir, synchronous: 'NORMAL' });
    try {
      const indexes = upgraded
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?")
        .pluck()
        .all('document_updates');
      expect(indexes).toEqual(['document_updates_by_doc']);
      const documents = new DocumentsRepository(upgraded);
      expect(documents.privateDocumentIds('b')).toEqual(['b/private/m1']);
      expect(documents.load('b').updates).toHaveLength(1);
    } finally {
      upgraded.close();
    }
  });

  it('18: every member keeps its token, now its first device, and links not taken end', () => {
    const { dataDir, db } = dataDirAt(17);
    db.prepare(
      "INSERT INTO boards (id, title, template, language, created_at) VALUES ('b', 'Board', 'blank', 'en', 1)",
    ).run();
    const member = db.prepare(
      `INSERT INTO members (id, board_id, name, role, color, token_hash, created_at, removed_at)
       VALUES (?, 'b', ?, 'participant', '#000', ?, ?, ?)`,
    );
    member.run('m1', 'Aino', hashSecret('aino token'), 2, null);
    member.run('m2', 'Bo', hashSecret('bo token'), 3, 4);
    db.prepare(
      "INSERT INTO device_links (code_hash, board_id, member_id, sealed, expires_at) VALUES (x'01', 'b', 'm1', x'02', 9)",
    ).run();
    db.close();

    const upgraded = openDatabase({ dataDir, synchronous: 'NORMAL' });
    try {
      expect(upgraded.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const devices = new DevicesRepository(upgraded);
      expect(devices.holder(hashSecret('aino token'))).toEqual({
        kind: 'member',
        member: { id: 'm1', boardId: 'b', name: 'Aino', role: 'participant', color: '#000' },
        device: 'm1',
        lastUsedAt: null,
      });
      expect(devices.list('m1')).toEqual([{ id: 'm1', label: '', createdAt: 2, lastUsedAt: null }]);
      expect(devices.holder(hashSecret('bo token'))).toEqual({ kind: 'removed', boardId: 'b' });
      expect(upgraded.prepare('SELECT count(*) FROM device_links').pluck().get()).toBe(0);
    } finally {
      upgraded.close();
    }
  });
});
