/**
 * The mark a pinned item carries (shared/board-document.ts isPinned): a small pin in its
 * corner, named for screen readers and explained on hover, so nobody wonders why a template's
 * label will not move. Subtle on purpose: the scaffolding should not shout over the ideas.
 */
import { useCanvas } from '../canvas-context.ts';
import './pinned.css';

export function PinMark() {
  const { t } = useCanvas();
  return (
    <span className="im-pin" role="img" aria-label={t.canvas.pinned} title={t.canvas.pinnedHint}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M9 3 H15 L14 9 L17.5 13 H6.5 L10 9 Z M12 13 V21"
          fill="currentColor"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      </svg>
    </span>
  );
}
