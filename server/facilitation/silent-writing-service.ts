/**
 * Silent writing (brainwriting). While it runs, participants write into their own private
 * document, which the server syncs to its author only; the shared board is read-only for them.
 * The reveal moves every private note into the shared board at once, optionally without names.
 */
import { createHmac, randomInt } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import * as Y from 'yjs';
import { cloneItem, type Item, itemsOf, readItem, readItems } from '../../shared/board-document.ts';
import { topZ, Z_FIELD } from '../../shared/drawing-order.ts';
import type { BoardState, RevealResponse, SilentProgress } from '../../shared/facilitation.ts';
import { NotePlacer } from '../../shared/note-placement.ts';
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
  /** While silent writing runs, each writer's count of private notes, by board (progress). */
  readonly #counts = new Map<string, Map<string, number>>();

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
    this.#counts.delete(member.boardId);
    return this.#state.setSilentWriting(member.boardId, true);
  }

  /** How far the writing has come (facilitators): writers and notes, all told. */
  progress(member: Member): SilentProgress {
    requireRole(member, 'facilitator');
    return this.#progressOf(member.boardId);
  }

  /** Each writer's count of private notes, read from their documents when first asked. */
  #countsOf(boardId: string): Map<string, number> {
    let counts = this.#counts.get(boardId);
    if (!counts) {
      counts = new Map();
      for (const owner of this.#owners(boardId)) {
        counts.set(owner, itemsOf(this.#documents.open({ boardId, owner }).doc).size);
      }
      this.#counts.set(boardId, counts);
    }
    return counts;
  }

  #progressOf(boardId: string): SilentProgress {
    const counts = [...this.#countsOf(boardId).values()];
    return {
      writers: counts.filter((count) => count > 0).length,
      notes: counts.reduce((sum, count) => sum + count, 0),
    };
  }

  reveal(member: Member, anonymous: boolean): RevealResponse {
    requireRole(member, 'facilitator');
    const boardId = member.boardId;
    if (!this.#state.get(boardId).silentWriting) {
      throw new AppError('silent_writing_not_running', 'Start silent writing before revealing.');
    }
    const revealed = this.#revealNotesOf(boardId, this.#owners(boardId), anonymous);
    this.#counts.delete(boardId);
    this.#anonymous.set(boardId, anonymous);
    this.#state.endSilentWriting(boardId, !anonymous);
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
    if (state.silentWriting) return this.#countNotesOf(key.boardId, key.owner);
    if (state.locked) {
      const owners = this.#held.get(key.boardId) ?? new Set<string>();
      this.#held.set(key.boardId, owners.add(key.owner));
      return;
    }
    this.#revealNotesOf(key.boardId, [key.owner], this.#anonymous.get(key.boardId) ?? true);
  }

  /** The board was unlocked: late notes held meanwhile go onto it. */
  revealHeld(boardId: string): void {
    const owners = this.#held.get(boardId);
    if (!owners || this.#state.get(boardId).silentWriting) return;
    this.#held.delete(boardId);
    this.#revealNotesOf(boardId, owners, this.#anonymous.get(boardId) ?? true);
  }

  /** A writer's notes changed: facilitators hear the new totals, where they changed. */
  #countNotesOf(boardId: string, owner: string): void {
    // Counted just now from the documents, this edit included: facilitators hear it all the same.
    const fresh = !this.#counts.has(boardId);
    const counts = this.#countsOf(boardId);
    const count = itemsOf(this.#documents.open({ boardId, owner }).doc).size;
    if (!fresh && counts.get(owner) === count) return;
    counts.set(owner, count);
    this.#events().toRole(boardId, 'facilitator', 'silent:progress', this.#progressOf(boardId));
  }

  /**
   * A member taken off the board (someone who got in with a link meant for others, or who
   * withdrew) loses the private notes not yet revealed: no reveal, late or not, puts them on
   * the board under their name or without it.
   */
  discardDrafts(boardId: string, memberId: string): void {
    this.#held.get(boardId)?.delete(memberId);
    if (!this.#owners(boardId).has(memberId)) return;
    const drafts = this.#documents.open({ boardId, owner: memberId });
    drafts.change(emptyItems);
    // Folded at once: the words leave the update log too, not only the document (review).
    drafts.compact();
    if (this.#state.get(boardId).silentWriting) this.#countNotesOf(boardId, memberId);
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
    this.#counts.delete(boardId);
  }

  /**
   * Moves the private notes of `owners` onto the board, in one change; returns how many.
   * Without names, the notes of everyone go in a random order: nothing in the board's history
   * (the order of its changes, the server's clock) groups them by writer.
   */
  #revealNotesOf(boardId: string, owners: Iterable<string>, anonymous: boolean): number {
    const sources = [...owners].map((owner) => ({
      owner,
      doc: this.#documents.open({ boardId, owner }),
    }));
    const notes: { owner: string; id: string; map: Y.Map<unknown> }[] = [];
    for (const { owner, doc } of sources) {
      for (const [id, map] of itemsOf(doc.doc).entries()) {
        // Only item maps are items; anything else a stock client put there is dropped.
        if (map instanceof Y.Map) notes.push({ owner, id, map });
      }
    }
    const emptied = sources.filter(({ doc }) => itemsOf(doc.doc).size > 0);
    if (emptied.length === 0) return 0;
    if (anonymous) shuffle(notes);
    const names = new RevealedNames(this.#state.revealKey(boardId));
    // Into the shared board first (durable when change() returns), then out of the private
    // documents: a crash between the two reveals the same notes again, which must replace what
    // the first time put on the board, never add a second copy (nor lose a note).
    const revealedAt = Date.now();
    this.#documents.open({ boardId }).change((doc) => {
      const items = itemsOf(doc);
      // Above everything on the board, in the order they go in (shuffled without names).
      let z = topZ(doc);
      // Writers each put their note where they saw room, unseen by the others: revealed as
      // written, notes in one stage of a lane lay on one another, and notes written a little
      // apart in a frame, or over a concept card, covered each other's words just as the
      // facilitator read them out (QA). A note that would cover another's words goes aside;
      // the others keep the spot their writers chose (NotePlacer.reveal).
      // One placer for all of them: each note looks near its own spot, not through every note
      // placed before it (QA: 2,000 notes revealed into one big frame held the server 15 s).
      const placer = new NotePlacer(readItems(doc));
      const revealed = new Map<string, Y.Map<unknown>>();
      const placing: Item[] = [];
      for (const { owner, id, map } of notes) {
        const copy = cloneItem(map);
        // Set on the board before the next note's id is chosen: two writers' notes with one
        // private id must not end under one board id. Placed once all are known (below).
        const boardItemId = names.boardIdOf(items, id, owner, anonymous);
        const note = readItem(boardItemId, map);
        if (note) placing.push(note);
        if (anonymous) {
          // When each note was written, and the stacking order its writer's page gave it (one
          // more than their last), would group the notes by writer (QA): both are the reveal's.
          copy.delete('author');
          copy.set('createdAt', revealedAt);
          copy.set(Z_FIELD, ++z);
        } else copy.set('author', owner);
        items.set(boardItemId, copy);
        revealed.set(boardItemId, copy);
      }
      for (const [id, aside] of placer.reveal(placing)) {
        revealed.get(id)?.set('x', aside.x);
        revealed.get(id)?.set('y', aside.y);
      }
    });
    for (const { doc } of emptied) doc.change(emptyItems);
    return notes.length;
  }
}

/** Takes every item out of a (private) document. */
function emptyItems(doc: Y.Doc): void {
  const items = itemsOf(doc);
  for (const id of Array.from(items.keys())) items.delete(id);
}

/** Puts `list` in a random order, in place (Fisher–Yates, with the system's random source). */
function shuffle<T>(list: T[]): void {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}

/**
 * The board ids of revealed notes. A named note keeps its id unless the board uses it for an
 * item that is not the writer's own (a stock client may choose any id): nobody replaces others'
 * items this way, and a client may not put its name on an item already there (item-author.ts).
 * Such a note gets an id derived from the writer and its private id. A note revealed without
 * its name always gets an id derived with the board's secret key (an HMAC), which no member can
 * compute: from the private id and the writer (a private id can be seen, say in a selection
 * published before the reveal) nobody can tell which revealed note is whose. A reveal repeated
 * after a crash finds the first copy under any of these ids, whether that reveal showed names
 * or not (an anonymous copy carries nothing else that says whose it was), and replaces it.
 */
class RevealedNames {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    this.#key = key;
  }

  boardIdOf(items: Y.Map<Y.Map<unknown>>, id: string, owner: string, anonymous: boolean): string {
    const named = namedId(owner, id);
    const unnamed = this.#unnamedId(owner, id);
    if (items.has(unnamed)) return unnamed;
    if (items.has(named)) return named;
    const taken = items.get(id);
    // The writer's own: the first copy of a reveal that showed names.
    if (taken instanceof Y.Map && taken.get('author') === owner) return id;
    if (anonymous) return unnamed;
    return taken === undefined ? id : named;
  }

  /** A UUID (version 8, RFC 9562) made of the HMAC of the writer and the private id. */
  #unnamedId(owner: string, id: string): string {
    const bytes = createHmac('sha256', this.#key).update(`${owner}\0${id}`).digest();
    bytes[6] = (bytes[6]! & 0x0f) | 0x80;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** The namespace of revealed notes' derived ids (a fixed, random UUID). */
const REVEALED_NOTES = 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/** A name-based UUID (version 5) of the writer and the private id, like the ids clients make. */
function namedId(owner: string, id: string): string {
  return uuidv5(`${owner}\0${id}`, REVEALED_NOTES);
}
