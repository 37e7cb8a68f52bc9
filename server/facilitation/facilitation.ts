/** The facilitation services of one server, built together because they share state. */
import type { Language } from '../../shared/api.ts';
import type { DocumentRegistry } from '../documents/document-registry.ts';
import { BoardStateRepository } from '../store/board-state-repository.ts';
import type { Db } from '../store/database.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import { RoundsRepository } from '../store/rounds-repository.ts';
import { TransactionBatch } from '../store/transaction-batch.ts';
import { type BoardEvents, NO_EVENTS } from './board-events.ts';
import { BoardStateService } from './board-state-service.ts';
import { RoundsService } from './rounds-service.ts';
import { SilentWritingService } from './silent-writing-service.ts';

export interface Facilitation {
  state: BoardStateService;
  rounds: RoundsService;
  silentWriting: SilentWritingService;
  /** Where events go: set once the realtime transport exists. */
  setEvents(events: BoardEvents): void;
  /** The current event sink, for other services that announce through it. */
  events(): BoardEvents;
}

export function createFacilitation(
  db: Db,
  documents: DocumentRegistry,
  documentsRepository: DocumentsRepository,
  language: (boardId: string) => Language,
): Facilitation {
  let events = NO_EVENTS;
  const currentEvents = () => events;
  const state = new BoardStateService(new BoardStateRepository(db), currentEvents, (boardId) =>
    documents.isLoaded({ boardId }),
  );
  const silentWriting = new SilentWritingService(
    state,
    documents,
    documentsRepository,
    currentEvents,
  );
  const rounds = new RoundsService(
    new RoundsRepository(db),
    documents,
    currentEvents,
    new TransactionBatch(db),
    language,
  );
  documents.setPolicy({
    canEdit: (key, member) => state.canEdit(key, member),
    refusal: (key, member) => state.refusal(key, member),
    afterPrivateEdit: (key) => silentWriting.afterPrivateEdit(key),
    hidesWhereabouts: (key, member) =>
      state.hidesWhereabouts(key, member) || rounds.hidesWhereabouts(key, member),
  });
  state.onUnlocked((boardId) => silentWriting.revealHeld(boardId));
  documents.onBoardUnloaded((boardId) => {
    state.forget(boardId);
    silentWriting.forget(boardId);
    rounds.unloaded(boardId);
  });
  return {
    state,
    rounds,
    silentWriting,
    setEvents(next) {
      events = next;
    },
    events: currentEvents,
  };
}
