/**
 * A frame's (or concept card's) title: a plain string in the schema, so the last writer wins;
 * edits are written as they are typed, so everyone sees the title change live.
 */
import { type CSSProperties, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ItemMap } from '../../../../shared/board-document.ts';
import { useCanvas } from '../canvas-context.ts';
import type { Box } from '../model/geometry.ts';
import { blurWithinPage } from './TextEditor.tsx';
import { selectsWholeTitle } from './title-caret.ts';

export interface FrameTitleProps {
  map: ItemMap;
  title: string;
  editing: boolean;
  onDone: (how: 'keyboard' | 'blur') => void;
  /** Tab (`back` with Shift): where a concept card moves on to its fields; without it, Tab leaves. */
  onTab?: (back: boolean) => void;
  className?: string;
  /** What the title is, said by its editor's name and placeholder ("Edit title" without). */
  label?: string;
  /**
   * The width the title may take (board units): a customer-journey lane's title stays in the
   * lane's first column, left of its first stage line, and wraps there instead of running on
   * across the stages.
   */
  width?: number;
  /**
   * A frame's box and id. Frames are drawn below every other item, so a frame drawn over notes
   * would open its title editor under them: while its title is written it is lifted, at the
   * frame's place, into the editing layer above the items (ItemsLayer.tsx, canvas.css). Out of
   * the frame's element, it names the frame itself (`label`, as the frame's), so a screen reader
   * still says whose title this is.
   */
  frame?: { id: string; box: Box; label: string };
}

export function FrameTitle({
  map,
  title,
  editing,
  onDone,
  onTab,
  className,
  label,
  width,
  frame,
}: FrameTitleProps) {
  const { t, model } = useCanvas();
  const input = useRef<HTMLInputElement>(null);
  const anchor = useRef<HTMLSpanElement>(null);
  const [layer, setLayer] = useState<Element | null>(null);
  const lifted = editing && frame !== undefined;
  useLayoutEffect(() => {
    if (!lifted) return;
    setLayer(anchor.current?.closest('.im-world')?.querySelector('.im-layer-editing') ?? null);
  }, [lifted]);
  const placed = !lifted || layer !== null;
  useEffect(() => {
    const field = input.current;
    if (!editing || !placed || !field) return;
    field.focus({ preventScroll: true });
    // A title as made is there to be typed over; a name someone gave is not (title-caret.ts).
    if (selectsWholeTitle(field.value)) field.select();
    else field.setSelectionRange(field.value.length, field.value.length);
  }, [editing, placed]);
  const inColumn = width ? ' is-in-column' : '';
  if (!editing) {
    return (
      <div
        className={`${className ?? 'im-frame-title'}${inColumn}`}
        style={
          width
            ? ({ maxWidth: width, '--im-title-room': `${width}px` } as CSSProperties)
            : undefined
        }
        data-item-text=""
        data-handle="title"
        dir="auto"
      >
        {title || t.canvas.untitled}
      </div>
    );
  }
  const editor = (
    <input
      ref={input}
      className={`${className ?? 'im-frame-title'} im-title-input${inColumn}`}
      // Written, a lane's title keeps to the same column (one line, scrolling within it).
      style={width ? ({ '--im-title-room': `${width}px` } as CSSProperties) : undefined}
      aria-label={label ?? t.canvas.editTitle}
      placeholder={label}
      dir="auto"
      defaultValue={title}
      onPointerDown={(event) => event.stopPropagation()}
      onInput={(event) => {
        const value = event.currentTarget.value;
        const doc = map.doc;
        if (doc) model.edit(doc, () => map.set('title', value));
      }}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape' || event.key === 'Enter') {
          event.preventDefault();
          onDone('keyboard');
        } else if (event.key === 'Tab' && onTab) {
          event.preventDefault();
          onTab(event.shiftKey);
        } else if (event.key === 'Tab' && frame) {
          // Lifted out of its frame, the editor has no place in the Tab order: back on the
          // frame first, so Tab goes on from the frame as it would from the title in it.
          onDone('keyboard');
        }
      }}
      onBlur={() => {
        if (blurWithinPage()) onDone('blur');
      }}
    />
  );
  if (!frame) return editor;
  const { box } = frame;
  return (
    <>
      <span ref={anchor} hidden />
      {layer
        ? createPortal(
            // biome-ignore lint/a11y/useSemanticElements: as the frame's own element (ItemShell)
            <div
              className="im-frame-title-host"
              data-title-of={frame.id}
              role="group"
              aria-roledescription={t.canvas.itemType.frame}
              aria-label={frame.label}
              style={{ left: box.x, top: box.y, width: box.w, height: box.h }}
            >
              {editor}
            </div>,
            layer,
          )
        : null}
    </>
  );
}
