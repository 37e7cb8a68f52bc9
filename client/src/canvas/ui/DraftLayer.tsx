/** What a gesture draws before it is an item: the pen line, the marquee, a connector's line. */

import { STROKE_COLOR } from '../items/colors.ts';
import { strokePath } from '../items/StrokeView.tsx';
import { type DraftStore, useDrafts } from '../tools/drafts.ts';

export function DraftLayer({ drafts }: { drafts: DraftStore }) {
  const { pen, marquee, connector } = useDrafts(drafts);
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
