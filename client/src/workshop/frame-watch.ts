/**
 * Where a round's frame lies, watched once per board for every item's overlay. An item in no
 * frame is in a frame round by where its centre lies (round-rules.ts), so the frame moved or
 * resized may change which items take votes with nothing else changing. Each overlay asks the
 * one watch whether it is a target and re-renders only when that answer flips, instead of each
 * of 2,000 items observing the frame and re-rendering whenever it moves.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { type Item, type ItemMap, itemsOf, readItem } from '../../../shared/board-document.ts';
import { isTarget, type RoundTargets } from './round-rules.ts';

type Listener = () => void;

interface Watch {
  frame: Item | undefined;
  listeners: Set<Listener>;
  stop: () => void;
}

/** Whether two reads of a frame hold items inside in the same way: the same place and size. */
function sameBox(a: Item | undefined, b: Item | undefined): boolean {
  if (!a || !b) return a === b;
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

export class FrameWatch {
  readonly #items: Y.Map<ItemMap>;
  /** By frame id; a frame is observed while someone listens to it, by one observer. */
  readonly #watches = new Map<string, Watch>();

  constructor(doc: Y.Doc) {
    this.#items = itemsOf(doc);
  }

  /** The frame as last seen: the same object until it moves or resizes. */
  frame(frameId: string): Item | undefined {
    const watch = this.#watches.get(frameId);
    return watch ? watch.frame : this.#read(frameId);
  }

  /** Calls `listener` when the frame moves, resizes, appears or goes. */
  subscribe(frameId: string, listener: Listener): () => void {
    const watch = this.#watches.get(frameId) ?? this.#start(frameId);
    watch.listeners.add(listener);
    return () => {
      watch.listeners.delete(listener);
      if (watch.listeners.size > 0) return;
      watch.stop();
      this.#watches.delete(frameId);
    };
  }

  #read(frameId: string): Item | undefined {
    return readItem(frameId, this.#items.get(frameId)) ?? undefined;
  }

  #start(frameId: string): Watch {
    let map: ItemMap | undefined;
    const update = () => {
      const frame = this.#read(frameId);
      if (sameBox(frame, watch.frame)) return;
      watch.frame = frame;
      for (const listener of watch.listeners) listener();
    };
    // The frame's own fields; the frame deleted, or written anew under its id, is the items'.
    const attach = () => {
      map?.unobserve(update);
      map = this.#items.get(frameId);
      map?.observe(update);
    };
    const onItems = (event: Y.YMapEvent<ItemMap>) => {
      if (!event.keysChanged.has(frameId)) return;
      attach();
      update();
    };
    const watch: Watch = {
      frame: this.#read(frameId),
      listeners: new Set(),
      stop: () => {
        this.#items.unobserve(onItems);
        map?.unobserve(update);
      },
    };
    this.#items.observe(onItems);
    attach();
    this.#watches.set(frameId, watch);
    return watch;
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
 * caller renders; the frame is watched here, and a change of it re-renders the caller only
 * when the answer changes.
 */
export function useIsTarget(doc: Y.Doc, item: Item | null, round: RoundTargets | null): boolean {
  const watch = frameWatchFor(doc);
  const frameId = round?.frameId ?? null;
  const subscribe = useCallback(
    (listener: Listener) => (frameId === null ? unwatched() : watch.subscribe(frameId, listener)),
    [watch, frameId],
  );
  return useSyncExternalStore(
    subscribe,
    () =>
      item !== null &&
      round !== null &&
      isTarget(item, round, frameId === null ? undefined : watch.frame(frameId)),
  );
}
