/**
 * A facilitator deletes the board for everyone, for good. Typing its title first: one slip in a
 * panel must not cost a year of weekly sessions. Everyone on the board, this page too, then
 * hears `board_deleted` from the server and is shown that the board is gone.
 */
import { useId, useState } from 'react';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import { Confirm } from './Modal.tsx';
import { useBoardTitle } from './use-board-title.ts';
import { useBusy } from './use-busy.ts';
import { useWorkshopStore } from './use-workshop.ts';

/** Whether what was typed names the board: its spaces and Unicode form aside. */
const sameTitle = (typed: string, title: string) =>
  typed.normalize('NFC').replace(/\s+/g, ' ').trim() ===
  title.normalize('NFC').replace(/\s+/g, ' ').trim();

export function DeleteBoard() {
  const t = useT();
  const title = useBoardTitle(useBoardSession());
  const store = useWorkshopStore();
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, run] = useBusy();
  const errorId = useId();
  const close = () => {
    setAsking(false);
    setTyped('');
    setMismatch(false);
  };
  const answer = () => {
    if (!sameTitle(typed, title)) {
      setMismatch(true);
      document.getElementById(`${errorId}-input`)?.focus();
      return;
    }
    void run(async () => {
      if (!(await store.admin.deleteBoard())) close();
    });
  };
  return (
    <section className="wk-section" aria-labelledby="wk-delete-h">
      <h3 id="wk-delete-h">{t.workshop.deleteSection}</h3>
      <p className="wk-muted">{t.workshop.deleteHint}</p>
      <button type="button" className="wk-danger" onClick={() => setAsking(true)}>
        {t.workshop.deleteBoard}
      </button>
      {asking && (
        <Confirm
          title={t.workshop.confirmDeleteTitle(title)}
          answer={t.workshop.deleteForGood}
          busy={busy}
          onAnswer={answer}
          onClose={close}
        >
          <p>{t.workshop.confirmDelete}</p>
          <label>
            {t.workshop.typeTitleToDelete}
            <input
              // The dialog's own focusing finds it (React's autoFocus would run before the
              // dialog opens, which then moves the focus to its first button).
              ref={(input) => input?.setAttribute('autofocus', '')}
              id={`${errorId}-input`}
              value={typed}
              autoComplete="off"
              spellCheck={false}
              dir="auto"
              aria-invalid={mismatch}
              aria-describedby={mismatch ? errorId : undefined}
              onChange={(event) => {
                setTyped(event.currentTarget.value);
                setMismatch(false);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') answer();
              }}
            />
          </label>
          {mismatch && (
            <p id={errorId} className="wk-error" role="alert">
              {t.workshop.titleToDeleteMismatch}
            </p>
          )}
        </Confirm>
      )}
    </section>
  );
}
