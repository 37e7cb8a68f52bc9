/**
 * What each member publishes in Yjs awareness, read by the canvas (cursors, follow) and by
 * the board chrome (who is here). Stock Yjs clients may publish anything: read defensively.
 */
import type { Role } from '../../../shared/roles.ts';

export interface ViewportState {
  /** Board coordinates at the centre of the member's screen, and the zoom factor. */
  x: number;
  y: number;
  zoom: number;
}

export interface PresenceState {
  member: { id: string; name: string; color: string; role: Role };
  /** Pointer position in board units; null when the pointer left the board. */
  cursor: { x: number; y: number } | null;
  viewport: ViewportState | null;
  selection: string[];
}
