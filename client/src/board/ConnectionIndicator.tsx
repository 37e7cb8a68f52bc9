/** The connection state: a small pill when live, a clear banner when not. */
import { useT } from '../i18n/i18n.tsx';
import type { ConnectionStatus } from './board-session.ts';
import { StatusWords } from './StatusWords.tsx';

export function ConnectionPill({ status }: { status: ConnectionStatus }) {
  const t = useT();
  return (
    <span
      className={`connection-pill connection-${status}`}
      data-testid="connection"
      data-status={status}
      title={t.app.connection[status]}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{t.app.connectionShort[status]}</span>
    </span>
  );
}

export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  const t = useT();
  // Polite and always present, so that screen readers hear the change when it happens.
  return (
    <div className="banner-slot" role="status" aria-live="polite">
      {(status === 'reconnecting' || status === 'offline') && (
        <div
          className={`banner banner-warning connection-banner connection-banner-${status}`}
          data-testid="connection-banner"
        >
          <span className="connection-dot" aria-hidden="true" />
          <StatusWords words={t.app.connection[status]} brief={t.app.connectionBrief[status]} />
        </div>
      )}
    </div>
  );
}
