/** Boxes and points in board units, and the questions the tools ask of them. */
import type { Item } from '../../../../shared/board-document.ts';
import type { Box, Point } from '../../../../shared/geometry.ts';

export type { Point };
/** A box in board units (shared/geometry.ts calls it Box). */
export type Rect = Box;

/** Stroke points are board coordinates (as the SVG export reads them), pairs in a flat array. */
export function pairs(points: readonly number[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i]!;
    const y = points[i + 1]!;
    if (Number.isFinite(x) && Number.isFinite(y)) out.push({ x, y });
  }
  return out;
}

export function boundsOfPoints(points: readonly Point[]): Rect {
  if (points.length === 0) return { x: 0, y: 0, w: 0, h: 0 };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** An item's box; strokes use their points (a foreign client may not keep x/y/w/h current). */
export function rectOf(item: Item): Rect | null {
  if (item.type === 'connector') return null;
  if (item.type === 'stroke') {
    const points = pairs(item.points);
    return points.length > 0 ? boundsOfPoints(points) : null;
  }
  return { x: item.x, y: item.y, w: Math.max(0, item.w), h: Math.max(0, item.h) };
}

export function contains(rect: Rect, point: Point): boolean {
  return (
    point.x >= rect.x &&
    point.x <= rect.x + rect.w &&
    point.y >= rect.y &&
    point.y <= rect.y + rect.h
  );
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

export function union(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

export function rectFromCorners(a: Point, b: Point): Rect {
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
  const list = pairs(points);
  if (list.length === 1) return Math.hypot(list[0]!.x - p.x, list[0]!.y - p.y) <= radius;
  for (let i = 0; i + 1 < list.length; i++) {
    if (distanceToSegment(p, list[i]!, list[i + 1]!) <= radius) return true;
  }
  return false;
}

/** An item's centre and a connector's ends: shared with the SVG export, which draws alike. */
export { centre, edgePoint } from '../../../../shared/geometry.ts';
