/** Creating boards, joining them with a role key, and recognising members by their token. */
import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import { type Board, ERASED_MEMBER_NAME, type Language, type RoleKeys } from '../../shared/api.ts';
import { MEMBER_COLORS, type Member, ROLES, type Role } from '../../shared/roles.ts';
import { teamTitleIn } from '../../shared/team-boards.ts';
import { applyTemplate, type Template } from '../../shared/templates.ts';
import { AppError } from '../errors.ts';
import type { BoardContents, BoardMember, BoardsRepository } from '../store/boards-repository.ts';
import type { DevicesRepository, StoredDevice } from '../store/devices-repository.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import type { DeviceUse } from './device-use.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** What everyone connected to a board hears as it is deleted, before their connection closes. */
export const BOARD_DELETED = new AppError('board_deleted', 'This board has been deleted.');

/** What a member's connections hear as a facilitator takes the member off the board. */
export const MEMBER_REMOVED = new AppError(
  'member_removed',
  'A facilitator took you off this board.',
);

/** A token that opens nothing on this board (over HTTP, Socket.io and y-websocket alike). */
export const INVALID_TOKEN = new AppError(
  'invalid_token',
  'That token is not valid for this board; join again.',
);

/**
 * What a device's connections hear as its member signs it out from another device, or leaves
 * the board on it ("Leave…" in another of its tabs).
 */
export const DEVICE_SIGNED_OUT = new AppError(
  'device_signed_out',
  'This device was signed out of the board. Open the board with its link to join again.',
);

/** A device of the member's as its list shows it. */
export interface ListedDevice extends StoredDevice {
  lastUsedAt: number;
  connected: boolean;
}

/** A role's link: the key rides in the fragment, which browsers never send to servers. */
export function boardLink(origin: string, boardId: string, key: string): string {
  return `${origin}/b/${boardId}#key=${key}`;
}

export class BoardsService {
  readonly #boards: BoardsRepository;
  readonly #documents: DocumentsRepository;
  readonly #devices: DevicesRepository;
  readonly #deviceUse: DeviceUse;
  readonly #deleted: Array<(boardId: string) => void> = [];
  readonly #removed: Array<(member: Member) => void> = [];
  readonly #signedOut: Array<(device: string) => void> = [];
  readonly #erased: Array<(member: Member, formerName: string) => void> = [];
  readonly #renamed: Array<(board: Board) => void> = [];
  readonly #languageChanged: Array<(board: Board, from: Language) => void> = [];

  constructor(
    boards: BoardsRepository,
    documents: DocumentsRepository,
    devices: DevicesRepository,
    deviceUse: DeviceUse,
  ) {
    this.#boards = boards;
    this.#documents = documents;
    this.#devices = devices;
    this.#deviceUse = deviceUse;
  }

  create(input: { title: string; template: Template; language: Language }): {
    board: Board;
    keys: RoleKeys;
  } {
    const keys = Object.fromEntries(ROLES.map((role) => [role, newSecret()])) as RoleKeys;
    const keyHashes = Object.fromEntries(ROLES.map((role) => [role, hashSecret(keys[role])]));
    const id = uuidv7();
    const doc = new Y.Doc();
    applyTemplate(doc, input.template, input.language);
    const state = { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
    doc.destroy();
    const board = this.#boards.create(
      {
        id,
        ...input,
        createdAt: Date.now(),
        keyHashes: keyHashes as Record<Role, Buffer>,
      },
      () => this.#documents.initialize(id, state),
    );
    return { board, keys };
  }

  get(boardId: string): Board {
    const board = this.#boards.get(boardId);
    if (!board) throw this.#missing(boardId);
    return board;
  }

