/**
 * A frame's (or concept card's) title: a plain string in the schema, so the last writer wins;
 * edits are written as they are typed, so everyone sees the title change live.
 */
import { useEffect, useRef } from 'react';
import type { ItemMap } from '../../../../shared/board-document.ts';
import { useCanvas } from '../canvas-context.ts';

export interface FrameTitleProps {
  map: ItemMap;
  title: string;
  editing: boolean;
  onDone: (how: 'keyboard' | 'blur') => void;
  /** Tab (`back` with Shift): where a concept card moves on to its fields; without it, Tab leaves. */
  onTab?: (back: boolean) => void;
  className?: string;
}

export function FrameTitle({ map, title, editing, onDone, onTab, className }: FrameTitleProps) {
  const { t, model } = useCanvas();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) {
      input.current?.focus({ preventScroll: true });
      input.current?.select();
    }
  }, [editing]);
  if (!editing) {
    return (
      <div className={className ?? 'im-frame-title'} data-item-text="" data-handle="title">
        {title || t.canvas.untitled}
      </div>
    );
  }
  return (
    <input
      ref={input}
      className={`${className ?? 'im-frame-title'} im-title-input`}
      aria-label={t.canvas.editTitle}
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
        }
      }}
      onBlur={() => onDone('blur')}
    />
  );
}
