/** Asked once per board: the name the others see on my cursor and in the presence list. */
import { type FormEvent, useRef, useState } from 'react';
import type { InvitationResponse } from '../../../shared/api.ts';
import { MAX_NAME_LENGTH } from '../../../shared/constants.ts';
import { useT } from '../i18n/i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { lastDisplayName } from './membership.ts';

export function JoinForm({
  invitation,
  error,
  onJoin,
}: {
  /** The board and role the link opens, once the server has said. */
  invitation?: InvitationResponse | undefined;
  error: string | null;
  onJoin: (name: string) => Promise<void>;
}) {
  const t = useT();
  const [name, setName] = useState(lastDisplayName);
  const [busy, setBusy] = useState(false);
  // A name of spaces alone passes `required`, and a disabled button would not say why: the
  // form says so in words, in the page's language (the browser's own bubble would not be). So
  // for a name past the server's 60 UTF-16 units: `maxlength` would cut it there silently, and
  // an emoji made of several (👨‍👩‍👧‍👦) cut in its middle is another emoji (QA).
  const [problem, setProblem] = useState<'blank' | 'long' | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const found = !trimmed ? 'blank' : trimmed.length > MAX_NAME_LENGTH ? 'long' : null;
    setProblem(found);
    if (found) {
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onJoin(trimmed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="centered-page">
      {/* A landmark, as everything on the page is in one (a11y QA: axe's region rule). */}
      <header className="centered-top">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t.app.productName}
        </span>
        <LanguageSwitch />
      </header>
      <main className="card narrow-card">
        <form className="join-form" onSubmit={submit} aria-labelledby="join-title" noValidate>
          <h1 id="join-title">
            {invitation ? t.app.joinBoardTitle(invitation.board.title) : t.app.joinTitle}
          </h1>
          {/* Said as it arrives: the name field has the focus by then, and a screen reader
              would not read a heading that changed above it (review). */}
          <p data-testid="join-role" role="status">
            {invitation ? t.app.joinAsRole(invitation.role, invitation.board.title) : ''}
          </p>
          <p className="muted">{t.app.joinIntro}</p>
          <label className="field">
            <span className="field-label">{t.app.displayName}</span>
            <input
              ref={input}
              name="displayName"
              value={name}
              required
              aria-invalid={problem !== null || undefined}
              aria-describedby={problem ? 'join-name-error' : undefined}
              autoComplete="nickname"
              // biome-ignore lint/a11y/noAutofocus: the name is the only thing this page asks for.
              autoFocus
              placeholder={t.app.displayNamePlaceholder}
              onChange={(event) => {
                setName(event.target.value);
                // What was said goes once it no longer holds; a new problem waits for Enter.
                const typed = event.target.value.trim();
                if (problem === 'blank' ? typed : typed.length <= MAX_NAME_LENGTH) setProblem(null);
              }}
            />
          </label>
          {problem && (
            <p className="form-error" role="alert" id="join-name-error">
              {problem === 'blank' ? t.app.nameRequired : t.app.nameTooLong(MAX_NAME_LENGTH)}
            </p>
          )}
          {error && !problem && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t.app.joining : t.app.join}
          </button>
        </form>
      </main>
    </div>
  );
}
