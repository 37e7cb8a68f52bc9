/**
 * A modal dialog on the native <dialog> (focus trap, Escape, top layer for free), portalled
 * to <body> so an item's transform on the canvas cannot move or clip it. Events stop at its
 * edge: typing in a form must not reach the canvas's shortcuts through the React tree.
 * Closing it, however it closes, puts the focus back where it was when it opened.
 */
import './workshop.css';
import './dialog.css';
import { type ReactNode, type SyntheticEvent, useEffect, useId, useRef, useState } from 'react';
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
  // Read while the dialog first renders, before it takes the focus: the button that opened it.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // The dialog leaves the page before it closes, so the browser's own return of the focus
      // (as for a dialog closed in place) does not happen: without this it lands on <body>.
      if (opener?.isConnected && opener !== document.body) opener.focus({ preventScroll: true });
    };
  }, [opener]);
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

/**
 * A question before something that cannot be taken back (delete, replace): what it does, then
 * Cancel and the one answer that does it. `busy` while the answer waits for the server.
 */
export function Confirm(props: {
  title: string;
  children: ReactNode;
  answer: string;
  busy?: boolean;
  onAnswer: () => void;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal title={props.title} onClose={props.onClose}>
      {props.children}
      <div className="wk-row wk-actions">
        <button type="button" onClick={props.onClose}>
          {t.workshop.cancel}
        </button>
        <button
          type="button"
          className="wk-primary wk-danger"
          aria-disabled={props.busy}
          onClick={props.onAnswer}
        >
          {props.answer}
        </button>
      </div>
    </Modal>
  );
}
