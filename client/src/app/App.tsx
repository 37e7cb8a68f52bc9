/** Routes: `/` creates a board; `/b/:id` (with `#key=` on first visit) joins and opens it. */
import { useT } from '../i18n/i18n.tsx';

export function App() {
  const t = useT();
  return <main>{t.app.productName}</main>;
}
