/**
 * Silent writing (brainwriting). While it runs, participants write into their own private
 * document, which the server syncs to its author only; the shared board is read-only for them.
 * The reveal moves every private note into the shared board at once, optionally without names.
 */
import { v5 as uuidv5 } from 'uuid';
import * as Y from 'yjs';
import { cloneItem, itemsOf } from '../../shared/board-document.ts';
import type { BoardState, RevealResponse } from '../../shared/facilitation.ts';
import type { Member } from '../../shared/roles.ts';
import type { DocumentKey } from '../documents/document-key.ts';
import type { DocumentRegistry } from '../documents/document-registry.ts';
import { AppError } from '../errors.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import type { BoardEvents } from './board-events.ts';
import type { BoardStateService } from './board-state-service.ts';
import { requireRole } from './roles.ts';

const PRIVATE_ID = /\/private\/([^/]+)$/;

export class SilentWritingService {
  readonly #state: BoardStateService;
  readonly #documents: DocumentRegistry;
  readonly #repository: DocumentsRepository;
  readonly #events: () => BoardEvents;
  /** Whether each board's last reveal left the names out, while the board is loaded. */
  readonly #anonymous = new Map<string, boolean>();
  /**
   * Members whose late notes wait for the board to be unlocked, by board. Kept when the board
   * unloads (the notes are stored in their private documents); a restart forgets it, and such
   * notes then go onto the board with the next reveal.
   */
  readonly #held = new Map<string, Set<string>>();

  constructor(
    state: BoardStateService,
    documents: DocumentRegistry,
    repository: DocumentsRepository,
    events: () => BoardEvents,
  ) {
    this.#state = state;
    this.#documents = documents;
    this.#repository = repository;
    this.#events = events;
  }

  start(member: Member): BoardState {
    requireRole(member, 'facilitator');
    return this.#state.setSilentWriting(member.boardId, true);
  }

  reveal(member: Member, anonymous: boolean): RevealResponse {
    requireRole(member, 'facilitator');
    const boardId = member.boardId;
    if (!this.#state.get(boardId).silentWriting) {
      throw new AppError('silent_writing_not_running', 'Start silent writing before revealing.');
    }
    let revealed = 0;
    for (const owner of this.#owners(boardId)) {
      revealed += this.#revealNotesOf(boardId, owner, anonymous);
    }
    this.#anonymous.set(boardId, anonymous);
    this.#state.setSilentWriting(boardId, false);
    this.#events().toBoard(boardId, 'silent:revealed', { revealed, anonymous });
    return { revealed };
  }

  /**
   * A note that reaches a private document after the reveal (written while its writer's
   * connection was down, so the reveal never saw it) goes onto the board as the reveal would
   * have taken it: with its writer's name only if the last reveal showed names and this server
   * still remembers that (it forgets when the board unloads or the server restarts). While the
   * board is locked it waits in the private document, and goes when the board is unlocked.
   */
  afterPrivateEdit(key: DocumentKey): void {
    if (key.owner === undefined) return;
    const state = this.#state.get(key.boardId);
    if (state.silentWriting) return;
    if (state.locked) {
      const owners = this.#held.get(key.boardId) ?? new Set<string>();
      this.#held.set(key.boardId, owners.add(key.owner));
      return;
    }
    this.#revealNotesOf(key.boardId, key.owner, this.#anonymous.get(key.boardId) ?? true);
  }

  /** The board was unlocked: late notes held meanwhile go onto it. */
  revealHeld(boardId: string): void {
    const owners = this.#held.get(boardId);
    if (!owners || this.#state.get(boardId).silentWriting) return;
    this.#held.delete(boardId);
    const anonymous = this.#anonymous.get(boardId) ?? true;
    for (const owner of owners) this.#revealNotesOf(boardId, owner, anonymous);
  }

  /** Members with a private document on the board. */
  #owners(boardId: string): Set<string> {
    return new Set(
      this.#repository
        .privateDocumentIds(boardId)
        .map((id) => PRIVATE_ID.exec(id)?.[1])
        .filter((owner): owner is string => owner !== undefined),
    );
  }

  /** The board left memory. */
  forget(boardId: string): void {
    this.#anonymous.delete(boardId);
  }

  /** Moves `owner`'s private notes onto the board; returns how many. */
  #revealNotesOf(boardId: string, owner: string, anonymous: boolean): number {
    const privateDoc = this.#documents.open({ boardId, owner });
    const entries = Array.from(itemsOf(privateDoc.doc).entries());
    if (entries.length === 0) return 0;
    // Only item maps are items; anything else a stock client put there is dropped.
    const notes = entries.filter(([, map]) => map instanceof Y.Map);
    // Into the shared board first (durable when change() returns), then out of the private
    // document: a crash between the two reveals the same notes again, which must replace what
    // the first time put on the board, never add a second copy (nor lose a note).
    this.#documents.open({ boardId }).change((doc) => {
      const items = itemsOf(doc);
      for (const [id, map] of notes) {
        const copy = cloneItem(map);
        if (anonymous) copy.delete('author');
        else copy.set('author', owner);
        items.set(boardIdOf(items, id, owner, anonymous), copy);
      }
    });
    privateDoc.change((doc) => {
      for (const [id] of entries) itemsOf(doc).delete(id);
    });
    return notes.length;
  }
}

/**
 * The board id of `owner`'s private note `id`. A named note keeps its id unless the board
 * uses it for an item that is not the writer's own (a stock client may choose any id): nobody
 * replaces others' items this way. Otherwise, and always for a note revealed without its name,
 * the id is derived from the writer and the private id: nobody else can know it before the
 * note is on the board, as the private id is only its writer's. A reveal repeated after a crash
 * finds the first copy under either id, whether that reveal showed names or not (an anonymous
 * copy carries nothing else that says whose it was), and replaces it.
 */
function boardIdOf(
  items: Y.Map<Y.Map<unknown>>,
  id: string,
  owner: string,
  anonymous: boolean,
): string {
  const derived = derivedId(owner, id);
  if (items.has(derived)) return derived;
  const taken = items.get(id);
  const own = taken instanceof Y.Map && taken.get('author') === owner;
  return own || (!anonymous && taken === undefined) ? id : derived;
}

/** The namespace of revealed notes' derived ids (a fixed, random UUID). */
const REVEALED_NOTES = 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/** A name-based UUID (version 5) of the writer and the private id, like the ids clients make. */
function derivedId(owner: string, id: string): string {
  return uuidv5(`${owner}\0${id}`, REVEALED_NOTES);
}
