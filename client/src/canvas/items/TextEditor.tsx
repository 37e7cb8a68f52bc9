/**
 * A textarea bound live to one Y.Text (collab-text.ts says how the two stay in step). While an
 * input method composes (Japanese, Chinese, Korean), nothing is written and others' changes wait:
 * the half-typed reading is not text yet, and setting the field's value would end the
 * composition with it half done (QA). On its end the composed text is written, moved past what
 * the others changed meanwhile, and the field shows both.
 */
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { textSplice } from '../../../../shared/text-splice.ts';
import { applyChange, type DeltaOp, mapOffset } from './collab-text.ts';

/**
 * Whether a blur is the person's, within the page: the window losing the focus (another tab,
 * another program to copy a sentence from) blurs the editor too, and coming back the browser
 * gives the focus back to it, to go on typing (QA: editing had ended, and the paste made a new
 * note).
 */
export function blurWithinPage(): boolean {
  return document.hasFocus();
}

export interface TextEditorProps {
  text: Y.Text;
  origin: object;
  label: string;
  className?: string;
  /** `keyboard`: Escape, focus goes back to the item; `blur`: focus went elsewhere already. */
  onDone: (how: 'keyboard' | 'blur') => void;
  /** Tab (`back` with Shift): where a concept card moves between fields; without it, Tab leaves. */
  onTab?: (back: boolean) => void;
  /**
   * The editor leaves the page while it still has the focus, so not by Escape nor by a click
   * elsewhere: whatever drew it went (a note revealed without my name leaves my private
   * document for an id of the reveal's, QA).
   */
  onTaken?: () => void;
}

export function TextEditor({
  text,
  origin,
  label,
  className,
  onDone,
  onTab,
  onTaken,
}: TextEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const taken = useRef(onTaken);
  taken.current = onTaken;
  // A layout effect's cleanup runs before React takes the field off the page: it still has the
  // focus there only if nobody ended the editing first.
  useLayoutEffect(() => {
    const area = ref.current;
    return () => {
      if (area !== null && document.activeElement === area) taken.current?.();
    };
  }, []);
  const shown = useRef('');
  const composing = useRef(false);
  /** Others' changes that arrived while composing, oldest first. */
  const missed = useRef<DeltaOp[][]>([]);

  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    shown.current = text.toString();
    area.value = shown.current;
    area.focus({ preventScroll: true });
    area.setSelectionRange(area.value.length, area.value.length);
    const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === origin) return;
      if (composing.current) {
        missed.current.push(event.delta as DeltaOp[]);
        return;
      }
      const start = mapOffset(event.delta, area.selectionStart);
      const end = mapOffset(event.delta, area.selectionEnd);
      shown.current = text.toString();
      area.value = shown.current;
      if (document.activeElement === area) area.setSelectionRange(start, end);
    };
    text.observe(onRemote);
    return () => text.unobserve(onRemote);
  }, [text, origin]);

  /** Writes what was typed since the last write, past others' changes that waited meanwhile. */
  const write = () => {
    const area = ref.current;
    if (!area) return;
    const change = textSplice(shown.current, area.value);
    shown.current = area.value;
    const meanwhile = missed.current;
    missed.current = [];
    let caret = area.selectionEnd;
    if (change) {
      let from = change.index;
      let to = change.index + change.remove;
      for (const delta of meanwhile) {
        from = mapOffset(delta, from);
        to = mapOffset(delta, to);
      }
      const moved = { index: from, remove: Math.max(0, to - from), insert: change.insert };
      const doc = text.doc;
      if (doc) doc.transact(() => applyChange(text, moved), origin);
      else applyChange(text, moved);
      caret = from + change.insert.length;
    } else {
      for (const delta of meanwhile) caret = mapOffset(delta, caret);
    }
    if (meanwhile.length === 0) return;
    shown.current = text.toString();
    area.value = shown.current;
    area.setSelectionRange(caret, caret);
  };

  const onInput = () => {
    if (!composing.current) write();
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
      dir="auto"
      onInput={onInput}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
        write();
      }}
      onKeyDown={onKeyDown}
      onBlur={() => {
        if (blurWithinPage()) onDone('blur');
      }}
      onPointerDown={(event) => event.stopPropagation()}
      spellCheck
    />
  );
}
