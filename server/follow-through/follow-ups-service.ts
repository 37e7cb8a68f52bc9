/**
 * Follow-ups: who takes an item forward. Facilitators do everything; a participant may change
 * the status and notes of follow-ups they own; viewers read.
 */
import { v7 as uuidv7 } from 'uuid';
import { type Item, itemLabel, itemsOf, readItem, shortened } from '../../shared/board-document.ts';
import {
  createFollowUpBody,
  type FollowUp,
  type FollowUpOwner,
  followUpsFromRoundBody,
  UNASSIGNED,
  updateFollowUpBody,
} from '../../shared/follow-through.ts';
import type { Member } from '../../shared/roles.ts';
import { BOARD_WORDS, type BoardWords } from '../boards/board-words.ts';
import type { BoardsService } from '../boards/boards-service.ts';
import type { DocumentRegistry } from '../documents/document-registry.ts';
import { AppError } from '../errors.ts';
import type { BoardEvents } from '../facilitation/board-events.ts';
import { requireRole } from '../facilitation/roles.ts';
import type { RoundsService } from '../facilitation/rounds-service.ts';
import type { FollowUpsRepository } from '../store/follow-ups-repository.ts';

/** null or undefined: nobody yet. */
type OwnerInput = { memberId: string } | { name: string; email?: string } | null | undefined;

const PARTICIPANT_FIELDS = new Set(['status', 'notes']);

export class FollowUpsService {
  readonly #repository: FollowUpsRepository;
  readonly #boards: BoardsService;
  readonly #documents: DocumentRegistry;
  readonly #rounds: RoundsService;
  readonly #events: () => BoardEvents;

  constructor(
    repository: FollowUpsRepository,
    boards: BoardsService,
    documents: DocumentRegistry,
    rounds: RoundsService,
    events: () => BoardEvents,
  ) {
    this.#repository = repository;
    this.#boards = boards;
    this.#documents = documents;
    this.#rounds = rounds;
    this.#events = events;
  }

  list(member: Member): FollowUp[] {
    return this.#repository.list(member.boardId);
  }

