/**
 * The parts of the board page that are not needed to see the board (side panels, outline)
 * load as their own chunks, fetched right after the board shows: someone who goes offline
 * later can still open them, because the code is already here.
 */
import { Component, lazy, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';

const loadPanels = () => import('../workshop/WorkshopPanels.tsx');
const loadOutline = () => import('../outline/OutlineView.tsx');

export const WorkshopPanels = lazy(() =>
  loadPanels().then((module) => ({ default: module.WorkshopPanels })),
);
export const OutlineView = lazy(() =>
  loadOutline().then((module) => ({ default: module.OutlineView })),
);

export function preloadBoardParts(): void {
  // A failure here is not shown: the part's own boundary says so if it is ever opened.
  loadPanels().catch(() => {});
  loadOutline().catch(() => {});
}

/** Keeps a part that failed to load (or crashed) from taking the whole board page down. */
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
