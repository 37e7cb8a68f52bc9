/** A board that cannot be opened: what went wrong, in words a person can act on. */
import { useT } from '../i18n/i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function BoardError({
  title,
  message,
  detail,
  onRetry,
}: {
  /** The heading, where not "Cannot open this board" (offline: it will open). */
  title?: string;
  message: string;
  /** What happens next, where the page knows (offline: it opens by itself). */
  detail?: string;
  onRetry?: () => void;
}) {
  const t = useT();
  return (
    <div className="centered-page">
      <header className="centered-top">
        <LanguageSwitch />
      </header>
      <main className="card narrow-card" data-testid="board-error">
        <h1>{title ?? t.app.errorTitle}</h1>
        <p role="alert">{message}</p>
        {detail && <p data-testid="board-error-detail">{detail}</p>}
        <div className="actions">
          {onRetry && (
            <button type="button" className="button button-primary" onClick={onRetry}>
              {t.app.retry}
            </button>
          )}
          <a className="button button-secondary" href="/">
            {t.app.goHome}
          </a>
        </div>
      </main>
    </div>
  );
}
