/** Boards, their role keys and their members (secrets are stored only as hashes). */
import type { Board, Language } from '../../shared/api.ts';
import type { Member, Role } from '../../shared/roles.ts';
import type { Template } from '../../shared/templates.ts';
import type { Db } from './database.ts';

interface BoardRow {
  id: string;
  title: string;
  template: string;
  language: string;
  created_at: number;
}

interface MemberRow {
  id: string;
  board_id: string;
  name: string;
  role: string;
  color: string;
  created_at: number;
  removed_at?: number | null;
}

const toBoard = (row: BoardRow): Board => ({
  id: row.id,
  title: row.title,
  template: row.template as Template,
  language: row.language as Language,
  createdAt: new Date(row.created_at).toISOString(),
});

const toMember = (row: MemberRow): Member => ({
  id: row.id,
  boardId: row.board_id,
  name: row.name,
  role: row.role as Role,
  color: row.color,
});

export interface NewBoard {
  id: string;
  title: string;
  template: Template;
  language: Language;
  createdAt: number;
  keyHashes: Record<Role, Buffer>;
}

/**
 * A member as the board keeps it: when it joined (ms), and `removed` once a facilitator took it
 * off the board.
 */
export type BoardMember = Member & { joinedAt: number; removed: boolean };

const toBoardMember = (row: MemberRow): BoardMember => ({
  ...toMember(row),
  joinedAt: row.created_at,
  removed: row.removed_at != null,
});

export interface BoardContents {
  members: number;
  rounds: number;
  followUps: number;
  snapshots: number;
}

export class BoardsRepository {
  readonly #db: Db;
  readonly #insertBoard;
  readonly #insertKey;
  readonly #selectBoard;
  readonly #selectRoleByKey;
  readonly #replaceKey;
  readonly #update;
  readonly #addMember;
  readonly #countMembers;
  readonly #selectMember;
  readonly #selectBoards;
  readonly #selectMembers;
  readonly #deleteAll;
  readonly #selectDeletedYetHere;
  readonly #selectWasDeleted;
  readonly #selectToTakeOff;
  readonly #forgetTakeOff;
  readonly #removeMember;
  readonly #eraseMember;
  readonly #selectContents;
  readonly #selectActive;
  readonly #markOpened;

