/**
 * The keyboard shortcuts, opened with `?` or the help button; a native modal dialog. On a touch
 * screen it starts with what a finger does: a phone's reader had only keys, mouse and wheel
 * to go by, and nothing said that a double-tap writes in a note (QA).
 */
import { useEffect, useRef } from 'react';
import { useCanvas } from '../canvas-context.ts';

const touchScreen = () => globalThis.matchMedia?.('(pointer: coarse)').matches ?? false;

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useCanvas();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // Opened at its top, on its title: the dialog's first focusable element is Close, at
      // the foot of a list a phone's screen shows only part of.
      element.querySelector<HTMLElement>('h2')?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);
  const s = t.canvas.shortcuts;
  const touch = touchScreen();
  const fingers: [string, string[]][] = [
    [
      s.groups.touch,
      [
        s.rows.touchCreate,
        s.rows.touchEdit,
        s.rows.touchMove,
        s.rows.touchView,
        s.rows.touchOutline,
      ],
    ],
  ];
  const groups: [string, string[]][] = [
    ...(touch ? fingers : []),
    [s.groups.tools, [s.rows.tools, s.rows.doubleClick]],
    [s.groups.edit, [s.rows.multi, s.rows.undo, s.rows.clipboard, s.rows.remove, s.rows.order]],
    [s.groups.view, [s.rows.pan, s.rows.zoom]],
    [
      s.groups.keyboard,
      [s.rows.tab, s.rows.create, s.rows.nudge, s.rows.enter, s.rows.conceptCard, s.rows.help],
    ],
  ];
  return (
    <dialog
      ref={dialog}
      className="im-ui im-help"
      aria-labelledby="im-help-title"
      onClose={onClose}
    >
      <h2 id="im-help-title" tabIndex={-1}>
        {touch ? s.touchTitle : s.title}
      </h2>
      {groups.map(([title, rows]) => (
        <section key={title}>
          <h3>{title}</h3>
          <ul>
            {rows.map((row) => (
              <li key={row}>{row}</li>
            ))}
          </ul>
        </section>
      ))}
      <form method="dialog">
        <button type="submit">{t.canvas.close}</button>
      </form>
    </dialog>
  );
}
