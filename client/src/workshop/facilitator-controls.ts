/**
 * The facilitators' controls whose buttons change under a pointer: the lock, the timer and
 * silent writing. A click acts on what its facilitator saw (seen-controls.ts): one that met
 * another facilitator's change is taken as done, and they are told whose it was.
 */
import type { Ack } from '../../../shared/events.ts';
import type { BoardState, TimerAction } from '../../../shared/facilitation.ts';
import type { BoardSession } from '../board/board-session.ts';
import { membersHere } from '../board/presence.ts';
import {
  type Control,
  otherFacilitator,
  SeenControls,
  type Shown,
  type StateChange,
} from './seen-controls.ts';
import type { WorkshopRequests } from './workshop-requests.ts';
import type { FacilitationNotice, WorkshopState } from './workshop-state.ts';

/** What the controls read and change of the store, and how they ask the server. */
export interface ControlsStore {
  session: BoardSession;
  requests: WorkshopRequests;
  getState(): WorkshopState;
  set(change: Partial<WorkshopState>): void;
  /** The board's state an answer carries, taken as its event would be. */
  setBoardState(state: BoardState): void;
}

export class FacilitatorControls {
  /** What the facilitators' buttons showed, and when: a click acts on what it saw. */
  readonly #seen = new SeenControls();
  readonly #store: ControlsStore;

  constructor(store: ControlsStore) {
    this.#store = store;
  }

  /**
   * The board's state as the page now shows it, and the notice that stands after it: a control
   * that changes takes its notice away, and another's timer in place of mine is told.
   */
  noticeAfter(
    boardState: BoardState,
    notice: FacilitationNotice | null,
  ): FacilitationNotice | null {
    let after = notice;
    for (const { change, replacedMine } of this.#seen.show(boardState, Date.now())) {
      if (change.control === after?.change.control) after = null;
      if (replacedMine) after = { change, by: this.#otherFacilitator(), replaced: true };
    }
    return after;
  }

  async setLocked(locked: boolean): Promise<void> {
    const socket = this.#store.session.provider.socket;
    await this.#changeState({ control: 'lock', locked }, (ack) =>
      socket.emit('board:lock', { locked }, ack),
    );
  }

  /**
   * The lock's one button: locks what the facilitator saw unlocked, and the reverse. Another
   * facilitator's lock that came a moment before the click is not undone (QA: both locked, and
   * the board ended unlocked).
   */
  async toggleLock(): Promise<void> {
    if (this.#overtaken('lock', (seen, now) => seen.value !== now.value)) return;
    await this.setLocked(!(this.#store.getState().boardState?.locked ?? false));
  }

  async timer(action: TimerAction): Promise<void> {
    const socket = this.#store.session.provider.socket;
    const change: StateChange =
      action.action === 'start'
        ? { control: 'timer', action: 'start', durationMs: action.durationSec * 1000 }
        : { control: 'timer', action: action.action };
    await this.#changeState(change, (ack) => socket.emit('timer:control', action, ack));
  }

  /**
   * Start: unless another facilitator started a timer a moment before the click, which the
   * facilitator could not have seen (they are told; Start again replaces it).
   */
  async startTimer(durationSec: number): Promise<void> {
    const started = (_seen: Shown, now: Shown) =>
      now.change?.control === 'timer' && now.change.action === 'start';
    if (this.#overtaken('timer', started)) return;
    await this.timer({ action: 'start', durationSec });
  }

  /**
   * Pause or Resume, as the button read when the facilitator clicked it (QA: both paused, and
   * the timer ran on). A button that came a moment before the click acts as it reads.
   */
  async togglePause(): Promise<void> {
    const done = (seen: Shown, now: Shown) =>
      seen.value !== 'idle' && now.value !== 'idle' && seen.value !== now.value;
    if (this.#overtaken('timer', done)) return;
    const running = this.#store.getState().boardState?.timer.status === 'running';
    await this.timer({ action: running ? 'pause' : 'resume' });
  }

  /**
   * Start and the reveals swap places as silent writing starts and ends: a click that met
   * another facilitator's start or reveal a moment before it meant that, and is taken as done.
   */
  #silentOvertaken(): boolean {
    return this.#overtaken('silent', (seen, now) => seen.value !== now.value);
  }

  async startSilentWriting(): Promise<void> {
    if (this.#silentOvertaken()) return;
    const socket = this.#store.session.provider.socket;
    await this.#changeState({ control: 'silent', running: true }, (ack) =>
      socket.emit('silent:start', {}, ack),
    );
  }

  async reveal(anonymous: boolean): Promise<void> {
    if (this.#silentOvertaken()) return;
    const socket = this.#store.session.provider.socket;
    const revealed = await this.#change({ control: 'silent', running: false, anonymous }, (ack) =>
      socket.emit('silent:reveal', { anonymous }, ack),
    );
    if (revealed || this.#store.getState().error?.code !== 'silent_writing_not_running') return;
    // Refused as silent writing had ended: another facilitator's reveal got there first (QA:
    // "Silent writing is not running.", at the panel's top, said nothing of their choice).
    const change = this.#seen.atClick('silent', Date.now())?.current.change;
    if (change?.control === 'silent' && !change.running) {
      const notice = { change, by: this.#otherFacilitator(), replaced: false };
      this.#store.set({ error: null, notice });
    }
  }

  #otherFacilitator(): string | null {
    return otherFacilitator(membersHere(this.#store.session.awareness), this.#store.session.me.id);
  }

  /**
   * A click on `control`'s button, which someone else changed since the facilitator looked:
   * when `done` says the click meant what the board shows now, it is taken as done and they are
   * told so (true); else false, and the caller asks the server.
   */
  #overtaken(control: Control, done: (seen: Shown, now: Shown) => boolean): boolean {
    const click = this.#seen.atClick(control, Date.now());
    const change = click?.current.change;
    if (!click || click.seen === click.current || !change || !done(click.seen, click.current)) {
      return false;
    }
    this.#store.set({ notice: { change, by: this.#otherFacilitator(), replaced: false } });
    return true;
  }

  /**
   * Asks for `change`: the board's state showing it while the answer is on its way shows mine.
   * `apply` takes the answer before that ends.
   */
  async #change<T>(
    change: StateChange,
    send: (ack: Ack<T>) => void,
    apply?: (answer: T) => void,
  ): Promise<T | undefined> {
    if (this.#store.getState().notice) this.#store.set({ notice: null });
    const answered = this.#seen.ask(change);
    try {
      // A late answer (no_answer given up on) is applied too.
      return await this.#store.requests.emit<T>(send, apply);
    } finally {
      answered();
    }
  }

  /** Asks for `change`, answered with the board's state. */
  async #changeState(change: StateChange, send: (ack: Ack<BoardState>) => void): Promise<void> {
    await this.#change(change, send, (state) => this.#store.setBoardState(state));
  }
}
