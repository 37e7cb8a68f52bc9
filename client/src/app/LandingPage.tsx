/** `/`: create a board (title, template, language), then hand out its three role links. */
import { type FormEvent, useId, useRef, useState } from 'react';
import type { CreateBoardResponse, Language } from '../../../shared/api.ts';
import { ROLES } from '../../../shared/roles.ts';
import type { Template } from '../../../shared/templates.ts';
import { errorSentence, type Failure, failureOf } from '../i18n/error-sentence.ts';
import { useLanguage, useT } from '../i18n/i18n.tsx';
import { apiRequest } from './api.ts';
import { CopyButton } from './CopyButton.tsx';
import { loadCreateToken, saveCreateToken } from './create-token.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LANGUAGE_OPTIONS, TEMPLATE_OPTIONS } from './options.ts';

export function LandingPage() {
  const t = useT();
  const [created, setCreated] = useState<CreateBoardResponse | null>(null);
  return (
    <div className="landing">
      <header className="landing-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t.app.productName}
        </span>
        <LanguageSwitch />
      </header>
      <main className="landing-main">
        <section className="landing-hero">
          <h1>{t.app.productName}</h1>
          <p className="tagline">{t.app.tagline}</p>
          <p className="muted">{t.app.createIntro}</p>
          <h2 className="visually-hidden">{t.app.howItWorks}</h2>
          <ol className="steps">
            {t.app.steps.map((step) => (
              <li key={step.title}>
                <strong>{step.title}</strong>
                <span className="muted">{step.text}</span>
              </li>
            ))}
          </ol>
        </section>
        {created ? (
          <BoardLinks created={created} onAnother={() => setCreated(null)} />
        ) : (
          <CreateBoardForm onCreated={setCreated} />
        )}
      </main>
    </div>
  );
}

function CreateBoardForm({ onCreated }: { onCreated: (created: CreateBoardResponse) => void }) {
  const t = useT();
  const [uiLanguage] = useLanguage();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<Template>('customer-journey');
  // Follows the UI language until chosen here: a Finnish page most likely means a Finnish board.
  const [chosenLanguage, setLanguage] = useState<Language | null>(null);
  const language = chosenLanguage ?? uiLanguage;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  // Shown once the server has asked for its passcode (CREATE_TOKEN).
  const [askPasscode, setAskPasscode] = useState(false);
  const [passcode, setPasscode] = useState('');
  const [passcodeRefused, setPasscodeRefused] = useState(false);
  const passcodeRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const token = askPasscode ? passcode.trim() : loadCreateToken();
    try {
      const response = await apiRequest<CreateBoardResponse>('/api/boards', {
        body: { title: title.trim() || t.app.boardTitlePlaceholder, template, language },
        ...(token ? { token } : {}),
      });
      if (token) saveCreateToken(token);
      onCreated(response);
    } catch (failure) {
      const refused = failureOf(failure);
      if (refused.code === 'create_token_required') {
        // A remembered passcode the server no longer takes is forgotten.
        if (token) saveCreateToken(null);
        setPasscodeRefused(Boolean(token));
        setAskPasscode(true);
        setError(null);
        requestAnimationFrame(() => passcodeRef.current?.focus());
      } else setError(refused);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card create-form" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t.app.createTitle}</h2>
      <label className="field">
        <span className="field-label">{t.app.boardTitle}</span>
        <input
          name="title"
          value={title}
          maxLength={200}
          placeholder={t.app.boardTitlePlaceholder}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">{t.app.template}</span>
        <select
          name="template"
          value={template}
          onChange={(event) => setTemplate(event.target.value as Template)}
          aria-describedby={`${ids}-template-hint`}
        >
          {TEMPLATE_OPTIONS.map((option) => (
            <option key={option} value={option}>
              {t.app.templates[option]}
            </option>
          ))}
        </select>
        <span className="field-hint" id={`${ids}-template-hint`}>
          {t.app.templateHints[template]}
        </span>
      </label>
      <label className="field">
        <span className="field-label">{t.app.boardLanguage}</span>
        <select
          name="language"
          value={language}
          onChange={(event) => setLanguage(event.target.value as Language)}
          aria-describedby={`${ids}-language-hint`}
        >
          {LANGUAGE_OPTIONS.map((option) => (
            <option key={option} value={option}>
              {t.app.languageNames[option]}
            </option>
          ))}
        </select>
        <span className="field-hint" id={`${ids}-language-hint`}>
          {t.app.boardLanguageHint}
        </span>
      </label>
      {askPasscode && (
        <label className="field">
          <span className="field-label">{t.app.createPasscode}</span>
          <input
            ref={passcodeRef}
            name="createToken"
            type="password"
            autoComplete="off"
            required
            value={passcode}
            onChange={(event) => setPasscode(event.target.value)}
            aria-describedby={`${ids}-passcode-hint`}
            aria-invalid={passcodeRefused}
          />
          <span className="field-hint" id={`${ids}-passcode-hint`} role="alert">
            {passcodeRefused ? t.app.createPasscodeRefused : t.app.createPasscodeHint}
          </span>
        </label>
      )}
      {error && (
        <p className="form-error" role="alert">
          {t.app.createFailed(errorSentence(t, error))}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t.app.creating : t.app.createBoard}
      </button>
    </form>
  );
}

function BoardLinks({
  created,
  onAnother,
}: {
  created: CreateBoardResponse;
  onAnother: () => void;
}) {
  const t = useT();
  return (
    <section className="card board-links" aria-labelledby="board-links-title">
      <h2 id="board-links-title">{t.app.boardCreated(created.board.title)}</h2>
      <p className="muted">{t.app.linksIntro}</p>
      <p className="notice" data-testid="links-once">
        {t.app.linksOnce}
      </p>
      <ul className="link-list">
        {ROLES.map((role) => (
          <li key={role} className="link-row" data-role={role}>
            <div className="link-meta">
              <span className={`role-badge role-${role}`}>{t.app.roles[role]}</span>
              <span className="field-hint">{t.app.roleLinkHints[role]}</span>
            </div>
            <div className="link-copy">
              <input
                readOnly
                value={created.links[role]}
                aria-label={t.app.linkFor(t.app.roles[role])}
                data-testid={`link-${role}`}
                onFocus={(event) => event.target.select()}
              />
              <CopyButton text={created.links[role]} label={t.app.copyLink(t.app.roles[role])} />
            </div>
          </li>
        ))}
      </ul>
      <div className="actions">
        {/* A new tab, so that the links stay on screen until they are saved. */}
        <a
          className="button button-primary"
          href={created.links.facilitator}
          target="_blank"
          rel="noopener"
        >
          {t.app.openAsFacilitator}
          <span className="visually-hidden"> {t.app.opensInNewTab}</span>
        </a>
        <CopyButton
          text={ROLES.map((role) => `${t.app.roles[role]}: ${created.links[role]}`).join('\n')}
          label={t.app.copyAllLabel}
          idleText={t.app.copyAll}
        />
        <button type="button" className="button button-ghost" onClick={onAnother}>
          {t.app.createAnother}
        </button>
      </div>
    </section>
  );
}
