/**
 * What other members have selected, outlined in their colour, so two people do not drag the
 * same note at once. Each outline is drawn inside its item's element (ItemShell, StrokeView), so
 * it stacks with the item: what lies above the item covers its outline too, and it moves as the
 * item does, a drag's preview included. Drawn on a layer above every item, the outline of a note
 * under a concept card crossed the card's words (QA).
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { MAX_SHARED_SELECTION } from '../../board/presence.ts';
import { useCanvas } from '../canvas-context.ts';

const FALLBACK_COLOR = '#57606a';

/** Who has selected what, from awareness: per item, the colours of those who selected it. */
export class RemoteSelections {
  /** Item id → its selectors' colours, space-separated (a stable snapshot for React). */
  #colors = new Map<string, string>();
  #listeners = new Map<string, Set<() => void>>();

  constructor(private readonly awareness: Awareness) {}

  /** Listens to awareness until the returned function is called; re-read once a frame at most. */
  attach(): () => void {
    let frame = 0;
    const schedule = () => {
      if (!frame) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          this.#read();
        });
      }
    };
    this.awareness.on('change', schedule);
    this.#read();
    return () => {
      this.awareness.off('change', schedule);
      if (frame) cancelAnimationFrame(frame);
      this.#set(new Map());
    };
  }

  subscribe(id: string, listener: () => void): () => void {
    let set = this.#listeners.get(id);
    if (!set) {
      set = new Set();
      this.#listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(id);
    };
  }

  colorsOf(id: string): string {
    return this.#colors.get(id) ?? '';
  }

  #read() {
    const next = new Map<string, string>();
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID) return;
      const { member, selection } = state as {
        member?: { color?: unknown };
        selection?: unknown;
      };
      if (!Array.isArray(selection)) return;
      const color =
        typeof member?.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(member.color)
          ? member.color
          : FALLBACK_COLOR;
      for (const id of selection.slice(0, MAX_SHARED_SELECTION)) {
        if (typeof id !== 'string') continue;
        const had = next.get(id);
        if (!had) next.set(id, color);
        else if (!had.split(' ').includes(color)) next.set(id, `${had} ${color}`);
      }
    });
    this.#set(next);
  }

  /** Only the items whose outlines changed re-render. */
  #set(next: Map<string, string>) {
    const changed = new Set<string>();
    for (const [id, colors] of next) if (this.#colors.get(id) !== colors) changed.add(id);
    for (const id of this.#colors.keys()) if (!next.has(id)) changed.add(id);
    this.#colors = next;
    for (const id of changed) {
      for (const listener of this.#listeners.get(id) ?? []) listener();
    }
  }
}

/** The colours of the members who have item `id` selected, none where nobody has. */
function useRemoteColors(id: string): string[] {
  const { remoteSelections } = useCanvas();
  const subscribe = useCallback(
    (listener: () => void) => remoteSelections.subscribe(id, listener),
    [remoteSelections, id],
  );
  const colors = useSyncExternalStore(subscribe, () => remoteSelections.colorsOf(id));
  return colors ? colors.split(' ') : [];
}

/** Inside a box-shaped item's element: one dashed outline per member's colour. */
export function RemoteSelection({ id }: { id: string }) {
  return useRemoteColors(id).map((color) => (
    <div
      key={color}
      className="im-remote-selection"
      aria-hidden="true"
      style={{ borderColor: color }}
    />
  ));
}

/** Inside a drawing's SVG: the same outline around the box its points span. */
export function RemoteSelectionRect({
  id,
  box,
}: {
  id: string;
  box: { x: number; y: number; w: number; h: number };
}) {
  return useRemoteColors(id).map((color) => (
    <rect
      key={color}
      className="im-remote-selection"
      x={box.x}
      y={box.y}
      width={box.w}
      height={box.h}
      stroke={color}
    />
  ));
}
