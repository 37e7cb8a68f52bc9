/** The infinite canvas: renders the board document's items and edits them. */
import type { ReactNode } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { PublicMember } from '../../../shared/api.ts';
import type { ViewportState } from '../board/presence.ts';

export interface ViewportRequest {
  viewport: ViewportState;
  /** Changes on every request, so asking for the same place twice still moves. */
  seq: number;
}

export interface BoardCanvasProps {
  doc: Y.Doc;
  awareness: Awareness;
  me: PublicMember;
  /** A viewer, or a participant while the board is locked. */
  readOnly: boolean;
  /** Moves my viewport: following a member, or the facilitator's "bring everyone to me". */
  viewportRequest: ViewportRequest | null;
  /**
   * My private document while silent writing runs: its items are drawn (marked private) and
   * my new notes go there instead of into `doc`. Null otherwise.
   */
  privateDoc: Y.Doc | null;
  /** Drawn inside each item's element (vote dots, result badges); owned by workshop/. */
  itemOverlay?: (itemId: string) => ReactNode;
}

export function BoardCanvas(_props: BoardCanvasProps) {
  return <div className="board-canvas" />;
}
