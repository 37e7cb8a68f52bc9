/**
 * Loads documents on first use and unloads them when no one has been connected for a while,
 * so memory is bounded by the boards in use, not by the boards that exist.
 */
import type { Logger } from 'pino';
import { AppError } from '../errors.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import { type DocumentKey, documentId } from './document-key.ts';
import { type DocumentOptions, type EditPolicy, LiveDocument } from './live-document.ts';

export interface RegistryOptions extends Omit<DocumentOptions, 'onFail' | 'policy'> {
  idleUnloadMs: number;
  repository: DocumentsRepository;
  metrics: Metrics;
  logger: Logger;
}

export class DocumentRegistry {
  readonly #documents = new Map<string, LiveDocument>();
  readonly #options: RegistryOptions;
  readonly #sweeper: NodeJS.Timeout;
  readonly #boardUnloaded: Array<(boardId: string) => void> = [];
  readonly #boardLoaded: Array<(boardId: string) => void> = [];
  #policy: EditPolicy = {
    canEdit: (_key, member) => member.role !== 'viewer',
    refusal: () => 'Viewers cannot edit.',
  };

  constructor(options: RegistryOptions) {
    this.#options = options;
    const every = Math.max(50, Math.min(options.idleUnloadMs / 2, 10_000));
    this.#sweeper = setInterval(() => this.sweep(), every);
    this.#sweeper.unref();
  }

  /** Facilitation decides who may edit; it is wired in after both exist. */
  setPolicy(policy: EditPolicy): void {
    this.#policy = policy;
  }

  get size(): number {
    return this.#documents.size;
  }

  isLoaded(key: DocumentKey | string): boolean {
    return this.#documents.has(typeof key === 'string' ? key : documentId(key));
  }

  /** The live document (the caller has checked that its board exists). */
  open(key: DocumentKey): LiveDocument {
    const id = documentId(key);
    const loaded = this.#documents.get(id);
    if (loaded) return loaded;
    const started = performance.now();
    let document: LiveDocument;
    try {
      document = new LiveDocument(key, this.#options.repository.load(id), {
        ...this.#options,
        policy: {
          canEdit: (k, member) => this.#policy.canEdit(k, member),
          refusal: (k, member) => this.#policy.refusal(k, member),
          afterPrivateEdit: (k) => this.#policy.afterPrivateEdit?.(k),
          hidesWhereabouts: (k, member) => this.#policy.hidesWhereabouts?.(k, member) ?? false,
        },
        onFail: (failed) => this.#drop(failed),
      });
    } catch (error) {
      this.#options.logger.error({ err: error, documentId: id }, 'document could not be loaded');
      throw new AppError(
        'internal_error',
        'This board could not be loaded; the operator can see why in the log.',
      );
    }
    this.#documents.set(id, document);
    this.#options.metrics.boardsLoaded.set(this.#documents.size);
    if (key.owner === undefined) {
      for (const listener of this.#boardLoaded) listener(key.boardId);
    }
    this.#options.logger.debug(
      { documentId: id, ms: Math.round(performance.now() - started) },
      'document loaded',
    );
    return document;
  }

  /** The shared board documents in memory (not members' private ones). */
  loadedBoards(): LiveDocument[] {
    return Array.from(this.#documents.values()).filter((d) => d.key.owner === undefined);
  }

  /** Runs just before a document leaves memory (e.g. a last periodic snapshot). */
  beforeUnload: (document: LiveDocument) => void = () => {};

  /** Runs after a board's shared document was read into memory. */
  onBoardLoaded(listener: (boardId: string) => void): void {
    this.#boardLoaded.push(listener);
  }

  /**
   * Runs after a board's shared document left memory, however it left: services drop what
   * they keep per board, so memory stays bounded by the boards in use.
   */
  onBoardUnloaded(listener: (boardId: string) => void): void {
    this.#boardUnloaded.push(listener);
  }

  /** Unloads documents nobody has used for idleUnloadMs. */
  sweep(now = Date.now()): void {
    for (const document of this.#documents.values()) {
      if (document.peerCount === 0 && now - document.lastActive >= this.#options.idleUnloadMs) {
        this.unload(document);
      }
    }
  }

  unload(document: LiveDocument): void {
    if (this.#documents.get(document.id) !== document) return;
    document.settle();
    try {
      this.beforeUnload(document);
    } catch (error) {
      this.#options.logger.error({ err: error, documentId: document.id }, 'before unload failed');
    }
    document.compact();
    this.#drop(document);
  }

  /**
   * The board was deleted: its documents (shared and private) close their connections with
   * `reason` and leave memory without storing anything, and the board-unloaded listeners run
   * even where it was not loaded, since services may keep something of a board that is not.
   */
  discardBoard(boardId: string, reason: AppError): void {
    let shared: LiveDocument | undefined;
    for (const document of Array.from(this.#documents.values())) {
      if (document.boardId !== boardId) continue;
      if (document.key.owner === undefined) {
        shared = document;
        continue;
      }
      document.discard(reason);
      this.#drop(document);
    }
    if (shared) {
      shared.discard(reason);
      this.#drop(shared);
    } else {
      for (const listener of this.#boardUnloaded) listener(boardId);
    }
  }

  /** Closes one member's connections to the board's documents with `reason`. */
  closeMember(boardId: string, memberId: string, reason: AppError): void {
    for (const document of this.#documents.values()) {
      if (document.boardId === boardId) document.closeMember(memberId, reason);
    }
  }

  #drop(document: LiveDocument): void {
    if (this.#documents.get(document.id) === document) {
      this.#documents.delete(document.id);
      this.#options.metrics.boardsLoaded.set(this.#documents.size);
    }
    document.destroy();
    if (document.key.owner !== undefined) return;
    for (const listener of this.#boardUnloaded) listener(document.boardId);
  }

  /**
   * Lets every document go without compacting or snapshotting: for tools (the CLI) that only
   * read. Anything pending is still flushed, so nothing is lost.
   */
  release(): void {
    clearInterval(this.#sweeper);
    for (const document of Array.from(this.#documents.values())) {
      document.flush();
      this.#drop(document);
    }
  }

  /** Flushes and closes everything: the last step before the database closes. */
  close(reason: AppError): void {
    clearInterval(this.#sweeper);
    // Private documents first: settling one may write to its board (a late note), which then
    // still has to be closed; a board it loads again is closed too.
    const privateFirst = (d: LiveDocument) => (d.key.owner === undefined ? 1 : 0);
    let open = Array.from(this.#documents.values());
    while (open.length > 0) {
      for (const document of open.sort((a, b) => privateFirst(a) - privateFirst(b))) {
        document.closeAll(reason);
        this.unload(document);
      }
      open = Array.from(this.#documents.values());
    }
  }
}