  constructor(db: Db) {
    this.#db = db;
    this.#insertBoard = db.prepare(
      'INSERT INTO boards (id, title, template, language, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#insertKey = db.prepare(
      'INSERT INTO board_keys (board_id, role, key_hash) VALUES (?, ?, ?)',
    );
    this.#selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?');
    this.#selectBoards = db.prepare<[], BoardRow>('SELECT * FROM boards ORDER BY created_at');
    this.#selectRoleByKey = db.prepare<[string, Buffer], { role: string }>(
      'SELECT role FROM board_keys WHERE board_id = ? AND key_hash = ?',
    );
    this.#update = db.prepare<[string, string, string]>(
      'UPDATE boards SET title = ?, language = ? WHERE id = ?',
    );
    this.#replaceKey = db.prepare<[Buffer, string, string]>(
      'UPDATE board_keys SET key_hash = ? WHERE board_id = ? AND role = ?',
    );
    const insertMember = db.prepare(
      `INSERT INTO members (id, board_id, name, role, color, token_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#addMember = db.transaction(
      (member: Member, tokenHash: Buffer, withDevice: () => void) => {
        insertMember.run(
          member.id,
          member.boardId,
          member.name,
          member.role,
          member.color,
          tokenHash,
          Date.now(),
        );
        withDevice();
      },
    );
    this.#countMembers = db
      .prepare<[string], number>('SELECT count(*) FROM members WHERE board_id = ?')
      .pluck();
    this.#selectMembers = db.prepare<[string], MemberRow>(
      'SELECT id, board_id, name, role, color, created_at, removed_at FROM members WHERE board_id = ? ORDER BY created_at, id',
    );
    this.#selectMember = db.prepare<[string], MemberRow>(
      'SELECT id, board_id, name, role, color, created_at, removed_at FROM members WHERE id = ?',
    );
    this.#removeMember = db.prepare<[number, string]>(
      'UPDATE members SET removed_at = ? WHERE id = ? AND removed_at IS NULL',
    );
    this.#eraseMember = db.prepare<[string, number, string]>(
      'UPDATE members SET name = ?, removed_at = coalesce(removed_at, ?) WHERE id = ?',
    );
    this.#selectContents = db.prepare<[{ id: string }], BoardContents>(
      `SELECT (SELECT count(*) FROM members WHERE board_id = $id) AS members,
              (SELECT count(*) FROM rounds WHERE board_id = $id) AS rounds,
              (SELECT count(*) FROM follow_ups WHERE board_id = $id) AS followUps,
              (SELECT count(*) FROM snapshots WHERE board_id = $id) AS snapshots`,
    );
    // Each table by its index on the board: opened, a join, a version, a stored state, a round,
    // a follow-up changed; the board's creation where there is none.
    this.#selectActive = db.prepare<[], { id: string; active: number }>(
      `SELECT b.id, max(b.created_at, coalesce(b.opened_at, 0),
         coalesce((SELECT max(created_at) FROM members WHERE board_id = b.id), 0),
         coalesce((SELECT max(created_at) FROM snapshots WHERE board_id = b.id), 0),
         coalesce((SELECT max(updated_at) FROM document_states WHERE board_id = b.id), 0),
         coalesce((SELECT max(coalesce(closed_at, opened_at)) FROM rounds WHERE board_id = b.id), 0),
         coalesce((SELECT max(updated_at) FROM follow_ups WHERE board_id = b.id), 0)) AS active
       FROM boards b`,
    );
    this.#markOpened = db.prepare<[number, string]>('UPDATE boards SET opened_at = ? WHERE id = ?');
    // Every row a board has, each table by an index (see delete()). Children before parents.
    const deletes = [
      'DELETE FROM votes WHERE round_id IN (SELECT id FROM rounds WHERE board_id = $id)',
      'DELETE FROM rounds WHERE board_id = $id',
      'DELETE FROM follow_ups WHERE board_id = $id',
      'DELETE FROM snapshots WHERE board_id = $id',
      'DELETE FROM deleted_snapshots WHERE board_id = $id',
      'DELETE FROM board_state WHERE board_id = $id',
      'DELETE FROM document_states WHERE board_id = $id',
      // The log has no index by board (migration 10): its rows go by their documents' ids, the
      // board's own and its private documents' ('id/private/…'; '0' follows '/').
      'DELETE FROM document_updates WHERE doc_id = $id',
      "DELETE FROM document_updates WHERE doc_id > $id || '/' AND doc_id < $id || '0'",
      'DELETE FROM device_links WHERE board_id = $id',
      'DELETE FROM members_to_take_off WHERE id IN (SELECT id FROM members WHERE board_id = $id)',
      'DELETE FROM member_devices WHERE member_id IN (SELECT id FROM members WHERE board_id = $id)',
      'DELETE FROM members WHERE board_id = $id',
      'DELETE FROM board_keys WHERE board_id = $id',
    ].map((sql) => db.prepare<[{ id: string }]>(sql));
    const deleteBoard = db.prepare<[{ id: string }]>('DELETE FROM boards WHERE id = $id');
    const recordDeletion = db.prepare<[string, number]>(
      'INSERT OR REPLACE INTO deleted_boards (id, deleted_at) VALUES (?, ?)',
    );
    this.#deleteAll = db.transaction((id: string): boolean => {
      for (const statement of deletes) statement.run({ id });
      const deleted = deleteBoard.run({ id }).changes > 0;
      if (deleted) recordDeletion.run(id, Date.now());
      return deleted;
    });
    this.#selectToTakeOff = db.prepare<[], { id: string; erase: number }>(
      'SELECT id, erase FROM members_to_take_off',
    );
    this.#forgetTakeOff = db.prepare<[string]>('DELETE FROM members_to_take_off WHERE id = ?');
    this.#selectDeletedYetHere = db
      .prepare<[], string>('SELECT d.id FROM deleted_boards d JOIN boards b ON b.id = d.id')
      .pluck();
    this.#selectWasDeleted = db
      .prepare<[string], number>('SELECT 1 FROM deleted_boards WHERE id = ?')
      .pluck();
  }

  /** Creates the board and its keys; `initialize` runs in the same transaction. */
  create(board: NewBoard, initialize: () => void): Board {
    this.#db.transaction(() => {
      this.#insertBoard.run(board.id, board.title, board.template, board.language, board.createdAt);
      for (const [role, hash] of Object.entries(board.keyHashes)) {
        this.#insertKey.run(board.id, role, hash);
      }
      initialize();
    })();
    return this.get(board.id)!;
  }

  get(id: string): Board | undefined {
    const row = this.#selectBoard.get(id);
    return row ? toBoard(row) : undefined;
  }

  list(): Board[] {
    return this.#selectBoards.all().map(toBoard);
  }

  markOpened(id: string, at: number): void {
    this.#markOpened.run(at, id);
  }

  /** When each board was last active, as far as the store tells (ms): see BoardsService. */
  lastActive(): Map<string, number> {
    return new Map(this.#selectActive.all().map((row) => [row.id, row.active]));
  }

  roleForKey(boardId: string, keyHash: Buffer): Role | undefined {
    return this.#selectRoleByKey.get(boardId, keyHash)?.role as Role | undefined;
  }

  /** The board's title and language, in one statement; false when there is no such board. */
  update(boardId: string, title: string, language: string): boolean {
    return this.#update.run(title, language, boardId).changes > 0;
  }

  /** The role's key is `keyHash` from now on; the one before opens the board no more. */
  replaceKey(boardId: string, role: Role, keyHash: Buffer): void {
    this.#replaceKey.run(keyHash, boardId, role);
  }

  /**
   * Deletes the board and every row stored for it in one transaction; false if there was none.
   * Foreign keys are off meanwhile: left to cascade, SQLite would scan whole tables that have no
   * index on the key, the update log once and the votes and follow-ups once per member, all
   * boards' rows. Each table is emptied by an index instead, and a test holds every table with
   * a board_id to it. What it frees is overwritten with zeros (secure_delete, database.ts).
   */
  delete(id: string): boolean {
    if (this.#db.inTransaction) throw new Error('delete() cannot run inside a transaction');
    this.#db.pragma('foreign_keys = OFF');
    try {
      return this.#deleteAll.immediate(id);
    } finally {
      this.#db.pragma('foreign_keys = ON');
    }
  }

  /** Whether a board of this id was deleted (and recorded so: since 5 December). */
  wasDeleted(id: string): boolean {
    return this.#selectWasDeleted.get(id) !== undefined;
  }

  /** Boards recorded as deleted that are here all the same: put back by a restore. */
  deletedYetHere(): string[] {
    return this.#selectDeletedYetHere.all();
  }

  /** Members a restore found taken off (and erased) since the backup (store/taken-away.ts). */
  toTakeOffAgain(): { id: string; erase: boolean }[] {
    return this.#selectToTakeOff.all().map((row) => ({ id: row.id, erase: row.erase === 1 }));
  }

  forgetTakeOff(memberId: string): void {
    this.#forgetTakeOff.run(memberId);
  }

  contents(id: string): BoardContents {
    return this.#selectContents.get({ id })!;
  }

  countMembers(boardId: string): number {
    return this.#countMembers.get(boardId) ?? 0;
  }

  /**
   * Adds the member, whose first device's token has this hash (members.token_hash, read no
   * more: migration 18); `withDevice` stores that device, in the same transaction.
   */
  addMember(member: Member, tokenHash: Buffer, withDevice: () => void): void {
    this.#addMember(member, tokenHash, withDevice);
  }

  /** Everyone who joined, in join order; `removed` for those taken off the board. */
  members(boardId: string): BoardMember[] {
    return this.#selectMembers.all(boardId).map(toBoardMember);
  }

  member(id: string): BoardMember | undefined {
    const row = this.#selectMember.get(id);
    return row ? toBoardMember(row) : undefined;
  }

  /** Takes the member off its board: its token opens nothing from now. False if it was already. */
  removeMember(id: string, at: number): boolean {
    return this.#removeMember.run(at, id).changes > 0;
  }

  /** Gives the member `name` in place of its own, and takes it off the board if it was not. */
  eraseMember(id: string, name: string, at: number): void {
    this.#eraseMember.run(name, at, id);
  }
}
