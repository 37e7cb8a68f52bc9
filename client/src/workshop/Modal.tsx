/**
 * A modal dialog on the native <dialog> (focus trap, Escape, top layer for free), portalled
 * to <body> so an item's transform on the canvas cannot move or clip it. Events stop at its
 * edge: typing in a form must not reach the canvas's shortcuts through the React tree.
 */
import './workshop.css';
import './dialog.css';
import { type ReactNode, type SyntheticEvent, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/i18n.tsx';

const stop = (event: SyntheticEvent) => event.stopPropagation();

export function Modal(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return createPortal(
    <dialog
      ref={ref}
      className={`wk-dialog${props.wide ? ' wk-dialog-wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
      onPointerDown={stop}
      onMouseDown={stop}
      onClick={stop}
      onKeyDown={stop}
      onDoubleClick={stop}
      onWheel={stop}
    >
      <div className="wk-dialog-head">
        <h2 id={titleId}>{props.title}</h2>
        <button
          type="button"
          className="wk-small"
          onClick={props.onClose}
          aria-label={t.workshop.close}
        >
          ×
        </button>
      </div>
      {props.children}
    </dialog>,
    document.body,
  );
}
