/** What shows while a route's code or a board's data is on its way. */
import { useT } from '../i18n/i18n.tsx';

export function PageLoading() {
  const t = useT();
  return (
    <div className="page-loading" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <span>{t.app.loading}</span>
    </div>
  );
}
