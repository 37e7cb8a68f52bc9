/**
 * Creating items: the note, text, frame and concept tools (a click; a drag sizes a frame),
 * double-click on empty board, and Enter for keyboard users.
 */
import type { ItemType, NewItem } from '../../../../shared/board-document.ts';
import {
  canHold,
  createItem,
  frameAt,
  framesTopFirst,
  snapToFrames,
} from '../model/edit-actions.ts';
import {
  centre,
  contains,
  intersects,
  type Point,
  type Rect,
  rectFromCorners,
  rectOf,
  union,
} from '../model/geometry.ts';
import { editableIds, type Gesture, type ToolEnv } from './tool-env.ts';

export type CreatedType = 'note' | 'text' | 'frame' | 'concept';

export const CREATING_TOOLS: readonly CreatedType[] = ['note', 'text', 'frame', 'concept'];

export function isCreatingTool(tool: string): tool is CreatedType {
  return (CREATING_TOOLS as readonly string[]).includes(tool);
}

const SIZES: Partial<Record<ItemType, [number, number]>> = {
  note: [200, 200],
  text: [240, 60],
  frame: [800, 600],
  concept: [420, 560],
};

/**
 * A frame dragged out smaller than this gets this size: room for a new note (SIZES.note) clear
 * of the frame's edges and title, down to about 30 % zoom (the title keeps at least 14 screen
 * pixels, canvas.css, so the further out, the more board it takes). 240×160 held no note: one
 * clicked into it was left lying across it, in no frame.
 */
export const MIN_FRAME = { w: 280, h: 300 };
/** Below this many screen pixels a press of the frame tool is a click, not a drag. */
const CLICK_SLOP = 4;
/** Between a new item and the frame edge or title it keeps clear of. */
const MARGIN = 8;
/** Between the selection and an item the keyboard adds beside it. */
const GAP = 24;

/** Adds an item in `box`, selects it and starts editing its text or title. */
function createIn(env: ToolEnv, type: CreatedType, box: Rect): string {
  const init: NewItem = {
    type,
    x: Math.round(box.x),
    y: Math.round(box.y),
    w: Math.round(box.w),
    h: Math.round(box.h),
    author: env.me.id,
  };
  if (type === 'frame') init.title = env.labels.newFrame;
  if (type === 'concept') init.title = env.labels.newConcept;
  // While silent writing runs my new notes are private: they go to my own document.
  const { privateDoc, writesPrivately } = env.model;
  const target = type === 'note' && writesPrivately && privateDoc ? privateDoc : env.model.doc;
  env.undo.beginGesture();
  const id = createItem(env.model, init, target);
  snapToFrames(env.model, type === 'frame' ? itemsCentredIn(env, box) : [id]);
  env.state.setTool('select');
  env.state.startEditing(id, type === 'note' || type === 'text' ? 'text' : 'title');
  env.undo.holdUntilEditingEnds = true;
  return id;
}

/**
 * The items a new frame drawn over them takes in (snapToFrames decides: the frame on top that
 * can hold each): those whose centre it covers, that I may change. So a frame drawn around a
 * cluster carries it when moved, and the exports list the cluster under the frame's title.
 */
function itemsCentredIn(env: ToolEnv, box: Rect): string[] {
  const inside = env.model
    .all()
    .filter((l) => l.item.type !== 'frame' && l.item.type !== 'connector')
    .filter((l) => {
      const rect = rectOf(l.item);
      return rect !== null && contains(box, centre(rect));
    })
    .map((l) => l.item.id);
  return editableIds(env, inside);
}

function centredBox(type: CreatedType, at: Point): Rect {
  const [w, h] = SIZES[type] ?? [200, 200];
  return { x: at.x - w / 2, y: at.y - h / 2, w, h };
}

/**
 * Adds an item centred on `at` (a click of a tool, a double-click), selects it and starts
 * editing. Pressed inside a frame (a lane of the customer journey) it stays inside that frame
 * and off its title, moving as little as it must.
 */
export function createAt(env: ToolEnv, type: CreatedType, at: Point): string {
  const box = centredBox(type, at);
  return createIn(env, type, type === 'frame' ? box : keepInFrame(env, box, at));
}

/**
 * The keyboard's way to add an item: beside the selected items (to their right, on the first
 * free spot), or in the middle of the view when nothing is selected.
 */
export function createByKeyboard(env: ToolEnv, type: CreatedType): string {
  const selected = [...env.state.selection]
    .map((id) => env.model.read(id))
    .map((item) => (item ? rectOf(item) : null))
    .filter((r) => r !== null);
  const beside = union(selected);
  const [w, h] = SIZES[type] ?? [200, 200];
  const others = env.model
    .all()
    .filter((l) => l.item.type !== 'frame' && l.item.type !== 'connector')
    .map((l) => rectOf(l.item))
    .filter((r) => r !== null);
  if (!beside) {
    const middle = env.viewport.centre();
    return createAt(env, type, freeSpotNear(centredBox(type, middle), others, middle));
  }
  const box = { x: beside.x + beside.w + GAP, y: beside.y, w, h };
  const inFrame = besideInFrame(env, box, others, centre(beside));
  if (inFrame) return createIn(env, type, inFrame);
  for (let tries = 0; tries < 50 && others.some((r) => intersects(r, box)); tries++) {
    box.x += w + GAP;
  }
  return createIn(env, type, box);
}

/** Spots besideInFrame tries, in reading order: on along the row, back along it, other rows. */
const BESIDE_ORDER: readonly Point[] = [0, 1, -1, 2, -2, 3, -3].flatMap((y) => [
  ...Array.from({ length: 13 }, (_, x) => ({ x, y })),
  ...Array.from({ length: 12 }, (_, x) => ({ x: -1 - x, y })),
]);

