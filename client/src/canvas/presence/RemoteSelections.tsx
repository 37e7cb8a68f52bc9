/**
 * What other members have selected, outlined in their colour, so two people do not drag the
 * same note at once. Boxes follow the items as they move (re-read once per frame at most).
 */
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { MAX_SHARED_SELECTION } from '../../board/presence.ts';
import { onDocChange } from '../../sync/doc-changes.ts';
import { useCanvas } from '../canvas-context.ts';
import { type Box, boxOf } from '../model/geometry.ts';

interface Outline {
  key: string;
  color: string;
  rect: Box;
}

export function RemoteSelections({ awareness }: { awareness: Awareness }) {
  const { model } = useCanvas();
  const [outlines, setOutlines] = useState<Outline[]>([]);
  useEffect(() => {
    let frame = 0;
    let signature = '';
    const read = () => {
      frame = 0;
      const next: Outline[] = [];
      awareness.getStates().forEach((state, clientId) => {
        if (clientId === awareness.clientID) return;
        const { member, selection } = state as {
          member?: { color?: unknown };
          selection?: unknown;
        };
        if (!Array.isArray(selection)) return;
        const color =
          typeof member?.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(member.color)
            ? member.color
            : '#57606a';
        for (const id of selection.slice(0, MAX_SHARED_SELECTION)) {
          if (typeof id !== 'string') continue;
          const item = model.read(id);
          const rect = item ? boxOf(item) : null;
          if (rect) next.push({ key: `${clientId}:${id}`, color, rect });
        }
      });
      const nextSignature = JSON.stringify(next);
      if (nextSignature === signature) return;
      signature = nextSignature;
      setOutlines(next);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    awareness.on('change', schedule);
    const stopWatchingDocs = model.docs().map((doc) => onDocChange(doc, schedule));
    schedule();
    return () => {
      awareness.off('change', schedule);
      for (const stop of stopWatchingDocs) stop();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [awareness, model]);
  return (
    <div className="im-layer im-layer-remote-selections" aria-hidden="true">
      {outlines.map((o) => (
        <div
          key={o.key}
          className="im-remote-selection"
          style={{
            left: o.rect.x,
            top: o.rect.y,
            width: o.rect.w,
            height: o.rect.h,
            borderColor: o.color,
          }}
        />
      ))}
    </div>
  );
}
