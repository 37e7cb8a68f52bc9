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

export class BoardsRepository {
  readonly #db: Db;
  readonly #insertBoard;
  readonly #insertKey;
  readonly #selectBoard;
  readonly #selectRoleByKey;
  readonly #replaceKey;
  readonly #insertMember;
  readonly #countMembers;
  readonly #selectMemberByToken;
  readonly #selectMember;
  readonly #selectBoards;
  readonly #selectMembers;

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
    this.#replaceKey = db.prepare<[Buffer, string, string]>(
      'UPDATE board_keys SET key_hash = ? WHERE board_id = ? AND role = ?',
    );
    this.#insertMember = db.prepare(
      `INSERT INTO members (id, board_id, name, role, color, token_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#countMembers = db
      .prepare<[string], number>('SELECT count(*) FROM members WHERE board_id = ?')
      .pluck();
    this.#selectMemberByToken = db.prepare<[Buffer], MemberRow>(
      'SELECT id, board_id, name, role, color FROM members WHERE token_hash = ?',
    );
    this.#selectMembers = db.prepare<[string], MemberRow>(
      'SELECT id, board_id, name, role, color FROM members WHERE board_id = ? ORDER BY created_at, id',
    );
    this.#selectMember = db.prepare<[string], MemberRow>(
      'SELECT id, board_id, name, role, color FROM members WHERE id = ?',
    );
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

  roleForKey(boardId: string, keyHash: Buffer): Role | undefined {
    return this.#selectRoleByKey.get(boardId, keyHash)?.role as Role | undefined;
  }

  /** The role's key is `keyHash` from now on; the one before opens the board no more. */
  replaceKey(boardId: string, role: Role, keyHash: Buffer): void {
    this.#replaceKey.run(keyHash, boardId, role);
  }

  countMembers(boardId: string): number {
    return this.#countMembers.get(boardId) ?? 0;
  }

  addMember(member: Member, tokenHash: Buffer): void {
    this.#insertMember.run(
      member.id,
      member.boardId,
      member.name,
      member.role,
      member.color,
      tokenHash,
      Date.now(),
    );
  }

  memberByToken(tokenHash: Buffer): Member | undefined {
    const row = this.#selectMemberByToken.get(tokenHash);
    return row ? toMember(row) : undefined;
  }

  members(boardId: string): Member[] {
    return this.#selectMembers.all(boardId).map(toMember);
  }

  member(id: string): Member | undefined {
    const row = this.#selectMember.get(id);
    return row ? toMember(row) : undefined;
  }
}
