/**
 * A frame's columns, as people read them: a customer-journey lane is divided at its stages, and
 * the stage's name is the heading written above it on the board. The outline and the report
 * use this one reading, so a note is in the same stage wherever it is listed, and a lane's
 * notes are read stage by stage, the way the journey runs, instead of top to bottom.
 */
import { type Item, itemLabel } from './board-document.ts';
import { boxOf, centre, contains, containsBox } from './geometry.ts';

type Frame = Extract<Item, { type: 'frame' }>;

export interface FrameColumn {
  /** 0 for the column left of the first line. */
  index: number;
  /** Board x of its left and right edges. */
  left: number;
  right: number;
  /** The heading above it on the board ('' when there is none, as over a lane's title). */
  name: string;
}

/**
 * The columns of a frame that has column lines; [] for one that has none. A column's name is
 * the nearest text item above the frame that lies over the column, within its edges, and in no
 * frame but those around the whole lane: the stage headers of the customer journey, whichever
 * lane the frame is, also when a frame has been drawn around the journey. A text in another
 * lane, or in a frame over part of this one, heads nothing. A text that spans several columns
 * (the journey's title) heads none of them.
 */
export function frameColumns(frame: Item, items: readonly Item[]): FrameColumn[] {
  if (frame.type !== 'frame' || !frame.columns?.length) return [];
  const edges = [0, ...frame.columns, Math.max(0, frame.w)].map((offset) => frame.x + offset);
  const frames = items.filter(
    (item): item is Frame => item.type === 'frame' && !containsBox(item, frame),
  );
  const headings = items.flatMap((item) => {
    const box = item.type === 'text' ? boxOf(item) : null;
    if (!box || box.y + box.h > frame.y) return [];
    const middle = centre(box);
    if (frames.some((other) => contains(other, middle))) return [];
    return [{ left: box.x, right: box.x + box.w, bottom: box.y + box.h, name: itemLabel(item) }];
  });
  return edges.slice(0, -1).map((left, index) => {
    const right = edges[index + 1]!;
    const above = headings
      .filter((heading) => heading.name !== '' && heading.left >= left && heading.right <= right)
      .sort((a, b) => b.bottom - a.bottom);
    return { index, left, right, name: above[0]?.name ?? '' };
  });
}

/** The column an item's centre lies in; undefined when the frame has no columns. */
export function columnOf(columns: readonly FrameColumn[], item: Item): FrameColumn | undefined {
  const box = boxOf(item);
  if (!box || columns.length === 0) return undefined;
  const { x } = centre(box);
  return columns.find((column) => x < column.right) ?? columns.at(-1);
}

/**
 * Sorts a frame's items the way its columns are read: column by column, left to right, then
 * by `within` (top to bottom) inside each. Without columns, just `within`.
 */
export function byColumns<T extends Item>(
  columns: readonly FrameColumn[],
  within: (a: T, b: T) => number,
): (a: T, b: T) => number {
  if (columns.length === 0) return within;
  const index = (item: T) => columnOf(columns, item)?.index ?? 0;
  return (a, b) => index(a) - index(b) || within(a, b);
}
