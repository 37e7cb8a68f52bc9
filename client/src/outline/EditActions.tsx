/**
 * The foot of the outline's edit forms (a note's text, a concept's fields): Save and Cancel.
 * `closed`: the board closed to my changes while the form was open (a lock, silent writing).
 * Saving would be refused and the words gone with the form (journey QA, on the canvas): they
 * stay, to copy, and Save waits until the board opens again.
 */
import { useT } from '../i18n/i18n.tsx';

export function EditActions({ closed, onCancel }: { closed: boolean; onCancel: () => void }) {
  const t = useT();
  return (
    <>
      {closed && (
        <p className="ol-notice" role="status" data-testid="closed-while-editing">
          {t.outline.closedWhileEditing}
        </p>
      )}
      <div className="ol-actions">
        <button type="submit" disabled={closed}>
          {t.outline.save}
        </button>
        <button type="button" onClick={onCancel}>
          {t.outline.cancel}
        </button>
      </div>
    </>
  );
}
