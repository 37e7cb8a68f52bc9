/** Asked once per board: the name the others see on my cursor and in the presence list. */
import { type FormEvent, useRef, useState } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { lastDisplayName } from './membership.ts';

export function JoinForm({
  error,
  onJoin,
}: {
  error: string | null;
  onJoin: (name: string) => Promise<void>;
}) {
  const t = useT();
  const [name, setName] = useState(lastDisplayName);
  const [busy, setBusy] = useState(false);
  // A name of spaces alone passes `required`, and a disabled button would not say why: the
  // form says so in words, in the page's language (the browser's own bubble would not be).
  const [blank, setBlank] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    setBlank(!trimmed);
    if (!trimmed) {
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
      <div className="centered-top">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t.app.productName}
        </span>
        <LanguageSwitch />
      </div>
      <main className="card narrow-card">
        <form className="join-form" onSubmit={submit} aria-labelledby="join-title" noValidate>
          <h1 id="join-title">{t.app.joinTitle}</h1>
          <p className="muted">{t.app.joinIntro}</p>
          <label className="field">
            <span className="field-label">{t.app.displayName}</span>
            <input
              ref={input}
              name="displayName"
              value={name}
              required
              aria-invalid={blank || undefined}
              aria-describedby={blank ? 'join-name-error' : undefined}
              maxLength={60}
              autoComplete="nickname"
              // biome-ignore lint/a11y/noAutofocus: the name is the only thing this page asks for.
              autoFocus
              placeholder={t.app.displayNamePlaceholder}
              onChange={(event) => {
                setName(event.target.value);
                if (event.target.value.trim()) setBlank(false);
              }}
            />
          </label>
          {blank && (
            <p className="form-error" role="alert" id="join-name-error">
              {t.app.nameRequired}
            </p>
          )}
          {error && !blank && (
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
