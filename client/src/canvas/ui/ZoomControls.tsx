/** Zoom out, the zoom level (click: back to 100 %), zoom in, zoom to fit. */
import { useEffect, useState } from 'react';
import { useCanvas } from '../canvas-context.ts';

export interface ZoomControlsProps {
  onFit: () => void;
  onZoom: (factor: number) => void;
  onReset: () => void;
  minimapOpen: boolean;
  onToggleMinimap: () => void;
}

export function ZoomControls({
  onFit,
  onZoom,
  onReset,
  minimapOpen,
  onToggleMinimap,
}: ZoomControlsProps) {
  const { t, viewport } = useCanvas();
  const [percent, setPercent] = useState(() => Math.round(viewport.zoom * 100));
  useEffect(
    () => viewport.subscribe(() => setPercent(Math.round(viewport.zoom * 100))),
    [viewport],
  );
  return (
    <div className="im-ui im-zoom" role="toolbar" aria-label={t.canvas.zoomLevel(percent)}>
      <button
        type="button"
        aria-label={t.canvas.zoomOut}
        title={t.canvas.zoomOut}
        onClick={() => onZoom(0.8)}
      >
        −
      </button>
      <button
        type="button"
        className="im-zoom-percent"
        data-zoom-percent={percent}
        aria-label={t.canvas.zoomLevel(percent)}
        onClick={onReset}
      >
        {t.canvas.zoomPercent(percent)}
      </button>
      <button
        type="button"
        aria-label={t.canvas.zoomIn}
        title={t.canvas.zoomIn}
        onClick={() => onZoom(1.25)}
      >
        +
      </button>
      <button
        type="button"
        data-action="zoom-to-fit"
        aria-label={t.canvas.zoomToFit}
        title={t.canvas.withShortcut(t.canvas.zoomToFit, 'Shift+1')}
        onClick={onFit}
      >
        ⤢
      </button>
      <button
        type="button"
        data-action="minimap"
        aria-label={t.canvas.overview}
        aria-pressed={minimapOpen}
        title={t.canvas.overview}
        onClick={onToggleMinimap}
      >
        ▣
      </button>
    </div>
  );
}
