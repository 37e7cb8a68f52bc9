/** Copies a text to the clipboard and says so for a moment. */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n.tsx';

export function CopyButton({
  text,
  label,
  idleText,
}: {
  text: string;
  label: string;
  /** What the button says before copying; "Copy" by default. */
  idleText?: string;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (plain http on another host): fall back to a selection copy.
      const area = document.createElement('textarea');
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
  };

  return (
    <button type="button" className="button button-secondary" aria-label={label} onClick={copy}>
      <span aria-live="polite">{copied ? t.app.copied : (idleText ?? t.app.copy)}</span>
    </button>
  );
}
