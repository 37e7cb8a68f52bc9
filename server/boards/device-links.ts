/**
 * Carrying on from another device: a member asks for a one-time link, and opening it on the
 * phone (or the other laptop) makes that browser a device of the member's, with a token of its
 * own. The same member on both, so one vote budget and one name in the people list, where
 * joining again with the board's link makes a second member; and each device can be signed out
 * alone (BoardsService.signOutDevice).
 *
 * The code is stored only as its hash: the database alone opens nothing. A link works once, for
 * DEVICE_LINK_TTL_MS; a new one replaces the member's earlier one.
 */
import type { Member } from '../../shared/roles.ts';
import { AppError } from '../errors.ts';
import type { BoardEvents } from '../facilitation/board-events.ts';
import type { DeviceLinksRepository } from '../store/device-links-repository.ts';
import type { BoardsService } from './boards-service.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** How long a link to carry on elsewhere works: time to find the phone and scan. */
export const DEVICE_LINK_TTL_MS = 10 * 60_000;

/** A link that opens the board as its member on another device; the code rides in the fragment. */
export function deviceLink(origin: string, boardId: string, code: string): string {
  return `${origin}/b/${boardId}#device=${code}`;
}

const INVALID = () =>
  new AppError(
    'invalid_device_link',
    'This link to carry on from another device has expired or was used already: make a new one on the device you are on.',
  );

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

  /** A code that makes the device that takes it one of `member`'s. */
  offer(member: Member): { code: string; expiresAt: number } {
    const code = newSecret();
    const now = this.#now();
    const expiresAt = now + DEVICE_LINK_TTL_MS;
    this.#repository.put(
      hashSecret(code),
      { boardId: member.boardId, memberId: member.id, expiresAt },
      now,
    );
    return { code, expiresAt };
  }

  /**
   * The member a code hands over, once, and a token for the device that took it (`label`:
   * deviceLabel()): invalid_device_link for a code unknown here, used, or expired;
   * member_removed where a facilitator took the member off meanwhile. The member's connections
   * hear `device-link:taken`: the code can leave the screen it is on.
   */
  take(boardId: string, code: string, label = ''): { member: Member; token: string } {
    this.#boards.get(boardId);
    const link = this.#repository.take(hashSecret(code), boardId);
    if (!link || link.expiresAt <= this.#now()) throw INVALID();
    const member = this.#boards.member(boardId, link.memberId);
    if (member.removed) {
      throw new AppError('member_removed', 'A facilitator took you off this board.');
    }
    const token = this.#boards.addDevice(member, label);
    this.#events().toMember(member, undefined, 'device-link:taken');
    return { member, token };
  }
}
