/**
 * Boxes and points in board units, and the questions the tools ask of them. How an item lies
 * is the board's one reading (shared/geometry.ts), which the exports use too.
 */
import type { Box, Point } from '../../../../shared/geometry.ts';
import { strokePoints } from '../../../../shared/geometry.ts';

export {
  boundsOf,
  boxOf,
  centre,
  connectorEnds,
  contains,
  containsBox,
  strokeBox,
  strokePoints,
} from '../../../../shared/geometry.ts';
export type { Box, Point };

export function intersects(a: Box, b: Box): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

export function rectFromCorners(a: Point, b: Point): Box {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  };
}

/** Distance from p to the segment a–b: the eraser's hit test against a stroke. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

export function strokeHit(points: readonly number[], p: Point, radius: number): boolean {
  const list = strokePoints(points);
  if (list.length === 1) return Math.hypot(list[0]!.x - p.x, list[0]!.y - p.y) <= radius;
  for (let i = 0; i + 1 < list.length; i++) {
    if (distanceToSegment(p, list[i]!, list[i + 1]!) <= radius) return true;
  }
  return false;
}
