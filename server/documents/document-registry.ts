/**
 * Loads board documents on first use and unloads them when no one has been connected for
 * a while, so memory is bounded by the boards in use, not by the boards that exist.
 */
import type { Logger } from 'pino';
import { AppError } from '../errors.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import { BoardDocument, type DocumentOptions } from './board-document.ts';

export interface RegistryOptions extends Omit<DocumentOptions, 'onFail'> {
  idleUnloadMs: number;
  repository: DocumentsRepository;
  metrics: Metrics;
  logger: Logger;
}

export class DocumentRegistry {
  readonly #documents = new Map<string, BoardDocument>();
  readonly #options: RegistryOptions;
  readonly #sweeper: NodeJS.Timeout;

  constructor(options: RegistryOptions) {
    this.#options = options;
    const every = Math.max(50, Math.min(options.idleUnloadMs / 2, 10_000));
    this.#sweeper = setInterval(() => this.sweep(), every);
    this.#sweeper.unref();
  }

  get size(): number {
    return this.#documents.size;
  }

  isLoaded(boardId: string): boolean {
    return this.#documents.has(boardId);
  }

  /** The live document of a board that exists (the caller has checked that). */
  open(boardId: string): BoardDocument {
    const loaded = this.#documents.get(boardId);
    if (loaded) return loaded;
    const started = performance.now();
    let document: BoardDocument;
    try {
      document = new BoardDocument(boardId, this.#options.repository.load(boardId), {
        ...this.#options,
        onFail: (failed) => this.#drop(failed),
      });
    } catch (error) {
      this.#options.logger.error({ err: error, boardId }, 'board document could not be loaded');
      throw new AppError(
        'internal_error',
        'This board could not be loaded; the operator can see why in the log.',
      );
    }
    this.#documents.set(boardId, document);
    this.#options.metrics.boardsLoaded.set(this.#documents.size);
    // A long tail from a crash or a busy past: fold it now, so the next load is quick.
    if (document.hasLogTail) document.compact();
    this.#options.logger.debug(
      { boardId, ms: Math.round(performance.now() - started) },
      'board document loaded',
    );
    return document;
  }

  /** Unloads documents nobody has used for idleUnloadMs. */
  sweep(now = Date.now()): void {
    for (const document of this.#documents.values()) {
      if (document.peerCount === 0 && now - document.lastActive >= this.#options.idleUnloadMs) {
        this.unload(document);
      }
    }
  }

  unload(document: BoardDocument): void {
    if (this.#documents.get(document.boardId) !== document) return;
    document.compact();
    this.#drop(document);
  }

  #drop(document: BoardDocument): void {
    if (this.#documents.get(document.boardId) === document) {
      this.#documents.delete(document.boardId);
      this.#options.metrics.boardsLoaded.set(this.#documents.size);
    }
    document.destroy();
  }

  /** Flushes and closes everything: the last step before the database closes. */
  close(reason: AppError): void {
    clearInterval(this.#sweeper);
    for (const document of Array.from(this.#documents.values())) {
      document.closeAll(reason);
      this.unload(document);
    }
  }
}
