/**
 * Carrying on from another device: a member asks for a one-time link, and opening it on the
 * phone (or the other laptop) gives that browser the member's own token. The same member on
 * both, so one vote budget and one name in the people list, where joining again with the
 * board's link makes a second member.
 *
 * The server never holds a token, only its hash (secrets.ts), so the token to carry over comes
 * with the request that makes the link and is kept sealed (AES-256-GCM) under a key drawn from
 * the link's code. The code is stored only as its hash: the database alone opens nothing. A
 * link works once, for DEVICE_LINK_TTL_MS; a new one replaces the member's earlier one.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Member } from '../../shared/roles.ts';
import { AppError } from '../errors.ts';
import type { BoardEvents } from '../facilitation/board-events.ts';
import type { DeviceLinksRepository } from '../store/device-links-repository.ts';
import type { BoardsService } from './boards-service.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** How long a link to carry on elsewhere works: time to find the phone and scan. */
export const DEVICE_LINK_TTL_MS = 10 * 60_000;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A link that opens the board as its member on another device; the code rides in the fragment. */
export function deviceLink(origin: string, boardId: string, code: string): string {
  return `${origin}/b/${boardId}#device=${code}`;
}

const INVALID = () =>
  new AppError(
    'invalid_device_link',
    'This link to carry on from another device has expired or was used already: make a new one on the device you are on.',
  );

/** The sealing key: drawn from the code, and unlike the code's hash, never stored. */
function sealingKey(code: string): Buffer {
  return createHash('sha256').update('ideamill device link key\0').update(code, 'utf8').digest();
}

function seal(code: string, token: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(code), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

function unseal(code: string, sealed: Buffer): string | undefined {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      sealingKey(code),
      sealed.subarray(0, IV_BYTES),
    );
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}

export class DeviceLinks {
  readonly #boards: BoardsService;
  readonly #repository: DeviceLinksRepository;
  readonly #events: () => BoardEvents;
  readonly #now: () => number;

  constructor(
    boards: BoardsService,
    repository: DeviceLinksRepository,
    events: () => BoardEvents,
    now = Date.now,
  ) {
    this.#boards = boards;
    this.#repository = repository;
    this.#events = events;
    this.#now = now;
  }

  /** A code that gives `token`'s member (authenticated with it) to the device that takes it. */
  offer(member: Member, token: string): { code: string; expiresAt: number } {
    const code = newSecret();
    const now = this.#now();
    const expiresAt = now + DEVICE_LINK_TTL_MS;
    this.#repository.put(
      hashSecret(code),
      { boardId: member.boardId, memberId: member.id, sealed: seal(code, token), expiresAt },
      now,
    );
    return { code, expiresAt };
  }

  /**
   * The member and token a code hands over, once: invalid_device_link for a code unknown here,
   * used, or expired; member_removed where a facilitator took the member off meanwhile. The
   * member's connections hear `device-link:taken`: the code can leave the screen it is on.
   */
  take(boardId: string, code: string): { member: Member; token: string } {
    this.#boards.get(boardId);
    const link = this.#repository.take(hashSecret(code), boardId);
    if (!link || link.expiresAt <= this.#now()) throw INVALID();
    const token = unseal(code, link.sealed);
    if (token === undefined) throw INVALID();
    const member = this.#boards.authenticate(boardId, token);
    this.#events().toMember(member, undefined, 'device-link:taken');
    return { member, token };
  }
}
