/** The keyboard shortcuts, opened with `?` or the help button; a native modal dialog. */
import { useEffect, useRef } from 'react';
import { useCanvas } from '../canvas-context.ts';

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useCanvas();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  const s = t.canvas.shortcuts;
  const groups: [string, string[]][] = [
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
      <h2 id="im-help-title">{s.title}</h2>
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
