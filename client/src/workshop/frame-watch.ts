/**
 * Where a board's frames lie and how they nest, watched once per board for every item's overlay
 * during a frame round. An item takes votes by its chain of frames and where the last of them
 * lies (round-rules.ts), so a frame moved, resized or dropped into another may change which
 * items take votes with nothing else changing. Each overlay asks the one watch whether it is a
 * target and re-renders only when that answer flips, instead of each of 2,000 items observing
 * the frames and re-rendering whenever one moves.
 */
import { useCallback, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import {
  type Item,
  type ItemMap,
  type ItemPlacement,
  itemsOf,
  readPlacement,
} from '../../../shared/board-document.ts';
import { isTarget, type RoundTargets } from './round-rules.ts';

type Listener = () => void;

/** Whether two reads of a frame hold items in the same way: place, size and parent. */
function samePlace(a: ItemPlacement | undefined, b: ItemPlacement | undefined): boolean {
  if (!a || !b) return a === b;
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h && a.parent === b.parent;
}

function readFrame(map: unknown): ItemPlacement | undefined {
  if (!(map instanceof Y.Map) || map.get('type') !== 'frame') return undefined;
  return readPlacement(map) ?? undefined;
}

export class FrameWatch {
  readonly #items: Y.Map<ItemMap>;
  readonly #listeners = new Set<Listener>();
  /** Every frame's place by id, while someone listens; read from the document otherwise. */
  #frames: Map<string, ItemPlacement> | null = null;

  constructor(doc: Y.Doc) {
    this.#items = itemsOf(doc);
  }

  /** A frame as last seen (the same object until it moves, resizes or changes parent). */
  readonly frameOf = (id: string): ItemPlacement | undefined =>
    this.#frames ? this.#frames.get(id) : readFrame(this.#items.get(id));

  /** Calls `listener` when a frame moves, resizes, changes parent, appears or goes. */
  subscribe(listener: Listener): () => void {
    if (this.#listeners.size === 0) this.#start();
    this.#listeners.add(listener);
    return () => {
      if (!this.#listeners.delete(listener) || this.#listeners.size > 0) return;
      this.#items.unobserveDeep(this.#onChange);
      this.#frames = null;
    };
  }

  #start(): void {
    const frames = new Map<string, ItemPlacement>();
    this.#items.forEach((map, id) => {
      const frame = readFrame(map);
      if (frame) frames.set(id, frame);
    });
    this.#frames = frames;
    this.#items.observeDeep(this.#onChange);
  }

  readonly #onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    let changed = false;
    for (const event of events) {
      if (event.target === this.#items) {
        // Items added, deleted or written anew under their id.
        for (const id of event.keys.keys()) changed = this.#reread(id) || changed;
      } else if (event.target instanceof Y.Map && event.target.parent === this.#items) {
        // A field of an item: of a frame, or of an item written as a frame meanwhile.
        const id = event.path[0];
        if (typeof id === 'string') changed = this.#reread(id) || changed;
      }
    }
    if (changed) for (const listener of this.#listeners) listener();
  };

  /** Reads one item's place anew; whether a frame changed. */
  #reread(id: string): boolean {
    const frames = this.#frames!;
    const before = frames.get(id);
    const now = readFrame(this.#items.get(id));
    if (samePlace(before, now)) return false;
    if (now) frames.set(id, now);
    else frames.delete(id);
    return true;
  }
}

const watches = new WeakMap<Y.Doc, FrameWatch>();

export function frameWatchFor(doc: Y.Doc): FrameWatch {
  let watch = watches.get(doc);
  if (!watch) {
    watch = new FrameWatch(doc);
    watches.set(doc, watch);
  }
  return watch;
}

const unwatched = () => () => {};

/**
 * Whether `item` takes votes in `round` (null: no round open). It is read anew whenever its
 * caller renders; the frames are watched here, and a change of them re-renders the caller only
 * when the answer changes.
 */
export function useIsTarget(doc: Y.Doc, item: Item | null, round: RoundTargets | null): boolean {
  const watch = frameWatchFor(doc);
  const framed = round?.frameId != null;
  const subscribe = useCallback(
    (listener: Listener) => (framed ? watch.subscribe(listener) : unwatched()),
    [watch, framed],
  );
  return useSyncExternalStore(
    subscribe,
    () => item !== null && round !== null && isTarget(item, round, watch.frameOf),
  );
}
