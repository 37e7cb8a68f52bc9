/** Gathers everything an export needs; the formats are pure functions of it (exports/). */
import type * as Y from 'yjs';
import type { BoardExport, ExportItem } from '../../shared/follow-through.ts';
import type { BoardsService } from '../boards/boards-service.ts';
import type { DocumentRegistry } from '../documents/document-registry.ts';
import type { RoundsService } from '../facilitation/rounds-service.ts';
import type { FollowUpsRepository } from '../store/follow-ups-repository.ts';
import {
  completeExport,
  type ExportSource,
  exportItems,
  type ItemsReader,
  snapshotItems,
} from './exports/export-source.ts';
import type { SnapshotsService } from './snapshots-service.ts';

export class ExportService {
  readonly #boards: BoardsService;
  readonly #documents: DocumentRegistry;
  readonly #rounds: RoundsService;
  readonly #followUps: FollowUpsRepository;
  readonly #snapshots: SnapshotsService;
  readonly #showsNames: (boardId: string) => boolean;
  /** A live board's items as last read, until its next transaction: many export at once. */
  readonly #items = new WeakMap<Y.Doc, ExportItem[]>();

  constructor(
    boards: BoardsService,
    documents: DocumentRegistry,
    rounds: RoundsService,
    followUps: FollowUpsRepository,
    snapshots: SnapshotsService,
    showsNames: (boardId: string) => boolean,
  ) {
    this.#boards = boards;
    this.#documents = documents;
    this.#rounds = rounds;
    this.#followUps = followUps;
    this.#snapshots = snapshots;
    this.#showsNames = showsNames;
  }

  /**
   * Whether the report names each note's writer: while the board shows names, as the board does
   * (the facilitator's one switch); the CSV and JSON always carry the author.
   */
  namesShown(boardId: string): boolean {
    return this.#showsNames(boardId);
  }

  /**
   * The live board, or one of its snapshots (items as they were then; rounds and follow-ups as
   * now). A snapshot's items are left in the database, to be read where it is rendered, and so
   * are those of a board nobody has open: loading it would integrate its whole stored state on
   * the event loop (the organiser's downloads after the workshop, when the board has unloaded).
   */
  source(boardId: string, snapshotId?: string, now = Date.now()): ExportSource {
    const board = this.#boards.get(boardId);
    const snapshot = snapshotId ? this.#snapshots.find(boardId, snapshotId) : undefined;
    const common = {
      format: 'ideamill.board-export',
      version: 1,
      exportedAt: new Date(now).toISOString(),
      board,
      members: this.#boards.members(boardId).map(({ id, name, role, removed }) => ({
        id,
        name,
        role,
        ...(removed ? { removed: true as const } : {}),
      })),
      rounds: this.#rounds.history(boardId),
      followUps: this.#followUps.list(boardId),
    } as const;
    if (snapshot) {
      const { id, name, createdAt } = snapshot;
      return { ...common, snapshot: { id, name, createdAt } };
    }
    if (!this.#documents.isLoaded({ boardId })) return { ...common, snapshot: null };
    const { doc } = this.#documents.open({ boardId });
    return { ...common, snapshot: null, items: this.#itemsOf(doc) };
  }

  #itemsOf(doc: Y.Doc): ExportItem[] {
    let items = this.#items.get(doc);
    if (!items) {
      items = exportItems(doc);
      this.#items.set(doc, items);
      doc.once('afterTransaction', () => this.#items.delete(doc));
    }
    return items;
  }

  /**
   * source() with the items read: for the command line, which renders where it gathers and
   * opens the board to read it (one at a time, releasing each: export-all.ts).
   */
  gather(boardId: string, snapshotId?: string, now = Date.now()): BoardExport {
    const read: ItemsReader = {
      snapshot: (board, snapshot) => snapshotItems(this.#snapshots.stored(board, snapshot).state),
      board: (board) => this.#itemsOf(this.#documents.open({ boardId: board }).doc),
    };
    return completeExport(this.source(boardId, snapshotId, now), read);
  }
}
