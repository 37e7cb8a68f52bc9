/** One item of the board, memoized and subscribed to its own Y.Map: a change re-renders it alone. */
import { memo, useLayoutEffect } from 'react';
import { conceptName, type ItemMap } from '../../../../shared/board-document.ts';
import { zOf } from '../../../../shared/drawing-order.ts';
import { useCanvas } from '../canvas-context.ts';
import { textOf } from '../model/board-model.ts';
import { useItemStatus } from '../model/canvas-state.ts';
import { useGrowth } from '../model/drag-preview.ts';
import { makeTextEditable } from '../model/edit-actions.ts';
import { ConceptBody } from './ConceptBody.tsx';
import { inkOn, safeFill } from './colors.ts';
import { FrameTitle } from './FrameTitle.tsx';
import { widenToFit } from './fit-text.ts';
import { ItemShell } from './ItemShell.tsx';
import { StrokeView } from './StrokeView.tsx';
import { TextEditor } from './TextEditor.tsx';
import { useItem } from './use-item.ts';

/**
 * Whether the text might not fit its box (a generous estimate from average glyph size): only
 * those items clip, because each clip costs a paint chunk on every panned frame.
 */
function mayOverflow(item: { text: string; w: number; h: number }, fontSize: number): boolean {
  const perLine = Math.max(1, (item.w - 28) / (fontSize * 0.5));
  const lines = Math.max(1, (item.h - 28) / (fontSize * 1.3));
  let needed = 0;
  for (const line of item.text.split('\n'))
    needed += Math.max(1, Math.ceil(halfEms(line) / perLine));
  return needed > lines * 0.8;
}

/**
 * East Asian wide characters (CJK, kana, hangul, fullwidth forms) in the Basic Multilingual
 * Plane: each is a whole em, where the estimate counts half (QA: a Japanese note ran out of its
 * box unclipped). Emoji and rarer ideographs are two UTF-16 units already.
 */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** A line's width in half ems, as the estimate counts. */
function halfEms(line: string): number {
  return line.length + (line.match(WIDE)?.length ?? 0);
}

/** Whole lines of note text (18 px, line height 1.3) inside a note `h` tall (14 px padding). */
function linesIn(h: number): number {
  return Math.max(1, Math.floor((h - 28) / (18 * 1.3)));
}

export interface ItemViewProps {
  id: string;
  map: ItemMap;
  isPrivate: boolean;
}

export const ItemView = memo(function ItemView({ id, map, isPrivate }: ItemViewProps) {
  const { t, state, model, preview, typing, surface } = useCanvas();
  const item = useItem(id, map);
  const { selected, editing } = useItemStatus(state, id);
  // Between a resize's writes the text is laid out for the size drawn, not the one written.
  const growth = useGrowth(preview, id, selected);
  // Text a foreign client wrote as a plain string becomes live text as its editing starts.
  const said = item?.type === 'note' || item?.type === 'text' ? item.text : null;
  useLayoutEffect(() => {
    if (editing === 'text' && said !== null) makeTextEditable(model, map, null, said);
  }, [editing, model, map, said]);
  if (!item || item.type === 'connector') return null;
  const z = zOf(map);
  const typeName = t.canvas.itemType[item.type];
  const stop = (how: 'keyboard' | 'blur') => {
    if (state.editing?.id === id) state.stopEditing();
    // After Escape the keyboard stays on the item, ready for the next arrow or Enter.
    if (how === 'keyboard') {
      document
        .querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`)
        ?.focus({ preventScroll: true });
    }
  };

  switch (item.type) {
    case 'stroke':
      return <StrokeView item={item} z={z} selected={selected} label={typeName} />;
    case 'note':
    case 'text': {
      const fill = item.type === 'note' ? safeFill(item.color, '#fff3a3') : 'transparent';
      const text = textOf(map);
      const drawn = { text: item.text, w: item.w + growth.w, h: item.h + growth.h };
      const fontSize =
        item.type === 'text' ? Math.max(14, Math.min(44, drawn.h * 0.42)) : undefined;
      const clipped = mayOverflow(drawn, fontSize ?? 18);
      return (
        <ItemShell
          item={item}
          z={z}
          label={t.canvas.itemLabel(typeName, item.text)}
          selected={selected}
          isPrivate={isPrivate}
          className={`im-${item.type}${clipped ? ' is-clipped' : ''}`}
          style={{
            background: fill,
            color: item.type === 'note' ? inkOn(fill) : undefined,
            // Headings stay legible (about 12 screen pixels) when the board is zoomed out.
            fontSize: fontSize ? `max(${fontSize}px, calc(12px * var(--inv-zoom, 1)))` : undefined,
            // A clipped note shows the lines that fit whole, the last ending in "…" (canvas.css).
            ...(clipped && item.type === 'note' ? { '--im-lines': linesIn(drawn.h) } : {}),
          }}
        >
          <div
            className="im-text"
            data-item-text=""
            dir="auto"
            style={editing ? { visibility: 'hidden' } : undefined}
          >
            {item.text}
          </div>
          {editing && text ? (
            <TextEditor
              text={text}
              origin={model.origin}
              label={t.canvas.editText}
              onDone={(how) => {
                // In the same undo step as the typing (it ends with the editing).
                if (fontSize) widenToFit(model, id, text.toString(), fontSize);
                stop(how);
              }}
              onTaken={() => {
                if (state.editing?.id !== id) return;
                // The rest of what I type is the sentence's, not shortcuts (typing-guard.ts).
                typing.editorTaken(id, surface.current);
                state.stopEditing();
              }}
            />
          ) : null}
        </ItemShell>
      );
    }
    case 'frame': {
      const label = t.canvas.itemLabel(typeName, item.title);
      return (
        <ItemShell
          item={item}
          z={z}
          label={label}
          selected={selected}
          isPrivate={isPrivate}
          className="im-frame"
          style={{ background: safeFill(item.color, '#f8f9fa') }}
        >
          {/* Offsets are from the frame's outer edge; children are placed inside its border. */}
          {item.columns?.map((x) => (
            <div key={x} className="im-frame-column" style={{ left: x - 2 }} aria-hidden="true" />
          ))}
          <FrameTitle
            map={map}
            title={item.title}
            editing={editing === 'title'}
            onDone={stop}
            width={item.columns?.[0]}
            frame={{ id, box: item, label }}
          />
        </ItemShell>
      );
    }
    case 'concept':
      return (
        <ItemShell
          item={item}
          z={z}
          label={t.canvas.itemLabel(typeName, conceptName(item))}
          selected={selected}
          isPrivate={isPrivate}
          className="im-concept"
        >
          <ConceptBody item={item} map={map} editing={editing} onDone={stop} />
        </ItemShell>
      );
  }
});
