/**
 * Lock, phase, shared timer, the silent-writing switch and the writers' names of each board, and
 * the edit policy
 * that follows from them: who may change which document right now.
 */
import type { BoardState, TimerAction, TimerState, Viewport } from '../../shared/facilitation.ts';
import type { Member } from '../../shared/roles.ts';
import type { DocumentKey } from '../documents/document-key.ts';
import type { EditPolicy } from '../documents/live-document.ts';
import type { BoardStateRepository, StoredBoardState } from '../store/board-state-repository.ts';
import type { BoardEvents } from './board-events.ts';
import { requireRole } from './roles.ts';

export class BoardStateService implements EditPolicy {
  readonly #repository: BoardStateRepository;
  readonly #events: () => BoardEvents;
  /**
   * The stored state of boards whose document is in memory (every edit asks it), forgotten
   * when the document unloads; other boards' state is read from the store each time.
   */
  readonly #cache = new Map<string, StoredBoardState>();
  readonly #inUse: (boardId: string) => boolean;
  readonly #unlocked: Array<(boardId: string) => void> = [];

  constructor(
    repository: BoardStateRepository,
    events: () => BoardEvents,
    inUse: (boardId: string) => boolean,
  ) {
    this.#repository = repository;
    this.#events = events;
    this.#inUse = inUse;
  }

  #stored(boardId: string): StoredBoardState {
    let state = this.#cache.get(boardId);
    if (!state) {
      state = this.#repository.get(boardId);
      if (this.#inUse(boardId)) this.#cache.set(boardId, state);
    }
    return state;
  }

  /** The board left memory: its state is read from the store when next needed. */
  forget(boardId: string): void {
    this.#cache.delete(boardId);
  }

  /** The board's secret for naming notes revealed without their writer. */
  revealKey(boardId: string): Buffer {
    return this.#repository.revealKey(boardId);
  }

  get(boardId: string): BoardState {
    return { ...this.#stored(boardId), serverNow: Date.now() };
  }

  #update(boardId: string, change: Partial<StoredBoardState>): BoardState {
    const next = { ...this.#stored(boardId), ...change };
    this.#repository.save(boardId, next);
    if (this.#inUse(boardId)) this.#cache.set(boardId, next);
    const state = { ...next, serverNow: Date.now() };
    this.#events().toBoard(boardId, 'board:state', state);
    return state;
  }

  setLocked(member: Member, locked: boolean): BoardState {
    requireRole(member, 'facilitator');
    const state = this.#update(member.boardId, { locked });
    if (!locked) for (const listener of this.#unlocked) listener(member.boardId);
    return state;
  }

  /** Calls `listener` with the board's id whenever a facilitator unlocks a board. */
  onUnlocked(listener: (boardId: string) => void): void {
    this.#unlocked.push(listener);
  }

  setPhase(member: Member, phase: string | null): BoardState {
    requireRole(member, 'facilitator');
    return this.#update(member.boardId, { phase });
  }

  /** The countdown runs on the server's clock; clients draw it from endsAt and serverNow. */
  controlTimer(member: Member, action: TimerAction, now = Date.now()): BoardState {
    requireRole(member, 'facilitator');
    const current = this.#stored(member.boardId).timer;
    let timer: TimerState = current;
    switch (action.action) {
      case 'start': {
        const durationMs = action.durationSec * 1000;
        timer = { status: 'running', durationMs, endsAt: now + durationMs };
        break;
      }
      case 'pause':
        if (current.status === 'running') {
          const remainingMs = Math.max(0, current.endsAt - now);
          timer = { status: 'paused', durationMs: current.durationMs, remainingMs };
        }
        break;
      case 'resume':
        if (current.status === 'paused') {
          timer = {
            status: 'running',
            durationMs: current.durationMs,
            endsAt: now + current.remainingMs,
          };
        }
        break;
      case 'reset':
        timer = { status: 'idle' };
        break;
    }
    return this.#update(member.boardId, { timer });
  }

  setSilentWriting(boardId: string, silentWriting: boolean): BoardState {
    return this.#update(boardId, { silentWriting });
  }

  /** A reveal ends silent writing, and shows the writers' names on the board or hides them. */
  endSilentWriting(boardId: string, showNames: boolean): BoardState {
    return this.#update(boardId, { silentWriting: false, showNames });
  }

  /** Whether the board shows who wrote each note. */
  setShowNames(member: Member, showNames: boolean): BoardState {
    requireRole(member, 'facilitator');
    return this.#update(member.boardId, { showNames });
  }

  /** "Bring everyone to me": the facilitator's viewport goes to every client of the board. */
  summon(member: Member, viewport: Viewport): void {
    requireRole(member, 'facilitator');
    this.#events().toBoard(member.boardId, 'presence:summoned', {
      memberId: member.id,
      name: member.name,
      viewport,
    });
  }

  /** While silent writing runs, a participant's cursor and selection stay theirs (EditPolicy). */
  hidesWhereabouts(key: DocumentKey, member: Member): boolean {
    return (
      key.owner === undefined &&
      member.role === 'participant' &&
      this.#stored(key.boardId).silentWriting
    );
  }

  canEdit(key: DocumentKey, member: Member): boolean {
    return this.refusal(key, member) === '';
  }

  refusal(key: DocumentKey, member: Member): string {
    if (member.role === 'viewer') return 'Viewers cannot edit.';
    const state = this.#stored(key.boardId);
    if (key.owner !== undefined) {
      // Its owner may always write it: a note written offline may arrive after the reveal or
      // the lock, and is kept; silent-writing-service.ts decides when it goes onto the board.
      return key.owner === member.id ? '' : 'That private document is not yours.';
    }
    if (member.role === 'facilitator') return '';
    if (state.locked) return 'The board is locked.';
    if (state.silentWriting) {
      return 'Silent writing is running: write your notes privately until the reveal.';
    }
    return '';
  }
}
