/**
 * A freehand stroke, smoothed by perfect-freehand into a filled outline. Points stay exactly
 * as drawn in the document (board coordinates); the smoothing is only how they are drawn.
 */
import { getStroke } from 'perfect-freehand';
import { memo } from 'react';
import type { Item } from '../../../../shared/board-document.ts';
import { strokeBox, strokePoints } from '../model/geometry.ts';
import { RemoteSelectionRect } from '../presence/RemoteSelections.tsx';
import { STROKE_COLOR, safeFill } from './colors.ts';

const PAD = 8;
export const STROKE_SIZE = 6;

type Stroke = Extract<Item, { type: 'stroke' }>;

/** An SVG path of the smoothed outline, relative to (ox, oy). */
export function strokePath(points: readonly number[], ox = 0, oy = 0): string {
  const input = strokePoints(points).map((p) => [p.x - ox, p.y - oy]);
  if (input.length === 0) return '';
  const outline = getStroke(input, {
    size: STROKE_SIZE,
    thinning: 0.5,
    smoothing: 0.5,
    streamline: 0.4,
    simulatePressure: true,
  });
  if (outline.length === 0) return '';
  const [first, ...rest] = outline;
  const fmt = (n: number) => n.toFixed(1);
  return `M${fmt(first![0]!)},${fmt(first![1]!)} ${rest.map(([x, y]) => `L${fmt(x!)},${fmt(y!)}`).join(' ')} Z`;
}

export const StrokeView = memo(function StrokeView({
  item,
  z,
  selected,
  label,
}: {
  item: Stroke;
  z: number;
  selected: boolean;
  label: string;
}) {
  const box = strokeBox(item.points) ?? { x: 0, y: 0, w: 0, h: 0 };
  const ox = box.x - PAD;
  const oy = box.y - PAD;
  const color = safeFill(item.color, STROKE_COLOR);
  return (
    <svg
      className={`im-item im-stroke${selected ? ' is-selected' : ''}`}
      data-item-id={item.id}
      data-item-type="stroke"
      role="img"
      aria-label={label}
      width={box.w + 2 * PAD}
      height={box.h + 2 * PAD}
      style={{ left: ox, top: oy, zIndex: z }}
    >
      <path d={strokePath(item.points, ox, oy)} fill={color} />
      <RemoteSelectionRect id={item.id} box={{ x: PAD, y: PAD, w: box.w, h: box.h }} />
    </svg>
  );
});
