/**
 * Points in a few dimensions, asked which of those lying at or below a query in every
 * dimension comes first. "Which frame holds this item" and "which text heads this column" are
 * such questions (a box inside a frame has each edge on the inner side of the frame's), asked
 * once per item of a board: a scan of every frame for each item made an export of thousands of
 * frames take minutes on the one event loop every board shares (QA). A k-d tree instead: a
 * question visits the few branches that can hold an answer better than the best found so far.
 */

/** How many points a leaf holds: below this, a scan is quicker than another level. */
const LEAF = 8;

interface Node {
  /** Its points: `order[lo]` to `order[hi - 1]`. */
  lo: number;
  hi: number;
  /** Per dimension, the least and greatest coordinate of its points. */
  min: number[];
  max: number[];
  /** Its point with the least priority (an index into the points given), and that priority. */
  first: number;
  least: number;
  left?: Node;
  right?: Node;
}

export class DominanceIndex {
  private readonly points: readonly (readonly number[])[];
  private readonly priority: readonly number[];
  private readonly order: number[];
  private readonly root: Node | undefined;

  /**
   * `points[i]` has priority `priority[i]` (smaller comes first; distinct). A point with a
   * coordinate that is not a number lies at or below nothing and is left out.
   */
  constructor(points: readonly (readonly number[])[], priority: readonly number[]) {
    this.points = points;
    this.priority = priority;
    this.order = [];
    points.forEach((point, index) => {
      if (!point.some(Number.isNaN)) this.order.push(index);
    });
    const dimensions = points[0]?.length ?? 0;
    if (this.order.length > 0) this.root = this.build(0, this.order.length, 0, dimensions);
  }

  /** The index of the point with the least priority among those at or below `query`; -1 if none. */
  first(query: readonly number[]): number {
    let best = -1;
    let bestPriority = Number.POSITIVE_INFINITY;
    const visit = (node: Node): void => {
      if (node.least >= bestPriority || !this.reaches(node, query)) return;
      if (within(node.max, query)) {
        best = node.first;
        bestPriority = node.least;
        return;
      }
      if (!node.left || !node.right) {
        for (let i = node.lo; i < node.hi; i++) {
          const index = this.order[i]!;
          const priority = this.priority[index]!;
          if (priority < bestPriority && within(this.points[index]!, query)) {
            best = index;
            bestPriority = priority;
          }
        }
        return;
      }
      const [near, far] =
        node.left.least <= node.right.least ? [node.left, node.right] : [node.right, node.left];
      visit(near);
      visit(far);
    };
    if (this.root) visit(this.root);
    return best;
  }

  /**
   * Per dimension, the greatest coordinate among the points at or below `query`; null when there
   * are none. (The frames around a point, each given as its edges, meet in the box these bound.)
   */
  greatest(query: readonly number[]): number[] | null {
    let result: number[] | null = null;
    const take = (values: readonly number[]) => {
      if (!result) result = [...values];
      else for (let d = 0; d < values.length; d++) result[d] = Math.max(result[d]!, values[d]!);
    };
    const visit = (node: Node): void => {
      if (!this.reaches(node, query)) return;
      if (result && node.max.every((value, d) => value <= result![d]!)) return;
      if (within(node.max, query)) return take(node.max);
      if (!node.left || !node.right) {
        for (let i = node.lo; i < node.hi; i++) {
          const point = this.points[this.order[i]!]!;
          if (within(point, query)) take(point);
        }
        return;
      }
      visit(node.left);
      visit(node.right);
    };
    if (this.root) visit(this.root);
    return result;
  }

  /** Whether any of the node's points can lie at or below `query` (none where it is not a number). */
  private reaches(node: Node, query: readonly number[]): boolean {
    return within(node.min, query);
  }

  private build(lo: number, hi: number, depth: number, dimensions: number): Node {
    const min = new Array<number>(dimensions).fill(Number.POSITIVE_INFINITY);
    const max = new Array<number>(dimensions).fill(Number.NEGATIVE_INFINITY);
    let first = -1;
    let least = Number.POSITIVE_INFINITY;
    for (let i = lo; i < hi; i++) {
      const index = this.order[i]!;
      const point = this.points[index]!;
      for (let d = 0; d < dimensions; d++) {
        min[d] = Math.min(min[d]!, point[d]!);
        max[d] = Math.max(max[d]!, point[d]!);
      }
      const priority = this.priority[index]!;
      if (first === -1 || priority < least) {
        first = index;
        least = priority;
      }
    }
    const node: Node = { lo, hi, min, max, first, least };
    if (hi - lo <= LEAF || dimensions === 0) return node;
    const d = depth % dimensions;
    const sorted = this.order.slice(lo, hi).sort((a, b) => {
      const [x, y] = [this.points[a]![d]!, this.points[b]![d]!];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    for (let i = lo; i < hi; i++) this.order[i] = sorted[i - lo]!;
    const mid = (lo + hi) >>> 1;
    node.left = this.build(lo, mid, depth + 1, dimensions);
    node.right = this.build(mid, hi, depth + 1, dimensions);
    return node;
  }
}

/** Whether every coordinate of `point` is at most the query's (false against a NaN). */
function within(point: readonly number[], query: readonly number[]): boolean {
  for (let d = 0; d < query.length; d++) if (!(point[d]! <= query[d]!)) return false;
  return true;
}
