/**
 * A facilitator gives the board a new title: boards made for a day's teams as "Team 1" to
 * "Team 7" become the services each team took on. Everyone's page, the links' join page and
 * the exports take the new title; files downloaded before keep theirs.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { MAX_TITLE_LENGTH } from '../../../shared/constants.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import { useBoardTitle } from './use-board-title.ts';
import { useBusy } from './use-busy.ts';
import { useWorkshopStore } from './use-workshop.ts';

export function RenameBoard() {
  const t = useT();
  const store = useWorkshopStore();
  const title = useBoardTitle(useBoardSession());
  const [draft, setDraft] = useState(title);
  const [empty, setEmpty] = useState(false);
  const [busy, run] = useBusy();
  const id = useId();
  // Renamed by someone else (or by me, as the server has it): the field shows it, unless I have
  // started typing a title of my own.
  const shown = useRef(title);
  useEffect(() => {
    if (draft === shown.current) setDraft(title);
    shown.current = title;
  }, [title, draft]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = draft.replace(/\s+/g, ' ').trim();
    if (wanted === '') {
      setEmpty(true);
      document.getElementById(`${id}-input`)?.focus();
      return;
    }
    if (wanted === title || busy) return;
    void run(() => store.admin.rename(wanted));
  };
  return (
    <section className="wk-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t.workshop.renameSection}</h3>
      <form className="wk-field-row" onSubmit={submit}>
        <label>
          {t.workshop.boardTitle}
          <input
            id={`${id}-input`}
            value={draft}
            maxLength={MAX_TITLE_LENGTH}
            autoComplete="off"
            dir="auto"
            aria-invalid={empty}
            aria-describedby={empty ? `${id}-error` : undefined}
            onChange={(event) => {
              setDraft(event.currentTarget.value);
              setEmpty(false);
            }}
          />
        </label>
        <button type="submit" aria-disabled={busy}>
          {t.workshop.renameBoard}
        </button>
      </form>
      {empty && (
        <p id={`${id}-error`} className="wk-error" role="alert">
          {t.workshop.titleEmpty}
        </p>
      )}
    </section>
  );
}
