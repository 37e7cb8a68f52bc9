/**
 * `/`: create a board (title, template, language), or one for each team working side by side,
 * then hand out each board's three role links.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { CreateBoardResponse, Language } from '../../../shared/api.ts';
import { FORMULA_START, MAX_TITLE_LENGTH } from '../../../shared/constants.ts';
import { ROLES } from '../../../shared/roles.ts';
import { MAX_TEAM_BOARDS, teamBoardTitle } from '../../../shared/team-boards.ts';
import type { Template } from '../../../shared/templates.ts';
import { errorSentence, type Failure, failureOf } from '../i18n/error-sentence.ts';
import { useLanguage, useT } from '../i18n/i18n.tsx';
import { apiRequest } from './api.ts';
import { BoardsHere } from './BoardsHere.tsx';
import { CopyButton } from './CopyButton.tsx';
import { loadCreateToken, saveCreateToken } from './create-token.ts';
import { saveInviteLinks } from './invite-links.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LANGUAGE_OPTIONS, TEMPLATE_OPTIONS } from './options.ts';

export function LandingPage() {
  const t = useT();
  const [created, setCreated] = useState<Created | null>(null);
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
          <BoardsHere />
        </section>
        {!created ? (
          <CreateBoardForm onCreated={setCreated} />
        ) : created.boards.length === 1 && !created.failure ? (
          <BoardLinks created={created.boards[0]!} onAnother={() => setCreated(null)} />
        ) : (
          <TeamBoardLinks
            // Anew for the rest of the boards: its heading takes the focus again.
            key={created.boards.length}
            created={created}
            onCreated={setCreated}
            onAnother={() => setCreated(null)}
          />
        )}
      </main>
    </div>
  );
}

/** What the form asked for: `asked` boards titled from `base` (one per team past one). */
interface BoardsRequest {
  base: string;
  template: Template;
  language: Language;
  asked: number;
  token: string | null;
}

interface Created {
  boards: CreateBoardResponse[];
  /** Why the rest of the boards asked for were not created. */
  failure?: Failure;
  request: BoardsRequest;
}

/**
 * Makes the boards asked for that are not made yet, one after another (the links come back in
 * the teams' order), and stops at the first failure.
 */
async function createBoards(request: BoardsRequest, made: CreateBoardResponse[]): Promise<Created> {
  const { base, template, language, asked, token } = request;
  const boards = [...made];
  try {
    for (let team = boards.length + 1; team <= asked; team++) {
      const title = teamBoardTitle(base, team, asked, language);
      const response = await apiRequest<CreateBoardResponse>('/api/boards', {
        body: { title, template, language },
        ...(token ? { token } : {}),
      });
      if (token) saveCreateToken(token);
      // So that this browser's facilitator can show the room the links again (Invite).
      saveInviteLinks(response.board.id, response.links);
      boards.push(response);
    }
    return { boards, request };
  } catch (failure) {
    return { boards, request, failure: failureOf(failure) };
  }
}

function CreateBoardForm({ onCreated }: { onCreated: (created: Created) => void }) {
  const t = useT();
  const [uiLanguage] = useLanguage();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<Template>('customer-journey');
  // Follows the UI language until chosen here: a Finnish page most likely means a Finnish board.
  const [chosenLanguage, setLanguage] = useState<Language | null>(null);
  const language = chosenLanguage ?? uiLanguage;
  const [count, setCount] = useState('1');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  // Shown once the server has asked for its passcode (CREATE_TOKEN).
  const [askPasscode, setAskPasscode] = useState(false);
  const [passcode, setPasscode] = useState('');
  const [passcodeRefused, setPasscodeRefused] = useState(false);
  // Bumped by each refusal: the focus goes to the passcode field once it is on the page.
  const [passcodeAsked, setPasscodeAsked] = useState(0);
  const passcodeRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (passcodeAsked > 0) passcodeRef.current?.focus();
  }, [passcodeAsked]);
  const ids = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const token = askPasscode ? passcode.trim() : loadCreateToken();
    const asked = Math.min(Math.max(Number.parseInt(count, 10) || 1, 1), MAX_TEAM_BOARDS);
    const base = title.trim() || t.app.boardTitlePlaceholder;
    try {
      const result = await createBoards({ base, template, language, asked, token }, []);
      const refused = result.failure;
      // Any made are shown, with why the rest were not.
      if (result.boards.length > 0 || !refused) onCreated(result);
      else if (refused.code === 'create_token_required') {
        // A remembered passcode the server no longer takes is forgotten, and asked for as if
        // for the first time: nobody here typed a wrong one (QA).
        if (token) saveCreateToken(null);
        setPasscodeRefused(askPasscode && Boolean(token));
        setAskPasscode(true);
        setError(null);
        setPasscodeAsked((asked) => asked + 1);
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
          maxLength={MAX_TITLE_LENGTH}
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
      <label className="field">
        <span className="field-label">{t.app.boardCount}</span>
        <input
          name="count"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_TEAM_BOARDS}
          required
          className="count-input"
          value={count}
          onChange={(event) => setCount(event.target.value)}
          aria-describedby={`${ids}-count-hint`}
        />
        <span className="field-hint" id={`${ids}-count-hint`}>
          {t.app.boardCountHint(MAX_TEAM_BOARDS)}
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
          <span
            className={passcodeRefused ? 'form-error' : 'field-hint'}
            id={`${ids}-passcode-hint`}
            role="alert"
          >
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
        {busy ? t.app.creating : count.trim() === '1' ? t.app.createBoard : t.app.createBoards}
      </button>
    </form>
  );
}