  /**
   * Why there is no board of this id: one deleted is said to be (410 board_deleted), so a
   * member back from offline is not told to check a link that was right (QA); any other is
   * board_not_found.
   */
  #missing(boardId: string): AppError {
    return this.#boards.wasDeleted(boardId)
      ? BOARD_DELETED
      : new AppError('board_not_found', `There is no board with id ${boardId}.`);
  }

  list(): Board[] {
    return this.#boards.list();
  }

  /** The server read the board into memory: someone opened it, if only to look. */
  markOpened(boardId: string): void {
    this.#boards.markOpened(boardId, Date.now());
  }

  /**
   * When each board was last active as far as the store tells: the server last read it into
   * memory (someone opened it, if only to look; see markOpened), someone joined, a version was
   * saved (automatic ones every SNAPSHOT_INTERVAL_MS while it changes), its document was stored
   * (as it leaves memory, and as its log grows), a round opened or closed, a follow-up changed.
   * For an operator deciding which old boards to delete.
   */
  lastActive(): Map<string, number> {
    return this.#boards.lastActive();
  }

  /** Everyone who ever joined the board, `removed` for those taken off it. */
  members(boardId: string): BoardMember[] {
    return this.#boards.members(boardId);
  }

  /**
   * A member of this board, or member_not_found. One taken off the board is still one: what it
   * wrote and owns keeps its name (a follow-up it owns can still be edited).
   */
  member(boardId: string, memberId: string): BoardMember {
    const member = this.#boards.member(memberId);
    if (!member || member.boardId !== boardId) {
      throw new AppError('member_not_found', 'There is no such member on this board.');
    }
    return member;
  }

  /**
   * Takes a member off the board (a facilitator or the operator, `by`): its token opens nothing from now, and
   * the listeners close its connections. What it wrote, voted and owns stays, under its name.
   */
  removeMember(boardId: string, memberId: string, by: Member | 'operator'): Member {
    const member = this.member(boardId, memberId);
    if (by !== 'operator' && member.id === by.id) {
      throw new AppError('invalid_input', 'You cannot take yourself off the board.');
    }
    if (!this.#boards.removeMember(member.id, Date.now())) {
      throw new AppError('member_not_found', 'That person is no longer a member of the board.');
    }
    for (const listener of this.#removed) listener(member);
    return member;
  }

  /**
   * Erases a member's name, at their request (a facilitator or the operator, `by`): it becomes
   * ERASED_MEMBER_NAME in the board's language wherever the board names them, and they are
   * taken off the board if they were not. Also one taken off before. Their notes, votes and
   * follow-ups stay, under that name; the erased listeners clear what else holds it.
   */
  eraseMember(boardId: string, memberId: string, by: Member | 'operator'): Member {
    const member = this.member(boardId, memberId);
    if (by !== 'operator' && member.id === by.id) {
      throw new AppError(
        'invalid_input',
        'You cannot erase yourself: another facilitator or the operator can.',
      );
    }
    const name = ERASED_MEMBER_NAME[this.get(boardId).language];
    this.#boards.eraseMember(member.id, name, Date.now());
    const erased = { ...member, name };
    if (!member.removed) for (const listener of this.#removed) listener(erased);
    for (const listener of this.#erased) listener(erased, member.name);
    return erased;
  }

  /** Runs after a member's name was erased (see eraseMember()), with the name it had. */
  onMemberErased(listener: (member: Member, formerName: string) => void): void {
    this.#erased.push(listener);
  }

  /** Runs after a member was taken off its board (see removeMember()). */
  onMemberRemoved(listener: (member: Member) => void): void {
    this.#removed.push(listener);
  }

  /**
   * Gives the board a new title (a facilitator's, checked by the caller): the one its page,
   * its links' join page, its exports (of saved versions too: rounds and follow-ups are as now
   * in those already) and `ideamill list` show from now on. Files exported before keep theirs.
   */
  rename(boardId: string, title: string): Board {
    return this.update(boardId, { title });
  }

  /**
   * A new title, another language or both, written together and heard once. Another language
   * is the board's exports' words from now on and (the listeners of onLanguageChanged) its
   * template's labels where nobody changed them: for a board made in the wrong language (QA: a
   * day's team boards all made in Finnish, one team English-speaking). Without a title given,
   * "… · Tiimi 2", as boards made together are titled, says "… · Team 2" in English; a title
   * given is kept as given.
   */
  update(boardId: string, change: { title?: string; language?: Language }): Board {
    const before = this.get(boardId);
    const language = change.language ?? before.language;
    const title = change.title ?? teamTitleIn(before.title, before.language, language);
    if (title === before.title && language === before.language) return before;
    if (!this.#boards.update(boardId, title, language)) throw this.#missing(boardId);
    const board = this.get(boardId);
    if (language !== before.language) {
      for (const listener of this.#languageChanged) listener(board, before.language);
    }
    for (const listener of this.#renamed) listener(board);
    return board;
  }

  /** Runs after a board got a new title or language (see update()). */
  onRenamed(listener: (board: Board) => void): void {
    this.#renamed.push(listener);
  }

  /** Runs after a board got another language, with the one it had (see update()). */
  onLanguageChanged(listener: (board: Board, from: Language) => void): void {
    this.#languageChanged.push(listener);
  }

  /**
   * A new key for `role`, returned once, like the board's first keys. The role's key before it
   * opens the board no more; members who joined with it stay, with their tokens.
   */
  replaceKey(boardId: string, role: Role): string {
    this.get(boardId);
    const key = newSecret();
    this.#boards.replaceKey(boardId, role, hashSecret(key));
    return key;
  }

  /**
   * How much a board holds besides its document: what deleting it would take away (every
   * member who ever joined, those taken off it too).
   */
  contents(boardId: string): BoardContents {
    this.get(boardId);
    return this.#boards.contents(boardId);
  }

  /**
   * Deletes the board and everything stored for it, for good; then tells the listeners, which
   * close its connections and drop what they keep of it. If the store fails, nothing changed.
   */
  delete(boardId: string): void {
    if (!this.#boards.delete(boardId)) {
      throw this.#missing(boardId);
    }
    this.#tellDeleted(boardId);
  }

  #tellDeleted(boardId: string): void {
    // Each listener runs whatever another one threw: the board is gone either way.
    let failure: unknown;
    for (const listener of this.#deleted) {
      try {
        listener(boardId);
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  }

  /**
   * Deletes again every board recorded as deleted that is here all the same: a restore from a
   * backup taken before its deletion put it back (`ideamill restore` carries the record over).
   * Returns their ids. A board one means to have back is restored with `--undelete`.
   */
  deleteAgain(): string[] {
    // Another process opening the same database (a CLI command at the server's start) may have
    // deleted one meanwhile.
    const deleted = this.#boards.deletedYetHere().filter((id) => this.#boards.delete(id));
    for (const id of deleted) this.#tellDeleted(id);
    return deleted;
  }

  /**
   * Takes off (and erases) again every member a restore found taken off (erased) in the
   * database it replaced but not in the backup (`ideamill restore`, store/taken-away.ts), so
   * that a restore does not undo an erasure. Returns them, as they are now.
   */
  takeOffAgain(): { member: Member; erased: boolean }[] {
    const done: { member: Member; erased: boolean }[] = [];
    for (const { id, erase } of this.#boards.toTakeOffAgain()) {
      const member = this.#boards.member(id);
      if (member && erase) {
        done.push({ member: this.eraseMember(member.boardId, id, 'operator'), erased: true });
      } else if (member && !member.removed) {
        done.push({ member: this.removeMember(member.boardId, id, 'operator'), erased: false });
      }
      this.#boards.forgetTakeOff(id);
    }
    return done;
  }

  /** Runs after a board was deleted (see delete()). */
  onDeleted(listener: (boardId: string) => void): void {
    this.#deleted.push(listener);
  }

  /** The board a key opens and the role it gives, without joining: invalid_key where none. */
  invitation(boardId: string, key: string): { board: Board; role: Role } {
    const board = this.get(boardId);
    const role = this.#boards.roleForKey(boardId, hashSecret(key));
    if (!role) {
      throw new AppError('invalid_key', 'That key does not open this board. Check the link.');
    }
    return { board, role };
  }

  /**
   * The key decides the role; the returned token is the member's secret from now on, for this
   * device (`label`: deviceLabel()). Another device gets one of its own (addDevice()).
   */
  join(boardId: string, key: string, name: string, label = ''): { member: Member; token: string } {
    const { role } = this.invitation(boardId, key);
    const count = this.#boards.countMembers(boardId);
    const member: Member = {
      id: uuidv7(),
      boardId,
      name,
      role,
      color: MEMBER_COLORS[count % MEMBER_COLORS.length]!,
    };
    const token = newSecret();
    const hash = hashSecret(token);
    this.#boards.addMember(member, hash, () =>
      this.#devices.add(member.id, hash, { id: uuidv7(), label }, Date.now()),
    );
    return { member, token };
  }

  /** A token of its own for another device of the member's (a device link taken on it). */
  addDevice(member: Member, label: string): string {
    const token = newSecret();
    this.#devices.add(member.id, hashSecret(token), { id: uuidv7(), label }, Date.now());
    return token;
  }

  /**
   * The member's devices on the board, oldest first, each with when it was last used and whether
   * it is connected now (device-use.ts); signed-out ones are not listed.
   */
  devices(member: Member): ListedDevice[] {
    return this.#devices.list(member.id).map((device) => ({
      ...device,
      lastUsedAt: Math.max(
        device.createdAt,
        this.#deviceUse.lastUsedAt(device.id, device.lastUsedAt),
      ),
      connected: this.#deviceUse.isConnected(device.id),
    }));
  }

  /**
   * Signs one of the member's other devices out (a lost phone, a meeting room's laptop): its
   * token opens nothing from now, and the listeners close its connections. Not the device
   * asking (`current`): "Leave…" does that (leaveDevice()), forgetting the board there too.
   */
  signOutDevice(member: Member, deviceId: string, current: string): void {
    if (deviceId === current) {
      throw new AppError(
        'invalid_input',
        'This is the device you are on: sign it out from another one, or use "Leave…" here (DELETE …/devices/current).',
      );
    }
    this.#signOut(member, deviceId);
  }

  /**
   * "Leave…" on the device itself (a shared workshop laptop): its token opens the board no more,
   * and its other pages are closed as a signed-out device's are. The member stays on the board.
   */
  leaveDevice(member: Member, device: string): void {
    this.#signOut(member, device);
  }

  #signOut(member: Member, deviceId: string): void {
    if (!this.#devices.signOut(member.id, deviceId, Date.now())) {
      throw new AppError('device_not_found', 'You have no such device on this board.');
    }
    for (const listener of this.#signedOut) listener(deviceId);
  }

  /** Runs after a device was signed out (see signOutDevice() and leaveDevice()). */
  onDeviceSignedOut(listener: (device: string) => void): void {
    this.#signedOut.push(listener);
  }

  /** The member a token belongs to, if it belongs to this board; throws otherwise. */
  authenticate(boardId: string, token: string | undefined | null): Member {
    return this.signIn(boardId, token).member;
  }

  /** authenticate(), with the device the token was given to. */
  signIn(boardId: string, token: string | undefined | null): { member: Member; device: string } {
    if (!token) {
      throw new AppError('token_required', 'Send your member token: join the board first.');
    }
    const holder = this.#devices.holder(hashSecret(token));
    // A device row exists only with its member, and a member only with its board (foreign keys):
    // every connection authenticates with this one query, and the board is looked up only to say
    // why a token fails.
    if (holder?.kind === 'member' && holder.member.boardId === boardId) {
      this.#deviceUse.signedIn(holder.device, holder.lastUsedAt);
      return { member: holder.member, device: holder.device };
    }
    this.get(boardId);
    // Said as it is: a page back from offline told "join again" invited its person back (QA).
    if (holder?.kind === 'removed' && holder.boardId === boardId) {
      throw new AppError('member_removed', 'A facilitator took you off this board.');
    }
    if (holder?.kind === 'signed_out' && holder.boardId === boardId) throw DEVICE_SIGNED_OUT;
    throw INVALID_TOKEN;
  }
}