  create(member: Member, input: unknown, now = Date.now()): FollowUp {
    requireRole(member, 'facilitator');
    const body = createFollowUpBody.parse(input);
    const item = this.#item(member.boardId, body.itemId);
    const followUp: FollowUp = {
      id: uuidv7(),
      itemId: body.itemId,
      title: body.title ?? defaultTitle(itemLabel(item), this.#words(member.boardId)),
      owner: this.#owner(member.boardId, body.owner),
      status: body.status,
      createdAt: new Date(now).toISOString(),
      updatedAt: new Date(now).toISOString(),
    };
    if (body.due) followUp.due = body.due;
    if (body.notes) followUp.notes = body.notes;
    this.#repository.save(member.boardId, followUp);
    this.#events().toBoard(member.boardId, 'followup:changed', followUp);
    return followUp;
  }

  update(member: Member, id: string, input: unknown, now = Date.now()): FollowUp {
    requireRole(member, 'facilitator', 'participant');
    const changes = updateFollowUpBody.parse(input);
    const current = this.#find(member.boardId, id);
    if (member.role === 'participant') {
      if (current.owner.memberId !== member.id) {
        throw new AppError(
          'role_not_allowed',
          'Participants can only update their own follow-ups.',
        );
      }
      const other = Object.keys(changes).find((field) => !PARTICIPANT_FIELDS.has(field));
      if (other) {
        throw new AppError(
          'role_not_allowed',
          `Participants can change status and notes only, not ${other}.`,
        );
      }
    }
    const next: FollowUp = { ...current, updatedAt: new Date(now).toISOString() };
    if (changes.title !== undefined) next.title = changes.title;
    if (changes.owner !== undefined) {
      next.owner = this.#owner(member.boardId, changes.owner, current.owner.memberId);
    }
    if (changes.status !== undefined) next.status = changes.status;
    if (changes.due === null || changes.due === '') delete next.due;
    else if (changes.due !== undefined) next.due = changes.due;
    if (changes.notes === null || changes.notes === '') delete next.notes;
    else if (changes.notes !== undefined) next.notes = changes.notes;
    this.#repository.save(member.boardId, next);
    this.#events().toBoard(member.boardId, 'followup:changed', next);
    return next;
  }

  /**
   * The follow-ups an erased member owns, given to them as a member or to their name typed in
   * (the name they had, in any case), name them as they are now named (ERASED_MEMBER_NAME) and
   * hold no e-mail address: the name and the address are nowhere on the board.
   */
  eraseOwner(erased: Member, formerName: string, now = Date.now()): void {
    const former = formerName.trim().toLocaleLowerCase();
    const owned = this.#repository
      .list(erased.boardId)
      .filter(
        ({ owner }) =>
          owner.memberId === erased.id ||
          (owner.memberId === undefined && owner.name.trim().toLocaleLowerCase() === former),
      )
      .map((followUp) => ({
        ...followUp,
        owner:
          followUp.owner.memberId === undefined
            ? { name: erased.name }
            : { name: erased.name, memberId: erased.id },
        updatedAt: new Date(now).toISOString(),
      }));
    if (owned.length === 0) return;
    this.#repository.saveAll(erased.boardId, owned);
    for (const followUp of owned) {
      this.#events().toBoard(erased.boardId, 'followup:changed', followUp);
    }
  }

  delete(member: Member, id: string): void {
    requireRole(member, 'facilitator');
    if (!this.#repository.delete(member.boardId, id)) {
      throw new AppError('follow_up_not_found', 'There is no such follow-up on this board.');
    }
    this.#events().toBoard(member.boardId, 'followup:deleted', { id });
  }

  /**
   * One follow-up per item ranked within the top N of a closed round (ties included), but for
   * items that already have one: asking twice adds nothing. Unassigned unless the request names
   * an owner: the winners usually go to different people, chosen after the vote.
   */
  fromRound(member: Member, input: unknown, now = Date.now()): FollowUp[] {
    requireRole(member, 'facilitator');
    const body = followUpsFromRoundBody.parse(input);
    const view = this.#rounds.get(member, body.roundId);
    if (view.round.status !== 'closed') {
      throw new AppError('round_still_open', 'Close the round before assigning its results.');
    }
    const owner = this.#owner(member.boardId, body.owner);
    const doc = this.#documents.open({ boardId: member.boardId }).doc;
    const words = this.#words(member.boardId);
    const followed = new Set(this.#repository.list(member.boardId).map((f) => f.itemId));
    const created: FollowUp[] = [];
    for (const result of view.results ?? []) {
      if (result.rank > body.top || followed.has(result.itemId)) continue;
      // A winner deleted since the round closed still gets its follow-up (QA: it never could):
      // the results keep its label, the exports list it as the winner and the follow-up's item
      // as deleted.
      const item = readItem(result.itemId, itemsOf(doc).get(result.itemId));
      const followUp: FollowUp = {
        id: uuidv7(),
        itemId: result.itemId,
        title: defaultTitle(item ? itemLabel(item) : result.label, words),
        owner: { ...owner },
        status: 'open',
        notes: words.fromRound(view.round.title, result.rank, result.votes),
        createdAt: new Date(now).toISOString(),
        updatedAt: new Date(now).toISOString(),
      };
      if (body.due) followUp.due = body.due;
      created.push(followUp);
    }
    this.#repository.saveAll(member.boardId, created);
    for (const followUp of created) {
      this.#events().toBoard(member.boardId, 'followup:changed', followUp);
    }
    return created;
  }

  #words(boardId: string): BoardWords {
    return BOARD_WORDS[this.#boards.get(boardId).language];
  }

  #find(boardId: string, id: string): FollowUp {
    const followUp = this.#repository.get(boardId, id);
    if (!followUp) {
      throw new AppError('follow_up_not_found', 'There is no such follow-up on this board.');
    }
    return followUp;
  }

  #item(boardId: string, itemId: string): Item {
    const doc = this.#documents.open({ boardId }).doc;
    const item = readItem(itemId, itemsOf(doc).get(itemId));
    if (!item) throw new AppError('item_not_found', 'There is no such item on this board.');
    return item;
  }

  /**
   * A board member by id (their current name), a free-text name and e-mail, or nobody yet. A
   * member taken off the board is given nothing new: only the follow-up they own already
   * (`kept`) may name them still, so it can be edited.
   */
  #owner(boardId: string, owner: OwnerInput, kept?: string): FollowUpOwner {
    if (!owner) return { ...UNASSIGNED };
    if ('memberId' in owner) {
      const member = this.#boards.member(boardId, owner.memberId);
      if (member.removed && member.id !== kept) {
        throw new AppError('member_not_found', 'That person is no longer a member of the board.');
      }
      return { name: member.name, memberId: member.id };
    }
    return owner.email ? { name: owner.name, email: owner.email } : { name: owner.name };
  }
}

/** A follow-up's title when none is given: the item's label, shortened; a word if it has none. */
function defaultTitle(label: string | undefined, words: BoardWords): string {
  if (!label) return words.followUp;
  return shortened(label, 120);
}
