/** The follow-through services of one server: follow-ups, snapshots and exports. */
import type { BoardsService } from '../boards/boards-service.ts';
import type { DocumentRegistry } from '../documents/document-registry.ts';
import type { BoardEvents } from '../facilitation/board-events.ts';
import type { Facilitation } from '../facilitation/facilitation.ts';
import type { Db } from '../store/database.ts';
import { FollowUpsRepository } from '../store/follow-ups-repository.ts';
import { SnapshotsRepository } from '../store/snapshots-repository.ts';
import { ExportService } from './export-service.ts';
import { FollowUpsService } from './follow-ups-service.ts';
import { SnapshotsService } from './snapshots-service.ts';

export interface FollowThrough {
  followUps: FollowUpsService;
  snapshots: SnapshotsService;
  exports: ExportService;
}

export function createFollowThrough(
  db: Db,
  boards: BoardsService,
  documents: DocumentRegistry,
  facilitation: Facilitation,
  events: () => BoardEvents,
): FollowThrough {
  const followUpsRepository = new FollowUpsRepository(db);
  const snapshots = new SnapshotsService(new SnapshotsRepository(db), documents, events);
  facilitation.rounds.hooks.beforeOpen = (boardId, round) => {
    snapshots.take(boardId, { reason: 'before_round', round });
  };
  documents.beforeUnload = (document) => {
    // A document never read into memory has not changed since it was last unloaded.
    if (document.key.owner === undefined && document.integrated) {
      snapshots.snapshotIfChanged(document);
    }
  };
  documents.onBoardUnloaded((boardId) => snapshots.forget(boardId));
  return {
    followUps: new FollowUpsService(
      followUpsRepository,
      boards,
      documents,
      facilitation.rounds,
      events,
    ),
    snapshots,
    exports: new ExportService(
      boards,
      documents,
      facilitation.rounds,
      followUpsRepository,
      snapshots,
      (boardId) => facilitation.state.get(boardId).showNames,
    ),
  };
}
