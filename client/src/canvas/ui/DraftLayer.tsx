/** What a gesture draws before it is an item: the pen line, the marquee, a connector's line, a frame. */

import { STROKE_COLOR } from '../items/colors.ts';
import { strokePath } from '../items/StrokeView.tsx';
import { type DraftStore, useDrafts } from '../tools/drafts.ts';

export function DraftLayer({ drafts }: { drafts: DraftStore }) {
  const { pen, marquee, connector, frame } = useDrafts(drafts);
  return (
    <svg className="im-layer im-layer-drafts" width="1" height="1" aria-hidden="true">
      {pen ? <path d={strokePath(pen)} fill={STROKE_COLOR} /> : null}
      {marquee ? (
        <rect
          className="im-marquee"
          x={marquee.x}
          y={marquee.y}
          width={marquee.w}
          height={marquee.h}
        />
      ) : null}
      {frame ? (
        // Drawn like the marquee: an outline of what the release will make.
        <rect
          className="im-marquee im-frame-draft"
          x={frame.x}
          y={frame.y}
          width={frame.w}
          height={frame.h}
          rx={8}
        />
      ) : null}
      {connector ? (
        <line
          className="im-connector-draft"
          x1={connector.from.x}
          y1={connector.from.y}
          x2={connector.to.x}
          y2={connector.to.y}
        />
      ) : null}
    </svg>
  );
}
