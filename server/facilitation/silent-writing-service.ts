/**
 * Silent writing (brainwriting). While it runs, participants write into their own private
 * document, which the server syncs to its author only; the shared board is read-only for them.
 * The reveal moves every private note into the shared board at once, optionally without names.
 */
import { cloneItem, itemsOf } from '../../shared/board-document.ts';
import type { BoardState, RevealResponse } from '../../shared/facilitation.ts';
import type { Member } from '../../shared/roles.ts';
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
    const owners = this.#repository
      .privateDocumentIds(boardId)
      .map((id) => PRIVATE_ID.exec(id)?.[1])
      .filter((owner): owner is string => owner !== undefined);
    const board = this.#documents.open({ boardId });
    let revealed = 0;
    for (const owner of new Set(owners)) {
      const privateDoc = this.#documents.open({ boardId, owner });
      const notes = Array.from(itemsOf(privateDoc.doc).entries());
      if (notes.length === 0) continue;
      // Into the shared board first (durable when change() returns), then out of the private
      // document: a crash between the two re-reveals the same ids, never loses a note.
      board.change((doc) => {
        for (const [id, map] of notes) {
          const copy = cloneItem(map);
          if (anonymous) copy.delete('author');
          else copy.set('author', owner);
          itemsOf(doc).set(id, copy);
        }
      });
      privateDoc.change((doc) => {
        for (const [id] of notes) itemsOf(doc).delete(id);
      });
      revealed += notes.length;
    }
    this.#state.setSilentWriting(boardId, false);
    this.#events().toBoard(boardId, 'silent:revealed', { revealed, anonymous });
    return { revealed };
  }
}
