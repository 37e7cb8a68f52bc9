/**
 * Two facilitators at one board: a click on the Facilitate panel means what its facilitator saw.
 * The lock's button, the timer's Pause/Resume and silent writing's Start/Reveal change under a
 * pointer when another facilitator's change arrives a moment before the click lands; sent as the
 * page then stood, the click undid that change (QA: both locked, and the board ended unlocked).
 * Here, without the DOM: what changed in the board's state, whether it was my own doing, and
 * what I had in view at a click. The server's protocol takes absolute values, so a click sends
 * what it meant, or nothing when that is already so.
 */
import type { BoardState, TimerState } from '../../../shared/facilitation.ts';
import type { PresentMember } from '../board/presence.ts';

/**
 * How long a change must have shown before a click counts as having seen it: the time from
 * deciding to click to the click landing (QA's second facilitator clicked 0–400 ms after).
 */
export const SEEN_AFTER_MS = 1000;

/** One change of the board's state that a facilitator's button makes. */
export type StateChange =
  | { control: 'lock'; locked: boolean }
  | { control: 'timer'; action: 'start'; durationMs: number }
  | { control: 'timer'; action: 'pause' | 'resume' | 'reset' }
  | { control: 'silent'; running: true }
  | { control: 'silent'; running: false; anonymous: boolean };

export type Control = StateChange['control'];

/** A resume sets the end to "now" plus what was left; "now" is a few ms before serverNow. */
const RESUME_SLACK_MS = 250;

function timerChange(before: BoardState, after: BoardState): StateChange | null {
  const was = before.timer;
  const now = after.timer;
  switch (now.status) {
    case 'idle':
      return was.status === 'idle' ? null : { control: 'timer', action: 'reset' };
    // Only a running timer pauses, and a paused one stays as it was until something else.
    case 'paused':
      return was.status === 'paused' ? null : { control: 'timer', action: 'pause' };
    case 'running': {
      if (was.status === 'running' && was.endsAt === now.endsAt) return null;
      const resumed =
        was.status === 'paused' &&
        was.durationMs === now.durationMs &&
        Math.abs(now.endsAt - after.serverNow - was.remainingMs) <= RESUME_SLACK_MS;
      return resumed
        ? { control: 'timer', action: 'resume' }
        : { control: 'timer', action: 'start', durationMs: now.durationMs };
    }
  }
}

/** What the facilitators' buttons changed from `before` to `after` (the phase and names aside). */
export function stateChanges(before: BoardState, after: BoardState): StateChange[] {
  const changes: StateChange[] = [];
  if (after.locked !== before.locked) changes.push({ control: 'lock', locked: after.locked });
  const timer = timerChange(before, after);
  if (timer) changes.push(timer);
  if (after.silentWriting !== before.silentWriting) {
    // Silent writing ends only by a reveal, which shows the writers' names or hides them.
    changes.push(
      after.silentWriting
        ? { control: 'silent', running: true }
        : { control: 'silent', running: false, anonymous: !after.showNames },
    );
  }
  return changes;
}

/** Whether `change` is the one `asked` for: what my own request, on its way, would make. */
export function answers(asked: StateChange, change: StateChange): boolean {
  const key = (c: StateChange) => JSON.stringify(c, Object.keys(c).sort());
  return key(asked) === key(change);
}

/** What a control's button stands on: locked or not, the timer's status, silent writing running. */
type ControlValue = boolean | TimerState['status'];

function controlValue(control: Control, state: BoardState): ControlValue {
  if (control === 'lock') return state.locked;
  if (control === 'timer') return state.timer.status;
  return state.silentWriting;
}

/** A value a control showed from `at` (ms, my clock): `change` made it, or the page found it so. */
export interface Shown {
  value: ControlValue;
  at: number;
  mine: boolean;
  change: StateChange | null;
}

/**
 * What the facilitator had in view at `now`: the newest value that had shown for SEEN_AFTER_MS,
 * or that they made themselves (they know it at once), or the oldest there is.
 */
export function seenAt(history: readonly Shown[], now: number): Shown | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const shown = history[i] as Shown;
    if (i === 0 || shown.mine || now - shown.at >= SEEN_AFTER_MS) return shown;
  }
  return undefined;
}

/**
 * The name to tell a change by: it came from another facilitator, and when one other is on the
 * board, it was theirs. The server's state says no one's name; none when it cannot be known.
 */
export function otherFacilitator(members: readonly PresentMember[], me: string): string | null {
  const others = new Map<string, string>();
  for (const member of members) {
    if (member.role === 'facilitator' && member.id !== me) others.set(member.id, member.name);
  }
  return others.size === 1 ? ([...others.values()][0] as string) : null;
}

export interface Seen {
  change: StateChange;
  mine: boolean;
  /** Someone else started a timer in place of one I had started. */
  replacedMine: boolean;
}

/**
 * Each control's values as the page showed them, with the requests of mine on their way: a
 * change one of them asked for is mine, any other someone else's. Times are the caller's.
 */
export class SeenControls {
  readonly #history: Record<Control, Shown[]> = { lock: [], timer: [], silent: [] };
  readonly #asked: StateChange[] = [];
  #state: BoardState | null = null;
  /** Whether the timer running (or paused) now is one I started. */
  #myTimer = false;

  /** A request of mine is on its way; the returned function says it was answered. */
  ask(change: StateChange): () => void {
    this.#asked.push(change);
    return () => {
      const index = this.#asked.indexOf(change);
      if (index >= 0) this.#asked.splice(index, 1);
    };
  }

  /**
   * The board's state, as it now shows at `now`. Returns what changed, each change with whether
   * it was mine and whether it replaced a timer I had started.
   */
  show(state: BoardState, now: number): Seen[] {
    const before = this.#state;
    this.#state = state;
    if (!before) {
      for (const control of ['lock', 'timer', 'silent'] as const) {
        this.#history[control] = [
          { value: controlValue(control, state), at: now, mine: false, change: null },
        ];
      }
      return [];
    }
    const changes: Seen[] = [];
    for (const change of stateChanges(before, state)) {
      const mine = this.#asked.some((asked) => answers(asked, change));
      const history = this.#history[change.control];
      const value = controlValue(change.control, state);
      // What a click can no longer have seen goes: the newest value seen stays, and what came since.
      const seen = seenAt(history, now);
      history.splice(0, seen ? history.indexOf(seen) : 0);
      history.push({ value, at: now, mine, change });
      let replacedMine = false;
      if (change.control === 'timer') {
        replacedMine = !mine && change.action === 'start' && this.#myTimer;
        if (change.action === 'start') this.#myTimer = mine;
        if (change.action === 'reset') this.#myTimer = false;
      }
      changes.push({ change, mine, replacedMine });
    }
    return changes;
  }

  /** What `control` showed to a click at `now`, and what it shows now. */
  atClick(control: Control, now: number): { seen: Shown; current: Shown } | null {
    const history = this.#history[control];
    const seen = seenAt(history, now);
    const current = history.at(-1);
    return seen && current ? { seen, current } : null;
  }
}
