/**
 * Which remote cursors have rested a while. A pointer that left the page without leaving the
 * board (another window brought forward, a tab put in the background) sends no "gone": its
 * cursor and name stayed where they were for minutes, over the notes (QA). One that has not
 * moved for RESTING_MS is drawn faint and without its name, until it moves again.
 */

/** How long a cursor stays still before it is drawn as resting. */
export const RESTING_MS = 30_000;

export class CursorRest {
  /** Per client: where its cursor was last seen and since when it has been there. */
  readonly #last = new Map<number, { x: number; y: number; since: number }>();

  /** Notes where each client's cursor is now; forgets clients no longer among them. */
  seen(cursors: readonly { clientId: number; x: number; y: number }[], now: number): void {
    const present = new Set<number>();
    for (const { clientId, x, y } of cursors) {
      present.add(clientId);
      const last = this.#last.get(clientId);
      if (!last || last.x !== x || last.y !== y) this.#last.set(clientId, { x, y, since: now });
    }
    for (const clientId of this.#last.keys()) {
      if (!present.has(clientId)) this.#last.delete(clientId);
    }
  }

  resting(clientId: number, now: number): boolean {
    const last = this.#last.get(clientId);
    return last !== undefined && now - last.since >= RESTING_MS;
  }

  /** When the next cursor comes to rest, or null when none is due to. */
  nextRest(now: number): number | null {
    let next: number | null = null;
    for (const { since } of this.#last.values()) {
      const at = since + RESTING_MS;
      if (at > now && (next === null || at < next)) next = at;
    }
    return next;
  }
}
