/**
 * What each member publishes in Yjs awareness, read by the canvas (cursors, follow) and by
 * the board chrome (who is here). Stock Yjs clients may publish anything: read defensively.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { Role } from '../../../shared/roles.ts';

export interface ViewportState {
  /** Board coordinates at the centre of the member's screen, and the zoom factor. */
  x: number;
  y: number;
  zoom: number;
  /**
   * The board area on their screen, in board units: whoever is brought there or follows sees
   * that area, at their own screen's zoom (a phone the facilitator's whole view, smaller).
   * Missing from older pages and stock clients: then the zoom is taken as it is.
   */
  w?: number;
  h?: number;
}

export interface PresenceState {
  member: { id: string; name: string; color: string; role: Role };
  /** Pointer position in board units; null when the pointer left the board. */
  cursor: { x: number; y: number } | null;
  viewport: ViewportState | null;
  /** At most MAX_SHARED_SELECTION item ids. */
  selection: string[];
}

/**
 * How many of my selected items others see outlined. The server closes a connection whose
 * awareness message passes 64 KiB (docs/PROTOCOL.md): Ctrl+A on a board of 2,000 notes, 36
 * characters an id, would pass it, and my state would be refused again at every reconnect.
 */
export const MAX_SHARED_SELECTION = 500;

/** A member as presence names them: a stock client's state may leave out the role. */
export interface PresentMember {
  id: string;
  name: string;
  role?: Role;
}

/** The members whose pages are here now, as their presence names them (mine too). */
export function membersHere(awareness: Awareness): PresentMember[] {
  const members: PresentMember[] = [];
  for (const state of awareness.getStates().values()) {
    const member = (state as Partial<PresenceState>).member;
    if (member && typeof member.id === 'string' && typeof member.name === 'string') {
      members.push({ id: member.id, name: member.name, role: member.role });
    }
  }
  return members;
}
