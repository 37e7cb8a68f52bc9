/** Actions on the selection: colour, duplicate, stacking order, pin (facilitators), delete. */
import { useEffect, useReducer } from 'react';
import type * as Y from 'yjs';
import { isPinned, NOTE_COLORS } from '../../../../shared/board-document.ts';
import { useFocusSuccessor } from '../../app/focus-successor.ts';
import { onDocChange } from '../../sync/doc-changes.ts';
import { useCanvas } from '../canvas-context.ts';
import { type CanvasState, useCanvasState } from '../model/canvas-state.ts';
import { bringToFront, sendToBack, setColor, setPinned } from '../model/edit-actions.ts';
import { keepSelectionClearOfBar } from './selection-bar-clearance.ts';

const selectionOf = (state: CanvasState) => state.selection;

/**
 * Re-renders on every change of `doc` while `watching`: whether the selection is pinned, and so
 * mine to change, can change by anyone's hand (a facilitator pins what I have selected).
 */
function useDocChanges(doc: Y.Doc, watching: boolean): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => (watching ? onDocChange(doc, bump) : undefined), [doc, watching]);
}

export interface SelectionBarProps {
  onDuplicate: () => void;
  onDelete: () => void;
}

export function SelectionBar({ onDuplicate, onDelete }: SelectionBarProps) {
  const { t, state, model, undo, surface, viewport } = useCanvas();
  const selection = useCanvasState(state, selectionOf);
  // On a phone the bar spans the canvas's foot: what it would cover is lifted clear of it.
  useEffect(() => {
    const root = surface.current;
    return root ? keepSelectionClearOfBar(root, state, viewport) : undefined;
  }, [surface, state, viewport]);
  // The bar goes with the selection (Escape, or the selected items deleted elsewhere): the
  // keyboard stays on the board.
  const leaving = useFocusSuccessor<HTMLDivElement>(() => surface.current, {
    preventScroll: true,
  });
  useDocChanges(model.doc, selection.size > 0);
  // Only for what I may change: while silent writing runs, a participant's own private notes;
  // nothing pinned, unless I am a facilitator.
  if (selection.size === 0 || ![...selection].every((id) => model.mayEdit(id))) {
    return null;
  }
  const ids = () => [...state.selection];
  // Pinning is for the shared board's items; with everything pinned, the button unpins.
  const pinnable = model.pinsItems && [...selection].every((id) => !model.isPrivate(id));
  const allPinned = [...selection].every((id) => isPinned(model.mapOf(id)));
  const step = (action: () => void) => {
    undo.boundary();
    action();
    undo.boundary();
  };
  return (
    <div
      ref={leaving}
      className="im-ui im-selection-bar"
      role="toolbar"
      aria-label={t.canvas.selectionBar}
    >
      <fieldset className="im-swatches">
        <legend className="visually-hidden">{t.canvas.colour}</legend>
        {NOTE_COLORS.map((color, index) => (
          <button
            key={color}
            type="button"
            className="im-swatch"
            data-color={color}
            style={{ background: color }}
            aria-label={t.canvas.colourName(index)}
            title={t.canvas.colourName(index)}
            onClick={() => step(() => setColor(model, ids(), color))}
          />
        ))}
      </fieldset>
      <button
        type="button"
        onClick={onDuplicate}
        title={t.canvas.withShortcut(t.canvas.duplicate, 'Ctrl+D')}
      >
        {t.canvas.duplicate}
      </button>
      <button
        type="button"
        onClick={() => step(() => bringToFront(model, ids()))}
        title={t.canvas.withShortcut(t.canvas.bringForward, ']')}
      >
        {t.canvas.bringForward}
      </button>
      <button
        type="button"
        onClick={() => step(() => sendToBack(model, ids()))}
        title={t.canvas.withShortcut(t.canvas.sendBackward, '[')}
      >
        {t.canvas.sendBackward}
      </button>
      {pinnable ? (
        <button
          type="button"
          data-action={allPinned ? 'unpin' : 'pin'}
          onClick={() => step(() => setPinned(model, ids(), !allPinned))}
          title={allPinned ? t.canvas.unpinHint : t.canvas.pinHint}
        >
          {allPinned ? t.canvas.unpin : t.canvas.pin}
        </button>
      ) : null}
      <button
        type="button"
        data-action="delete"
        onClick={onDelete}
        title={t.canvas.withShortcut(t.canvas.delete, 'Delete')}
      >
        {t.canvas.delete}
      </button>
    </div>
  );
}
