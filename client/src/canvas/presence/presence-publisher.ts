/**
 * Publishes my cursor, viewport and selection in awareness (board/presence.ts), merged into
 * one update at most every 80 ms: the server allows a client 30 awareness messages a second,
 * and the page's own `member` field shares that budget.
 */
import type { Awareness } from 'y-protocols/awareness';
import {
  MAX_SHARED_SELECTION,
  type PresenceState,
  type ViewportState,
} from '../../board/presence.ts';

const INTERVAL_MS = 80;

type Published = Pick<PresenceState, 'cursor' | 'viewport' | 'selection'>;

export class PresencePublisher {
  #pending: Partial<Published> = {};
  #timer: ReturnType<typeof setTimeout> | null = null;
  #last = 0;

  constructor(readonly awareness: Awareness) {}

  cursor(cursor: { x: number; y: number } | null): void {
    this.#queue({
      cursor: cursor ? { x: Math.round(cursor.x), y: Math.round(cursor.y) } : null,
    });
  }

  /** null: my view is not shown (a participant during silent writing). */
  viewport(viewport: ViewportState | null): void {
    this.#queue({
      viewport: viewport && {
        x: Math.round(viewport.x),
        y: Math.round(viewport.y),
        zoom: Math.round(viewport.zoom * 1000) / 1000,
        ...(viewport.w !== undefined && viewport.h !== undefined
          ? { w: Math.round(viewport.w), h: Math.round(viewport.h) }
          : {}),
      },
    });
  }

  selection(ids: readonly string[]): void {
    this.#queue({ selection: ids.slice(0, MAX_SHARED_SELECTION) });
  }

  #queue(change: Partial<Published>): void {
    Object.assign(this.#pending, change);
    if (this.#timer) return;
    const wait = Math.max(0, this.#last + INTERVAL_MS - Date.now());
    this.#timer = setTimeout(() => this.#flush(), wait);
  }

  #flush(): void {
    this.#timer = null;
    this.#last = Date.now();
    const current = this.awareness.getLocalState();
    // A destroyed or signed-out awareness has no local state: publishing would revive it.
    if (current === null) return;
    this.awareness.setLocalState({ ...current, ...this.#pending });
    this.#pending = {};
  }

  destroy(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