/**
 * Where `box`, first tried right of the selection, fits in the frame the selection is in (a
 * lane of the customer journey): inside it, clear of its title and of `others`, on along the
 * selection's row, back along it, then the rows below and above. Null when the selection is in
 * no frame, or the frame has no room left: the note then goes right of the selection anyway.
 */
function besideInFrame(env: ToolEnv, box: Rect, others: Rect[], at: Point): Rect | null {
  const frame = frameAt(framesTopFirst(env.model.all()), at, (f) => canHold(f.rect, box));
  if (!frame) return null;
  const f = frame.rect;
  const title = titleBox(env, frame.id, f);
  const taken = title ? [...others, title] : others;
  const top = Math.min(Math.max(box.y, f.y + MARGIN), f.y + f.h - MARGIN - box.h);
  const fits = (r: Rect) =>
    r.x >= f.x + MARGIN &&
    r.y >= f.y + MARGIN &&
    r.x + r.w <= f.x + f.w - MARGIN &&
    r.y + r.h <= f.y + f.h - MARGIN;
  for (const step of BESIDE_ORDER) {
    const spot = {
      ...box,
      x: box.x + step.x * (box.w + GAP),
      y: top + step.y * (box.h + GAP),
    };
    if (fits(spot) && !taken.some((r) => intersects(r, spot))) return spot;
  }
  return null;
}

/** Steps of a 9 × 9 grid around a spot, nearest first: where freeSpotNear looks. */
const NEAREST_FIRST: readonly Point[] = Array.from({ length: 81 }, (_, i) => ({
  x: (i % 9) - 4,
  y: Math.floor(i / 9) - 4,
})).sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y));

/**
 * The centre of the spot nearest `at` where `box` covers none of `others`: tried on a grid of
 * the box's own size around it, nearest first; `at` itself when the whole neighbourhood is full.
 */
function freeSpotNear(box: Rect, others: Rect[], at: Point): Point {
  for (const step of NEAREST_FIRST) {
    const moved = {
      ...box,
      x: box.x + step.x * (box.w + GAP),
      y: box.y + step.y * (box.h + GAP),
    };
    if (!others.some((r) => intersects(r, moved))) return centre(moved);
  }
  return at;
}

/**
 * `box` moved the least it must to lie inside the frame at `at` (the one snapToFrames then
 * makes its parent: the topmost there that can hold it) and clear of that frame's title, when
 * the frame has room for it; otherwise `box` as it is.
 */
function keepInFrame(env: ToolEnv, box: Rect, at: Point): Rect {
  const frames = framesTopFirst(env.model.all());
  const frame = frameAt(frames, at, (f) => canHold(f.rect, box));
  if (!frame) return box;
  const f = frame.rect;
  if (box.w > f.w - 2 * MARGIN || box.h > f.h - 2 * MARGIN) return box;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const inside = {
    ...box,
    x: clamp(box.x, f.x + MARGIN, f.x + f.w - MARGIN - box.w),
    y: clamp(box.y, f.y + MARGIN, f.y + f.h - MARGIN - box.h),
  };
  const title = titleBox(env, frame.id, f);
  if (!title || !intersects(inside, title)) return inside;
  const below = { ...inside, y: title.y + title.h + MARGIN };
  const right = { ...inside, x: title.x + title.w + MARGIN };
  const fits = (r: Rect) => r.y + r.h <= f.y + f.h - MARGIN && r.x + r.w <= f.x + f.w - MARGIN;
  const choices = [below, right].filter(fits);
  if (choices.length === 0) return inside;
  const moved = (r: Rect) => Math.abs(r.x - inside.x) + Math.abs(r.y - inside.y);
  return choices.reduce((best, r) => (moved(r) < moved(best) ? r : best));
}

/**
 * Where a frame's title is drawn, in board units. Measured on the page: the title keeps a
 * readable screen size when zoomed out (canvas.css), so its board size depends on the zoom.
 */
function titleBox(env: ToolEnv, frameId: string, frame: Rect): Rect | null {
  const element = document.querySelector(
    `[data-item-id="${CSS.escape(frameId)}"] > [data-handle="title"]`,
  );
  if (!element) return null;
  const { width, height } = element.getBoundingClientRect();
  const zoom = env.viewport.zoom;
  return { x: frame.x, y: frame.y, w: width / zoom, h: height / zoom };
}

/**
 * The frame tool: dragging draws the frame's outline and makes a frame of that size (at
 * least MIN_FRAME, grown away from where the drag began); a click makes one of the default
 * size centred there.
 */
export function frameGesture(env: ToolEnv, start: Point, startScreen: Point): Gesture {
  let dragged = false;
  const boxTo = (point: Point): Rect => {
    const box = rectFromCorners(start, point);
    const w = Math.max(MIN_FRAME.w, box.w);
    const h = Math.max(MIN_FRAME.h, box.h);
    return {
      x: point.x < start.x ? start.x - w : start.x,
      y: point.y < start.y ? start.y - h : start.y,
      w,
      h,
    };
  };
  return {
    move(point, screen) {
      if (!dragged && Math.hypot(screen.x - startScreen.x, screen.y - startScreen.y) < CLICK_SLOP) {
        return;
      }
      dragged = true;
      env.drafts.set({ frame: boxTo(point) });
    },
    end(point) {
      env.drafts.set({ frame: null });
      if (dragged) createIn(env, 'frame', boxTo(point));
      else createAt(env, 'frame', start);
    },
    cancel() {
      env.drafts.set({ frame: null });
    },
    sharedClosed() {
      // Nothing is written until the release, and a frame is shared: it will not be made.
      env.drafts.set({ frame: null });
      return false;
    },
  };
}
