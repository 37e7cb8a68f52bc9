/**
 * Device links (boards/device-links.ts): a one-time code, found by its hash, that names the
 * member whose device takes it; taken once.
 */
import type { Db } from './database.ts';

export interface StoredDeviceLink {
  boardId: string;
  memberId: string;
  expiresAt: number;
}

interface Row {
  board_id: string;
  member_id: string;
  expires_at: number;
}

export class DeviceLinksRepository {
  readonly #put;
  readonly #take;

  constructor(db: Db) {
    const insert = db.prepare<[Buffer, string, string, number]>(
      'INSERT INTO device_links (code_hash, board_id, member_id, expires_at) VALUES (?, ?, ?, ?)',
    );
    // One waiting per member: a new code replaces the one made before (a dialog opened again).
    const forgetMember = db.prepare<[string]>('DELETE FROM device_links WHERE member_id = ?');
    const forgetExpired = db.prepare<[number]>('DELETE FROM device_links WHERE expires_at <= ?');
    const select = db.prepare<[Buffer, string], Row>(
      'SELECT board_id, member_id, expires_at FROM device_links WHERE code_hash = ? AND board_id = ?',
    );
    const remove = db.prepare<[Buffer]>('DELETE FROM device_links WHERE code_hash = ?');
    this.#put = db.transaction((codeHash: Buffer, link: StoredDeviceLink, now: number) => {
      forgetExpired.run(now);
      forgetMember.run(link.memberId);
      insert.run(codeHash, link.boardId, link.memberId, link.expiresAt);
    });
    this.#take = db.transaction((codeHash: Buffer, boardId: string) => {
      const row = select.get(codeHash, boardId);
      if (!row) return undefined;
      remove.run(codeHash);
      const link: StoredDeviceLink = {
        boardId: row.board_id,
        memberId: row.member_id,
        expiresAt: row.expires_at,
      };
      return link;
    });
  }

  /** Stores a device link in place of the member's earlier one; expired ones go too. */
  put(codeHash: Buffer, link: StoredDeviceLink, now: number): void {
    this.#put.immediate(codeHash, link, now);
  }

  /** The board's device link of this code, gone from the store as it is read: a code works once. */
  take(codeHash: Buffer, boardId: string): StoredDeviceLink | undefined {
    return this.#take.immediate(codeHash, boardId);
  }
}
