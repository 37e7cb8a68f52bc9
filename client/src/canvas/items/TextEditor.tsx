/** A textarea bound live to one Y.Text (collab-text.ts says how the two stay in step). */
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { textSplice } from '../../../../shared/text-splice.ts';
import { applyChange, mapOffset } from './collab-text.ts';

export interface TextEditorProps {
  text: Y.Text;
  origin: object;
  label: string;
  className?: string;
  /** `keyboard`: Escape, focus goes back to the item; `blur`: focus went elsewhere already. */
  onDone: (how: 'keyboard' | 'blur') => void;
  /** Tab (`back` with Shift): where a concept card moves between fields; without it, Tab leaves. */
  onTab?: (back: boolean) => void;
}

export function TextEditor({ text, origin, label, className, onDone, onTab }: TextEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const shown = useRef('');

  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    shown.current = text.toString();
    area.value = shown.current;
    area.focus({ preventScroll: true });
    area.setSelectionRange(area.value.length, area.value.length);
    const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === origin) return;
      const start = mapOffset(event.delta, area.selectionStart);
      const end = mapOffset(event.delta, area.selectionEnd);
      shown.current = text.toString();
      area.value = shown.current;
      if (document.activeElement === area) area.setSelectionRange(start, end);
    };
    text.observe(onRemote);
    return () => text.unobserve(onRemote);
  }, [text, origin]);

  const onInput = () => {
    const area = ref.current;
    if (!area) return;
    const change = textSplice(shown.current, area.value);
    shown.current = area.value;
    if (!change) return;
    const doc = text.doc;
    if (doc) doc.transact(() => applyChange(text, change), origin);
    else applyChange(text, change);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Keys typed into the text are the text's: the canvas shortcuts must not see them.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone('keyboard');
    } else if (event.key === 'Tab' && onTab) {
      event.preventDefault();
      onTab(event.shiftKey);
    }
  };

  return (
    <textarea
      ref={ref}
      className={className ?? 'im-editor'}
      aria-label={label}
      onInput={onInput}
      onKeyDown={onKeyDown}
      onBlur={() => onDone('blur')}
      onPointerDown={(event) => event.stopPropagation()}
      spellCheck
    />
  );
}
