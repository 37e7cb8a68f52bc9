/** Follow-ups: who takes an item forward, by when, and how it stands. */
import type { FollowUp, FollowUpOwner, FollowUpStatus } from '../../shared/follow-through.ts';
import type { Db } from './database.ts';

interface Row {
  id: string;
  board_id: string;
  item_id: string;
  title: string;
  owner_name: string;
  owner_email: string | null;
  owner_member_id: string | null;
  due: string | null;
  status: FollowUpStatus;
  notes: string | null;
  created_at: number;
  updated_at: number;
}

function toFollowUp(row: Row): FollowUp {
  const owner: FollowUpOwner = { name: row.owner_name };
  if (row.owner_email) owner.email = row.owner_email;
  if (row.owner_member_id) owner.memberId = row.owner_member_id;
  const followUp: FollowUp = {
    id: row.id,
    itemId: row.item_id,
    title: row.title,
    owner,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
  if (row.due) followUp.due = row.due;
  if (row.notes) followUp.notes = row.notes;
  return followUp;
}

export interface StoredFollowUp {
  boardId: string;
  followUp: FollowUp;
}

export class FollowUpsRepository {
  readonly #db: Db;
  readonly #upsert;
  readonly #get;
  readonly #list;
  readonly #delete;

  constructor(db: Db) {
    this.#db = db;
    this.#upsert = db.prepare(
      `INSERT INTO follow_ups (id, board_id, item_id, title, owner_name, owner_email,
         owner_member_id, due, status, notes, created_at, updated_at)
       VALUES (@id, @boardId, @itemId, @title, @ownerName, @ownerEmail, @ownerMemberId, @due,
         @status, @notes, @createdAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, owner_name = excluded.owner_name,
         owner_email = excluded.owner_email, owner_member_id = excluded.owner_member_id,
         due = excluded.due, status = excluded.status, notes = excluded.notes,
         updated_at = excluded.updated_at`,
    );
    this.#get = db.prepare<[string, string], Row>(
      'SELECT * FROM follow_ups WHERE id = ? AND board_id = ?',
    );
    this.#list = db.prepare<[string], Row>(
      'SELECT * FROM follow_ups WHERE board_id = ? ORDER BY created_at, id',
    );
    this.#delete = db.prepare('DELETE FROM follow_ups WHERE id = ? AND board_id = ?');
  }

  save(boardId: string, followUp: FollowUp): void {
    this.#upsert.run({
      id: followUp.id,
      boardId,
      itemId: followUp.itemId,
      title: followUp.title,
      ownerName: followUp.owner.name,
      ownerEmail: followUp.owner.email ?? null,
      ownerMemberId: followUp.owner.memberId ?? null,
      due: followUp.due ?? null,
      status: followUp.status,
      notes: followUp.notes ?? null,
      createdAt: Date.parse(followUp.createdAt),
      updatedAt: Date.parse(followUp.updatedAt),
    });
  }

  /** Saves several in one transaction: all or none. */
  saveAll(boardId: string, followUps: readonly FollowUp[]): void {
    this.#db.transaction(() => {
      for (const followUp of followUps) this.save(boardId, followUp);
    })();
  }

  get(boardId: string, id: string): FollowUp | undefined {
    const row = this.#get.get(id, boardId);
    return row ? toFollowUp(row) : undefined;
  }

  list(boardId: string): FollowUp[] {
    return this.#list.all(boardId).map(toFollowUp);
  }

  delete(boardId: string, id: string): boolean {
    return this.#delete.run(id, boardId).changes === 1;
  }
}
