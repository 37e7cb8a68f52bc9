/**
 * Creating items: the note, text, frame and concept tools (a click; a drag sizes a frame),
 * double-click on empty board, and Enter for keyboard users.
 */
import type { NewItem } from '../../../../shared/board-document.ts';
import { placeNewNote } from '../../../../shared/note-placement.ts';
import {
  canHold,
  createItem,
  frameAt,
  framesTopFirst,
  snapToFrames,
} from '../model/edit-actions.ts';
import {
  type Box,
  boundsOf,
  boxOf,
  centre,
  contains,
  intersects,
  type Point,
  rectFromCorners,
} from '../model/geometry.ts';
import {
  besideInFrame,
  type FrameRoom,
  GAP,
  keepInFrame,
  nearestFree,
  pileOn,
  rightOf,
} from '../model/placement.ts';
import { editableIds, type Gesture, type ToolEnv } from './tool-env.ts';

export type CreatedType = 'note' | 'text' | 'frame' | 'concept';

export const CREATING_TOOLS: readonly CreatedType[] = ['note', 'text', 'frame', 'concept'];

export function isCreatingTool(tool: string): tool is CreatedType {
  return (CREATING_TOOLS as readonly string[]).includes(tool);
}

const SIZES: Record<CreatedType, { w: number; h: number }> = {
  note: { w: 200, h: 200 },
  text: { w: 240, h: 60 },
  frame: { w: 800, h: 600 },
  concept: { w: 420, h: 560 },
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

/**
 * Adds an item in `box`, selects it and starts editing its text or title. Its frame is the one
 * it lies in (snapToFrames), or `parent` where that is given: a note put under a full frame.
 */
function createIn(env: ToolEnv, type: CreatedType, box: Box, parent?: string): string {
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
  if (parent) init.parent = parent;
  // While silent writing runs my new notes are private: they go to my own document.
  const { privateDoc, writesPrivately } = env.model;
  const target = type === 'note' && writesPrivately && privateDoc ? privateDoc : env.model.doc;
  env.undo.beginGesture();
  const id = createItem(env.model, init, target);
  snapToFrames(env.model, type === 'frame' ? itemsCentredIn(env, box) : parent ? [] : [id]);
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
function itemsCentredIn(env: ToolEnv, box: Box): string[] {
  const inside = env.model
    .all()
    .filter((l) => l.item.type !== 'frame' && l.item.type !== 'connector')
    .filter((l) => {
      const rect = boxOf(l.item);
      return rect !== null && contains(box, centre(rect));
    })
    .map((l) => l.item.id);
  return editableIds(env, inside);
}

function centredBox(type: CreatedType, at: Point): Box {
  const { w, h } = SIZES[type];
  return { x: at.x - w / 2, y: at.y - h / 2, w, h };
}

/**
 * Adds an item centred on `at` (a click of a tool, a double-click), selects it and starts
 * editing. Pressed inside a frame (a lane of the customer journey) it stays inside that frame
 * and off its title, moving as little as it must.
 */
export function createAt(env: ToolEnv, type: CreatedType, at: Point): string {
  const box = centredBox(type, at);
  const frame = type === 'frame' ? null : frameRoomAt(env, at, box);
  return createIn(env, type, frame ? keepInFrame(box, frame) : box);
}

/**
 * The keyboard's way to add an item: beside the selected items (to their right, on the first
 * free spot, inside the frame they are in), or in the middle of the view when nothing is
 * selected (the nearest free spot there, inside the frame the middle is in). Every frame's
 * title counts as taken: a note put right of a loose one never lands on the next frame's title.
 */
export function createByKeyboard(env: ToolEnv, type: CreatedType): string {
  const id = placeByKeyboard(env, type);
  const made = env.model.read(id);
  const box = made ? boxOf(made) : null;
  if (box) bringIntoView(env, box);
  return id;
}

/**
 * Pans the view, the zoom kept, for `box` to be in sight clear of the controls floating over the
 * canvas: a keyboard's new note under a full frame was being written below the screen's edge.
 */
function bringIntoView(env: ToolEnv, box: Box): void {
  const target = env.viewport.showing(box);
  const middle = env.viewport.centre();
  if (target.x !== middle.x || target.y !== middle.y) env.viewport.animateTo(target);
}

/** createByKeyboard's choice of spot; returns the new item's id. */
function placeByKeyboard(env: ToolEnv, type: CreatedType): string {
  const selected = [...env.state.selection]
    .map((id) => env.model.read(id))
    .map((item) => (item ? boxOf(item) : null))
    .filter((r) => r !== null);
  const beside = boundsOf(selected);
  const all = env.model.all();
  const others = [
    ...all
      .filter((l) => l.item.type !== 'frame' && l.item.type !== 'connector')
      .map((l) => boxOf(l.item)),
    ...all.filter((l) => l.item.type === 'frame').map((l) => titleBox(env, l.item.id, l.item)),
  ].filter((r) => r !== null);
  if (!beside) {
    const middle = env.viewport.centre();
    const box = centredBox(type, middle);
    // A full frame, or none: the nearest free spot anywhere, then kept in its frame as a click.
    const frame = type === 'frame' ? null : frameRoomAt(env, middle, box);
    const inFrame = frame && nearestFree(box, others, frame);
    if (inFrame) return createIn(env, type, inFrame);
    const under = frame && type === 'note' ? noteForFullFrame(env, frame.id, others) : null;
    if (frame && under) return createIn(env, type, under, frame.id);
    const spot = nearestFree(box, others);
    return createAt(env, type, spot ? centre(spot) : middle);
  }
  const box = { x: beside.x + beside.w + GAP, y: beside.y, ...SIZES[type] };
  // A full frame keeps it too, piled on the selection; in no frame it goes right of it anyway.
  const frame = frameRoomAt(env, centre(beside), box);
  const free = frame && besideInFrame(box, frame, others);
  if (free) return createIn(env, type, free);
  // A full frame: a note goes where the outline would add it, if that covers nothing.
  const under = frame && type === 'note' ? noteForFullFrame(env, frame.id, others) : null;
  if (frame && under) return createIn(env, type, under, frame.id);
  const piled = frame && pileOn(beside, box, frame, others);
  return createIn(env, type, piled ?? rightOf(box, others));
}

/**
 * A new note's spot for a full frame, by the rule the outline and a phone add notes with
 * (shared/note-placement.ts): under a frame that is not a journey lane, in its rows carried on
 * below, where nothing covers it and no other frame is, the frame still its parent. Null where
 * that spot would cover anything, a title as drawn included (a lane piles its notes): the
 * keyboard then piles on the selection, in its stage. Piled on a full frame's corner, the
 * note the keyboard added to a fresh service-concept board lay over the card's name and first
 * fields (QA).
 */
function noteForFullFrame(env: ToolEnv, frameId: string, taken: readonly Box[]): Box | null {
  const items = env.model.all().map((located) => located.item);
  const frame = items.find((item) => item.id === frameId);
  if (!frame) return null;
  const spot = placeNewNote(items, frame);
  const box = { x: spot.x, y: spot.y, ...SIZES.note };
  return taken.some((other) => intersects(other, box)) ? null : box;
}

/** The frame at `at` that can hold `box`: the one snapToFrames will make the item's parent. */
function frameRoomAt(env: ToolEnv, at: Point, box: Box): (FrameRoom & { id: string }) | null {
  const frame = frameAt(framesTopFirst(env.model.all()), at, (f) => canHold(f.rect, box));
  if (!frame) return null;
  const item = env.model.read(frame.id);
  const lines = item?.type === 'frame' ? (item.columns ?? []).map((x) => frame.rect.x + x) : [];
  return { id: frame.id, rect: frame.rect, title: titleBox(env, frame.id, frame.rect), lines };
}

/**
 * Where a frame's title is drawn, in board units. Measured on the page: the title keeps a
 * readable screen size when zoomed out (canvas.css), so its board size depends on the zoom.
 */
function titleBox(env: ToolEnv, frameId: string, frame: Box): Box | null {
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
  const boxTo = (point: Point): Box => {
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
    narrowed() {
      // Nothing is written until the release, and a frame is shared: it will not be made.
      env.drafts.set({ frame: null });
      return false;
    },
  };
}