/**
 * The links' heading takes the focus as they replace the form (whose button had it): a screen
 * reader says the board is ready, and Tab goes on to its links (QA: the focus fell to the page).
 */
function ReadyHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 id="board-links-title" ref={ref} tabIndex={-1} data-focus-landing>
      {children}
    </h2>
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
      <ReadyHeading>{t.app.boardCreated(created.board.title)}</ReadyHeading>
      <p className="muted">{t.app.linksIntro}</p>
      <p className="notice" data-testid="links-once">
        {t.app.linksOnce}
      </p>
      <RoleLinks created={created} />
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

/** One board's three links, each with what its role may do and a copy button. */
function RoleLinks({
  created,
  compact = false,
}: {
  created: CreateBoardResponse;
  compact?: boolean;
}) {
  const t = useT();
  const board = compact ? created.board.title : undefined;
  return (
    <ul className="link-list">
      {ROLES.map((role) => (
        <li key={role} className="link-row" data-role={role}>
          <div className="link-meta">
            <span className={`role-badge role-${role}`}>{t.app.roles[role]}</span>
            {!compact && <span className="field-hint">{t.app.roleLinkHints[role]}</span>}
          </div>
          <div className="link-copy">
            <input
              readOnly
              value={created.links[role]}
              aria-label={
                board
                  ? t.app.boardLinkFor(board, t.app.roles[role])
                  : t.app.linkFor(t.app.roles[role])
              }
              data-testid={`link-${role}`}
              onFocus={(event) => event.target.select()}
            />
            <CopyButton
              text={created.links[role]}
              label={
                board
                  ? t.app.copyBoardLink(board, t.app.roles[role])
                  : t.app.copyLink(t.app.roles[role])
              }
            />
          </div>
        </li>
      ))}
    </ul>
  );
}

/**
 * One cell of the copied table as a spreadsheet reads it: on one line, and never a formula (a
 * title starting "=", "+", "-" or "@" is kept as text by a leading apostrophe, as the CSV
 * export does).
 */
function spreadsheetCell(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return FORMULA_START.test(flat) ? `'${flat}` : flat;
}

/** Several boards made at once (one per team): every board's links, and all of them as a table. */
function TeamBoardLinks({
  created,
  onCreated,
  onAnother,
}: {
  created: Created;
  onCreated: (created: Created) => void;
  onAnother: () => void;
}) {
  const t = useT();
  const { boards, failure, request } = created;
  const [busy, setBusy] = useState(false);
  const rest = request.asked - boards.length;
  // After a failure halfway, the rest of the teams' boards, numbered on from the last made
  // (QA: starting again gave a second "Team 1").
  const createRest = async () => {
    if (busy) return;
    setBusy(true);
    onCreated(await createBoards(request, boards));
    setBusy(false);
  };
  // Tab-separated, a board a line: pasted into a spreadsheet, a row per team.
  const table = [
    [t.app.boardTitle, ...ROLES.map((role) => t.app.roles[role])],
    ...boards.map((made) => [made.board.title, ...ROLES.map((role) => made.links[role])]),
  ]
    .map((row) => row.map(spreadsheetCell).join('\t'))
    .join('\n');
  return (
    <section className="card board-links" aria-labelledby="board-links-title">
      <ReadyHeading>{t.app.boardsCreated(boards.length)}</ReadyHeading>
      {failure && (
        <p className="form-error" role="alert">
          {t.app.someBoardsFailed(boards.length, request.asked, errorSentence(t, failure))}
        </p>
      )}
      {failure && rest > 0 && (
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            aria-disabled={busy}
            onClick={createRest}
          >
            {busy ? t.app.creating : t.app.createRest(rest)}
          </button>
        </div>
      )}
      <p className="muted">{t.app.linksIntro}</p>
      <p className="notice" data-testid="links-once">
        {t.app.linksOnce}
      </p>
      <div className="actions">
        <CopyButton text={table} label={t.app.copyTableLabel} idleText={t.app.copyTable} />
        <button type="button" className="button button-ghost" onClick={onAnother}>
          {t.app.createAnother}
        </button>
      </div>
      {boards.map((made) => (
        <section key={made.board.id} className="team-board" data-testid="team-board">
          <div className="team-board-head">
            <h3>{made.board.title}</h3>
            <a href={made.links.facilitator} target="_blank" rel="noopener">
              {t.app.openAsFacilitator}
              <span className="visually-hidden">
                {' '}
                {made.board.title} {t.app.opensInNewTab}
              </span>
            </a>
          </div>
          <RoleLinks created={made} compact />
        </section>
      ))}
    </section>
  );
}
