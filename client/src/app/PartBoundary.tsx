/** Keeps a part that failed to load (a lazy chunk while offline) or crashed from blanking the page. */
import { Component, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';

export class PartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <PartFailed /> : this.props.children;
  }
}

function PartFailed() {
  const t = useT();
  return (
    <div className="part-failed" role="alert">
      <p>{t.app.partFailed}</p>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => window.location.reload()}
      >
        {t.app.reload}
      </button>
    </div>
  );
}
