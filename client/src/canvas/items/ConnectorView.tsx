/** A connector: an arrow between two items' edges, following both ends as they move. */
import { memo } from 'react';
import { type ItemMap, readItem } from '../../../../shared/board-document.ts';
import { useCanvas } from '../canvas-context.ts';
import { useItemStatus } from '../model/canvas-state.ts';
import { drawnBox, useDragOffset } from '../model/drag-preview.ts';
import { boxOf, connectorEnds } from '../model/geometry.ts';
import { useItem, useMapVersion } from './use-item.ts';

export interface ConnectorViewProps {
  id: string;
  map: ItemMap;
  /** Changes when items come and go, so a connector whose end arrived later finds it. */
  listVersion: number;
}

export const ConnectorView = memo(function ConnectorView({ id, map }: ConnectorViewProps) {
  const { model, state, preview, t } = useCanvas();
  const item = useItem(id, map);
  const { selected } = useItemStatus(state, id);
  const fromMap = item?.type === 'connector' ? model.mapOf(item.from) : undefined;
  const toMap = item?.type === 'connector' ? model.mapOf(item.to) : undefined;
  useMapVersion(fromMap);
  useMapVersion(toMap);
  // An end being dragged or resized is drawn as the gesture has it, ahead of the document.
  const fromOffset = useDragOffset(preview, item?.type === 'connector' ? item.from : undefined);
  const toOffset = useDragOffset(preview, item?.type === 'connector' ? item.to : undefined);
  if (item?.type !== 'connector' || !fromMap || !toMap) return null;
  const fromItem = readItem(item.from, fromMap);
  const toItem = readItem(item.to, toMap);
  const a = fromItem ? drawnBox(boxOf(fromItem), fromOffset) : null;
  const b = toItem ? drawnBox(boxOf(toItem), toOffset) : null;
  if (!a || !b) return null;
  const { start, end } = connectorEnds(a, b);
  const d = `M${start.x},${start.y} L${end.x},${end.y}`;
  return (
    <g
      className={`im-connector${selected ? ' is-selected' : ''}`}
      data-item-id={id}
      data-item-type="connector"
      aria-label={t.canvas.itemType.connector}
    >
      <path className="im-connector-hit" d={d} />
      <path className="im-connector-line" d={d} markerEnd="url(#im-arrow)" />
    </g>
  );
});
