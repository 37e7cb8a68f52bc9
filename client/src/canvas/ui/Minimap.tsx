/**
 * The overview: every item as a small box and my view as a frame. Drawn on a <canvas>: it is
 * a picture of the board's layout (the items' text lives in the DOM), and two thousand boxes
 * cost one draw call each there, once per change of the items or of the picture's scale; a
 * pan copies that picture and draws the frame on it. Click or drag in it to move the view.
 */
import { type PointerEvent, useEffect, useRef } from 'react';
import { onDocChange } from '../../sync/doc-changes.ts';
import { useCanvas } from '../canvas-context.ts';
import { safeFill } from '../items/colors.ts';
import { type Box, boundsOf, boxOf } from '../model/geometry.ts';

const W = 200;
const H = 130;

export function Minimap() {
  const { t, model, viewport } = useCanvas();
  const canvas = useRef<HTMLCanvasElement>(null);
  const mapping = useRef<{ world: Box; scale: number; ox: number; oy: number } | null>(null);

  useEffect(() => {
    let frame = 0;
    let items: { rect: Box; fill: string; frame: boolean }[] = [];
    let itemsBounds: Box | null = null;
    let itemsDirty = true;
    // The items' boxes, drawn once per change of the items or of the mapping: a pan over them
    // copies this picture and draws the view's frame on it.
    const picture = document.createElement('canvas');
    picture.width = W;
    picture.height = H;
    const boxes = picture.getContext('2d');
    let pictureAt = '';
    const draw = () => {
      frame = 0;
      const ctx = canvas.current?.getContext('2d');
      if (!ctx) return;
      if (itemsDirty) {
        itemsDirty = false;
        items = [];
        for (const { item } of model.all()) {
          const rect = boxOf(item);
          if (!rect) continue;
          items.push({
            rect,
            fill:
              item.type === 'stroke'
                ? '#57606a'
                : item.type === 'concept'
                  ? '#ffffff'
                  : safeFill(item.color, '#fff3a3'),
            frame: item.type === 'frame' || item.type === 'concept',
          });
        }
        itemsBounds = boundsOf(items.map((i) => i.rect));
        pictureAt = '';
      }
      const visible = viewport.visible();
      const world = (itemsBounds && boundsOf([itemsBounds, visible])) ?? visible;
      const scale = Math.min(W / world.w, H / world.h);
      const ox = (W - world.w * scale) / 2 - world.x * scale;
      const oy = (H - world.h * scale) / 2 - world.y * scale;
      mapping.current = { world, scale, ox, oy };
      const at = `${scale} ${ox} ${oy}`;
      if (boxes && at !== pictureAt) {
        pictureAt = at;
        boxes.clearRect(0, 0, W, H);
        boxes.strokeStyle = '#8c959f';
        for (const i of items) {
          boxes.fillStyle = i.fill;
          const x = i.rect.x * scale + ox;
          const y = i.rect.y * scale + oy;
          const w = Math.max(1, i.rect.w * scale);
          const h = Math.max(1, i.rect.h * scale);
          boxes.fillRect(x, y, w, h);
          if (i.frame) boxes.strokeRect(x, y, w, h);
        }
      }
      ctx.clearRect(0, 0, W, H);
      ctx.drawImage(picture, 0, 0);
      ctx.strokeStyle = '#1f6feb';
      ctx.lineWidth = 2;
      ctx.strokeRect(
        visible.x * scale + ox,
        visible.y * scale + oy,
        visible.w * scale,
        visible.h * scale,
      );
      ctx.lineWidth = 1;
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    // Item boxes are re-read at most every 300 ms: a drag must not rebuild the overview per frame.
    let throttle: ReturnType<typeof setTimeout> | null = null;
    const onDoc = () => {
      if (throttle) return;
      throttle = setTimeout(() => {
        throttle = null;
        itemsDirty = true;
        schedule();
      }, 300);
    };
    const stopWatchingDocs = model.docs().map((doc) => onDocChange(doc, onDoc));
    const off = viewport.subscribe(schedule);
    schedule();
    return () => {
      off();
      for (const stop of stopWatchingDocs) stop();
      if (frame) cancelAnimationFrame(frame);
      if (throttle) clearTimeout(throttle);
    };
  }, [model, viewport]);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const m = mapping.current;
    if (!m) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - box.left - m.ox) / m.scale;
    const y = (event.clientY - box.top - m.oy) / m.scale;
    viewport.centreOn({ x, y }, viewport.zoom);
  };

  return (
    <div className="im-ui im-minimap">
      <canvas
        ref={canvas}
        width={W}
        height={H}
        role="img"
        aria-label={t.canvas.minimap}
        title={t.canvas.minimap}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons) moveTo(event);
        }}
      />
    </div>
  );
}
