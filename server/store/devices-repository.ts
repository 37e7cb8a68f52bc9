/**
 * The devices each member is on a board from (migration 18): one token each, stored as its
 * hash, so that one device can be signed out and the others stay.
 */
import type { Member } from '../../shared/roles.ts';
import type { Db } from './database.ts';

/** A device of a member's, as its member sees it listed. */
export interface StoredDevice {
  id: string;
  label: string;
  createdAt: number;
  /** When it was last on the board as far as the store knows (device-use.ts); null: unknown. */
  lastUsedAt: number | null;
}

/** What a token opens: its member and the device it was given to, or why it opens nothing. */
export type TokenHolder =
  | { kind: 'member'; member: Member; device: string; lastUsedAt: number | null }
  | { kind: 'removed'; boardId: string }
  | { kind: 'signed_out'; boardId: string };

interface HolderRow {
  id: string;
  board_id: string;
  name: string;
  role: Member['role'];
  color: string;
  removed_at: number | null;
  device: string;
  signed_out_at: number | null;
  last_used_at: number | null;
}

interface DeviceRow {
  id: string;
  label: string;
  created_at: number;
  last_used_at: number | null;
}

export class DevicesRepository {
  readonly #insert;
  readonly #holder;
  readonly #list;
  readonly #signOut;
  readonly #noteUses;

  constructor(db: Db) {
    this.#insert = db.prepare<[Buffer, string, string, string, number, number]>(
      `INSERT INTO member_devices (token_hash, id, member_id, label, created_at, last_used_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    // Every connection and every board call authenticates with this one query.
    this.#holder = db.prepare<[Buffer], HolderRow>(
      `SELECT m.id, m.board_id, m.name, m.role, m.color, m.removed_at,
         d.id AS device, d.signed_out_at, d.last_used_at
       FROM member_devices d JOIN members m ON m.id = d.member_id
       WHERE d.token_hash = ?`,
    );
    this.#list = db.prepare<[string], DeviceRow>(
      `SELECT id, label, created_at, last_used_at FROM member_devices
       WHERE member_id = ? AND signed_out_at IS NULL ORDER BY created_at, id`,
    );
    this.#signOut = db.prepare<[number, string, string]>(
      'UPDATE member_devices SET signed_out_at = ? WHERE id = ? AND member_id = ? AND signed_out_at IS NULL',
    );
    // Never back in time: a later use may have been stored first.
    const noteUse = db.prepare<[number, string]>(
      'UPDATE member_devices SET last_used_at = max(coalesce(last_used_at, 0), ?) WHERE id = ?',
    );
    this.#noteUses = db.transaction((uses: Iterable<[string, number]>) => {
      for (const [device, at] of uses) noteUse.run(at, device);
    });
  }

  /** Gives the member a device whose token has this hash. */
  add(
    memberId: string,
    tokenHash: Buffer,
    device: { id: string; label: string },
    at: number,
  ): void {
    this.#insert.run(tokenHash, device.id, memberId, device.label, at, at);
  }

  /** Whom a token's hash belongs to, if anyone. */
  holder(tokenHash: Buffer): TokenHolder | undefined {
    const row = this.#holder.get(tokenHash);
    if (!row) return undefined;
    if (row.removed_at !== null) return { kind: 'removed', boardId: row.board_id };
    if (row.signed_out_at !== null) return { kind: 'signed_out', boardId: row.board_id };
    const member: Member = {
      id: row.id,
      boardId: row.board_id,
      name: row.name,
      role: row.role,
      color: row.color,
    };
    return { kind: 'member', member, device: row.device, lastUsedAt: row.last_used_at };
  }

  /** The member's devices not signed out, oldest first. */
  list(memberId: string): StoredDevice[] {
    return this.#list.all(memberId).map((row) => ({
      id: row.id,
      label: row.label,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
    }));
  }

  /** Stores when each device (id) was last used, in one transaction; a gone device is skipped. */
  noteUses(uses: Iterable<[string, number]>): void {
    this.#noteUses(uses);
  }

  /** Signs one of the member's devices out; false where it is not one, or was already. */
  signOut(memberId: string, deviceId: string, at: number): boolean {
    return this.#signOut.run(at, deviceId, memberId).changes > 0;
  }
}
