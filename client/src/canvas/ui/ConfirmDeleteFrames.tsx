/**
 * Asks before a delete takes frames away: a journey lane, an idea-mill topic, a template's
 * structure goes for everyone at one press of Delete, and whoever did not press it does not know
 * that Undo would bring it back (QA: a participant's stray click took a lane). What is in a
 * frame stays on the board either way.
 */
import { useEffect, useRef, useState } from 'react';
import { useCanvas } from '../canvas-context.ts';

export function ConfirmDeleteFrames(props: {
  /** The titles of the frames the delete takes ('' for one without). */
  frames: readonly string[];
  /** How many other items the delete takes with them (selected with them). */
  others: number;
  onDelete: () => void;
  onClose: () => void;
}) {
  const { t } = useCanvas();
  const dialog = useRef<HTMLDialogElement>(null);
  // Where the focus was (the frame, the canvas, the selection bar): it goes back there, as
  // the browser does for a dialog closed in place, since this one leaves the page instead.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      if (opener?.isConnected && opener !== document.body) opener.focus({ preventScroll: true });
    };
  }, [opener]);
  const [only] = props.frames;
  const title =
    props.frames.length === 1 && only
      ? t.canvas.confirmDeleteFrame(only)
      : t.canvas.confirmDeleteFrames(props.frames.length);
  return (
    <dialog
      ref={dialog}
      className="im-ui im-help im-confirm"
      aria-labelledby="im-confirm-delete-title"
      onClose={props.onClose}
    >
      <h2 id="im-confirm-delete-title">{title}</h2>
      <p>{t.canvas.confirmDeleteFramesBody(props.frames.length, props.others)}</p>
      <form method="dialog" className="im-confirm-actions">
        <button type="submit">{t.canvas.cancel}</button>
        <button type="submit" className="im-danger" onClick={props.onDelete}>
          {t.canvas.delete}
        </button>
      </form>
    </dialog>
  );
}
