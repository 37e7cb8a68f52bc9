/**
 * A frame's columns, as people read them: a customer-journey lane is divided at its stages, and
 * the stage's name is the heading written above it on the board. The outline and the report
 * use this one reading, so a note is in the same stage wherever it is listed, and a lane's
 * notes are read stage by stage, the way the journey runs, instead of top to bottom.
 */
import { type Item, itemLabel } from './board-document.ts';
import { DominanceIndex } from './dominance-index.ts';
import { boxEdges, boxOf, centre } from './geometry.ts';

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
 *
 * For more than one frame of a board, frameColumnsLookup reads the board's texts once.
 */
export function frameColumns(frame: Item, items: readonly Item[]): FrameColumn[] {
  return frameColumnsLookup(items)(frame);
}

/**
 * frameColumns for any frame of `items`, reading the texts that may head a column once for the
 * board: asked frame by frame, a board of a thousand journey lanes and as many texts took
 * seconds to export, for each lane checked every text against every frame (QA).
 */
export function frameColumnsLookup(items: readonly Item[]): (frame: Item) => FrameColumn[] {
  let headings: HeadingIndex | undefined;
  return (frame) => {
    if (frame.type !== 'frame' || !frame.columns?.length) return [];
    headings ??= headingIndex(items);
    const edges = [0, ...frame.columns, Math.max(0, frame.w)].map((offset) => frame.x + offset);
    return edges.slice(0, -1).map((left, index) => {
      const right = edges[index + 1]!;
      return { index, left, right, name: headings!(frame, left, right) };
    });
  };
}

/** The name of the column from `left` to `right` of `frame`: its nearest heading above ('' for none). */
type HeadingIndex = (frame: Frame, left: number, right: number) => string;

/**
 * The board's named texts as heading candidates, nearest the frame (lowest bottom) first, items'
 * order breaking ties. A text in no frame may head any column it lies over; a text inside frames
 * may head only a lane that each of them holds wholly, that is, a lane inside the box where they
 * meet (the frames around the text's centre, whose edges greatest() gives).
 */
function headingIndex(items: readonly Item[]): HeadingIndex {
  const frames = items.filter((item): item is Frame => item.type === 'frame');
  const around = new DominanceIndex(
    frames.map(boxEdges),
    frames.map((_, index) => index),
  );
  const texts = items.flatMap((item) => {
    const box = item.type === 'text' ? boxOf(item) : null;
    const name = box ? itemLabel(item) : '';
    if (!box || name === '') return [];
    const { x, y } = centre(box);
    const meet = around.greatest([x, y, -x, -y]);
    return [{ left: box.x, right: box.x + box.w, bottom: box.y + box.h, name, meet }];
  });
  texts.sort((a, b) => b.bottom - a.bottom);
  // A text's place in `texts` is its priority: the first found is the nearest.
  const free = texts.flatMap((text, rank) => (text.meet ? [] : [{ ...text, rank }]));
  const inFrames = texts.flatMap((text, rank) =>
    text.meet ? [{ ...text, meet: text.meet, rank }] : [],
  );
  const freeIndex = new DominanceIndex(
    free.map((text) => [-text.left, text.right, text.bottom]),
    free.map((text) => text.rank),
  );
  const inFramesIndex = new DominanceIndex(
    inFrames.map((text) => [-text.left, text.right, text.bottom, ...text.meet]),
    inFrames.map((text) => text.rank),
  );
  return (frame, left, right) => {
    if (Number.isNaN(left) || Number.isNaN(right)) return '';
    // Above the frame: no lower than its top (every text is, as far as a top not a number tells).
    const top = Number.isNaN(frame.y) ? Number.POSITIVE_INFINITY : frame.y;
    const column = [-left, right, top];
    const a = free[freeIndex.first(column)];
    const b = inFrames[inFramesIndex.first([...column, ...boxEdges(frame)])];
    const nearest = a && b ? (a.rank < b.rank ? a : b) : (a ?? b);
    return nearest?.name ?? '';
  };
}

/** The column an item's centre lies in; undefined when the frame has no columns. */
export function columnOf(columns: readonly FrameColumn[], item: Item): FrameColumn | undefined {
  const box = boxOf(item);
  if (!box || columns.length === 0) return undefined;
  const { x } = centre(box);
  // A lane has at most MAX_COLUMNS + 1 columns (readColumns): a look through them is enough.
  return columns.find((column) => x < column.right) ?? columns.at(-1);
}

/**
 * Sorts a frame's items the way its columns are read: column by column, left to right, then
 * by `within` (top to bottom) inside each. Without columns, just `within`. Each item's column
 * is found once, not at every comparison.
 */
export function byColumns<T extends Item>(
  columns: readonly FrameColumn[],
  within: (a: T, b: T) => number,
): (a: T, b: T) => number {
  if (columns.length === 0) return within;
  const indexes = new Map<T, number>();
  const index = (item: T) => {
    let found = indexes.get(item);
    if (found === undefined) {
      found = columnOf(columns, item)?.index ?? 0;
      indexes.set(item, found);
    }
    return found;
  };
  return (a, b) => index(a) - index(b) || within(a, b);
}
