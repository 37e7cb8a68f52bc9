/**
 * The items of both documents, in three layers: frames at the bottom, connectors above them,
 * everything else on top, each in drawing order (shared/drawing-order.ts): `z` as each item's
 * z-index, older before newer where `z` ties. This list re-renders only when items are added
 * or removed; a moved or edited item re-renders itself, a restacked one its z-index.
 */
import { memo, useEffect, useReducer } from 'react';
import type * as Y from 'yjs';
import {
  forEachItemMap,
  type ItemMap,
  type ItemType,
  itemsOf,
} from '../../../../shared/board-document.ts';
import { byDrawingOrder, zOf } from '../../../../shared/drawing-order.ts';
import { ConnectorView } from './ConnectorView.tsx';
import { ItemView } from './ItemView.tsx';

function useItemIds(doc: Y.Doc | null): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!doc) return;
    const items = itemsOf(doc);
    const onChange = (event: Y.YMapEvent<ItemMap>) => {
      // Only membership matters here: a key whose value was replaced re-mounts its item.
      if (event.changes.keys.size > 0) bump();
    };
    items.observe(onChange);
    bump();
    return () => items.unobserve(onChange);
  }, [doc]);
  return version;
}

interface Entry {
  id: string;
  map: ItemMap;
  isPrivate: boolean;
  type: ItemType;
  createdAt: number;
  z: number;
}

function entries(doc: Y.Doc | null, isPrivate: boolean): Entry[] {
  if (!doc) return [];
  const out: Entry[] = [];
  forEachItemMap(doc, (map, id) => {
    const type = map.get('type') as ItemType;
    const createdAt = map.get('createdAt');
    out.push({
      id,
      map,
      isPrivate,
      type,
      createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
      z: zOf(map),
    });
  });
  return out;
}

/** Memoized: a page re-render (presence, banners) must not walk two thousand items. */
export const ItemsLayers = memo(function ItemsLayers({
  doc,
  privateDoc,
}: {
  doc: Y.Doc;
  privateDoc: Y.Doc | null;
}) {
  const shared = useItemIds(doc);
  const mine = useItemIds(privateDoc);
  const listVersion = shared * 100_000 + mine;
  const shown = entries(doc, false);
  // A note revealed with my name keeps its id: the board has it before the reveal's removal from
  // my private document arrives, and both copies drawn under one key left a stale second copy
  // on my page for good (QA), the editor I was typing in closed. The board's copy is the note.
  const onBoard = privateDoc ? itemsOf(doc) : null;
  for (const entry of entries(privateDoc, true)) if (!onBoard?.has(entry.id)) shown.push(entry);
  const all = shown.sort(byDrawingOrder);
  const frames: Entry[] = [];
  const connectors: Entry[] = [];
  const others: Entry[] = [];
  for (const entry of all) {
    if (entry.type === 'frame') frames.push(entry);
    else if (entry.type === 'connector') connectors.push(entry);
    else others.push(entry);
  }
  return (
    <>
      <div className="im-layer im-layer-frames">
        {frames.map((e) => (
          <ItemView key={e.id} id={e.id} map={e.map} isPrivate={e.isPrivate} />
        ))}
      </div>
      <svg className="im-layer im-layer-connectors" width="1" height="1" aria-hidden="true">
        <defs>
          <marker
            id="im-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#57606a" />
          </marker>
        </defs>
        {connectors.map((e) => (
          <ConnectorView key={e.id} id={e.id} map={e.map} listVersion={listVersion} />
        ))}
      </svg>
      <div className="im-layer im-layer-items">
        {others.map((e) => (
          <ItemView key={e.id} id={e.id} map={e.map} isPrivate={e.isPrivate} />
        ))}
      </div>
      {/* A frame title being written, above the items (FrameTitle.tsx). */}
      <div className="im-layer im-layer-editing" />
    </>
  );
});
