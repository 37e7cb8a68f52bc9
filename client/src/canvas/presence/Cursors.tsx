/**
 * Other members' pointers with their names, in their colours. Drawn in board space with a
 * counter-scale, so they sit exactly where the pointer is and keep their size at any zoom;
 * a short CSS transition smooths the 80 ms steps they arrive in.
 */
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useCanvas } from '../canvas-context.ts';
import { CursorRest } from './cursor-rest.ts';

interface RemoteCursor {
  clientId: number;
  name: string;
  color: string;
  x: number;
  y: number;
}

function readCursors(awareness: Awareness, myMemberId: string): RemoteCursor[] {
  const out: RemoteCursor[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const member = (state as { member?: unknown }).member;
    const cursor = (state as { cursor?: unknown }).cursor;
    if (!member || typeof member !== 'object' || !cursor || typeof cursor !== 'object') return;
    const { name, color, id } = member as { name?: unknown; color?: unknown; id?: unknown };
    const { x, y } = cursor as { x?: unknown; y?: unknown };
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x + y)) return;
    // My own member in another tab is still someone else's pointer on this screen.
    if (id === myMemberId && clientId === awareness.clientID) return;
    out.push({
      clientId,
      name: typeof name === 'string' ? name.slice(0, 60) : '?',
      color: typeof color === 'string' && /^#[0-9a-f]{3,8}$/i.test(color) ? color : '#57606a',
      x,
      y,
    });
  });
  return out;
}

export function Cursors({ awareness, myMemberId }: { awareness: Awareness; myMemberId: string }) {
  const { t } = useCanvas();
  const [cursors, setCursors] = useState<RemoteCursor[]>(() => readCursors(awareness, myMemberId));
  const [rest] = useState(() => new CursorRest());
  // Re-renders as a cursor comes to rest, at the moment it does (no timer while none is due).
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let signature = '';
    // My own pointer changes my awareness state too: only others' moves re-render.
    const update = () => {
      const next = readCursors(awareness, myMemberId);
      const nextSignature = JSON.stringify(next);
      if (nextSignature === signature) return;
      signature = nextSignature;
      rest.seen(next, Date.now());
      setCursors(next);
      setNow(Date.now());
    };
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [awareness, myMemberId, rest]);
  useEffect(() => {
    const due = rest.nextRest(now);
    if (due === null) return;
    const timer = setTimeout(() => setNow(Date.now()), due - now);
    return () => clearTimeout(timer);
  }, [rest, now]);
  return (
    <div className="im-layer im-layer-cursors" aria-hidden="true">
      {cursors.map((c) => (
        <div
          key={c.clientId}
          className={rest.resting(c.clientId, now) ? 'im-cursor is-resting' : 'im-cursor'}
          data-cursor-name={c.name}
          title={t.canvas.cursorOf(c.name)}
          style={{ transform: `translate(${c.x}px, ${c.y}px) scale(var(--inv-zoom, 1))` }}
        >
          <svg width="18" height="22" viewBox="0 0 18 22" aria-hidden="true">
            <path
              d="M1 1 L1 17 L5.5 13 L9 21 L12 19.5 L8.5 12 L15 12 Z"
              fill={c.color}
              stroke="#fff"
              strokeWidth="1.5"
            />
          </svg>
          <span className="im-cursor-name" dir="auto" style={{ background: c.color }}>
            {c.name}
          </span>
        </div>
      ))}
    </div>
  );
}
