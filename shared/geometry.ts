/**
 * Boxes and points in board units, as the board and the exports both read them: an item's box,
 * its centre, whether a point lies in a box, and where a connector leaves a box. One reading,
 * so the canvas, the SVG picture and the exports' frame lookup see an item in the same place.
 */
import type { Item } from './board-document.ts';

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  w: number;
  h: number;
}

export function centre(box: Box): Point {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

/** Edges count as inside. */
export function contains(box: Box, point: Point): boolean {
  return (
    point.x >= box.x && point.x <= box.x + box.w && point.y >= box.y && point.y <= box.y + box.h
  );
}

/** Whether `inner` lies wholly inside `outer`, edges included. */
export function containsBox(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

/**
 * A box's edges as a point: left, top, and right and bottom negated, so that a frame holds a box
 * wholly (containsBox, edges included) exactly when each of its point's coordinates is at most
 * the box's: the question shared/dominance-index.ts answers for a whole board at once.
 */
export function boxEdges(box: Box): number[] {
  return [box.x, box.y, -(box.x + box.w), -(box.y + box.h)];
}

/**
 * A stroke's points (board coordinates, a flat x, y, x, y… array) as pairs; a trailing odd
 * number or a non-finite one is dropped.
 */
export function strokePoints(points: readonly number[]): Point[] {
  const pairs: Point[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i]!;
    const y = points[i + 1]!;
    if (Number.isFinite(x) && Number.isFinite(y)) pairs.push({ x, y });
  }
  return pairs;
}

/**
 * The box around boxes (a point is a box without size); null for none. A loop, not
 * Math.min(...): a stroke may have more points than a call can take arguments.
 */
export function boundsOf(boxes: readonly (Point & Partial<Box>)[]): Box | null {
  if (boxes.length === 0) return null;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const { x, y, w = 0, h = 0 } of boxes) {
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + w);
    bottom = Math.max(bottom, y + h);
  }
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** The box around a stroke's points; null for a stroke without any. */
export function strokeBox(points: readonly number[]): Box | null {
  return boundsOf(strokePoints(points));
}

/**
 * Where an item lies, as the board draws it: a stroke's box is its points' (a foreign client may
 * not keep x/y/w/h current); a negative width or height is drawn as 0. A connector, a stroke
 * without points, or a box not made of finite numbers (renderExport takes any BoardExport) has
 * none.
 */
export function boxOf(item: Item): Box | null {
  if (item.type === 'connector') return null;
  if (item.type === 'stroke') return strokeBox(item.points);
  if (![item.x, item.y, item.w, item.h].every(Number.isFinite)) return null;
  return { x: item.x, y: item.y, w: Math.max(0, item.w), h: Math.max(0, item.h) };
}

/** The shortest a connector is drawn: between touching items it would be a point (QA). */
export const MIN_CONNECTOR_LENGTH = 32;

/**
 * A connector's ends, from `a`'s edge to `b`'s along the line between their centres. Where the
 * edges meet or overlap, the line would be nothing to see, click or delete (QA): it is drawn
 * MIN_CONNECTOR_LENGTH long about the middle of the two ends instead, across the seam.
 */
export function connectorEnds(a: Box, b: Box): { start: Point; end: Point } {
  const start = edgePoint(a, centre(b));
  const end = edgePoint(b, centre(a));
  const ca = centre(a);
  const cb = centre(b);
  const dx = cb.x - ca.x;
  const dy = cb.y - ca.y;
  const between = Math.hypot(dx, dy);
  // Still pointing from a to b: edges apart by at least the minimum.
  const along = between === 0 ? 0 : ((end.x - start.x) * dx + (end.y - start.y) * dy) / between;
  if (along >= MIN_CONNECTOR_LENGTH) return { start, end };
  const ux = between === 0 ? 1 : dx / between;
  const uy = between === 0 ? 0 : dy / between;
  const mx = (start.x + end.x) / 2;
  const my = (start.y + end.y) / 2;
  const half = MIN_CONNECTOR_LENGTH / 2;
  return {
    start: { x: mx - ux * half, y: my - uy * half },
    end: { x: mx + ux * half, y: my + uy * half },
  };
}

/**
 * Where the line from a box's centre towards `toward` leaves the box: a connector runs from
 * the edge of one box to the edge of the other, along the line between their centres.
 */
export function edgePoint(box: Box, toward: Point): Point {
  const c = centre(box);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Number.POSITIVE_INFINITY : box.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Number.POSITIVE_INFINITY : box.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: c.x + dx * s, y: c.y + dy * s };
}
