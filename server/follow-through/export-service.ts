/** Gathers everything an export needs into one BoardExport; the formats are pure functions of it. */
import type * as Y from 'yjs';
import { readItems } from '../../shared/board-document.ts';
import { withStacking } from '../../shared/drawing-order.ts';
import type { BoardExport } from '../../shared/follow-through.ts';
import type { BoardsService } from '../boards/boards-service.ts';
import type { DocumentRegistry } from '../documents/document-registry.ts';
import type { RoundsService } from '../facilitation/rounds-service.ts';
import type { FollowUpsRepository } from '../store/follow-ups-repository.ts';
import type { SnapshotsService } from './snapshots-service.ts';

export class ExportService {
  readonly #boards: BoardsService;
  readonly #documents: DocumentRegistry;
  readonly #rounds: RoundsService;
  readonly #followUps: FollowUpsRepository;
  readonly #snapshots: SnapshotsService;

  constructor(
    boards: BoardsService,
    documents: DocumentRegistry,
    rounds: RoundsService,
    followUps: FollowUpsRepository,
    snapshots: SnapshotsService,
  ) {
    this.#boards = boards;
    this.#documents = documents;
    this.#rounds = rounds;
    this.#followUps = followUps;
    this.#snapshots = snapshots;
  }

  /** The live board, or one of its snapshots (items as they were then; rounds and follow-ups as now). */
  gather(boardId: string, snapshotId?: string, now = Date.now()): BoardExport {
    const board = this.#boards.get(boardId);
    let doc: Y.Doc;
    let snapshot: BoardExport['snapshot'] = null;
    let release = () => {};
    if (snapshotId) {
      const loaded = this.#snapshots.load(boardId, snapshotId);
      doc = loaded.doc;
      snapshot = {
        id: loaded.snapshot.id,
        name: loaded.snapshot.name,
        createdAt: loaded.snapshot.createdAt,
      };
      release = () => loaded.doc.destroy();
    } else {
      doc = this.#documents.open({ boardId }).doc;
    }
    try {
      return {
        format: 'ideamill.board-export',
        version: 1,
        exportedAt: new Date(now).toISOString(),
        board,
        snapshot,
        members: this.#boards.members(boardId).map(({ id, name, role }) => ({ id, name, role })),
        items: withStacking(doc, readItems(doc)).sort(
          (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
        ),
        rounds: this.#rounds.history(boardId),
        followUps: this.#followUps.list(boardId),
      };
    } finally {
      release();
    }
  }
}
