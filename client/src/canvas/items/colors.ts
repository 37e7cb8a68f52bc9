/**
 * Text colour on an item's fill. The note palette is pastel, so dark ink passes WCAG AA
 * (at least 4.5:1; #1f2328 on the darkest pastel, #bde0fe, is about 12:1); a foreign client's
 * dark fill gets white ink instead.
 */
export const INK = '#1f2328';
export const INK_ON_DARK = '#ffffff';

function channel(hex: string): number {
  const c = Number.parseInt(hex, 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function luminance(color: string): number | null {
  const match = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!match) return null;
  const hex = match[1]!;
  return (
    0.2126 * channel(hex.slice(0, 2)) +
    0.7152 * channel(hex.slice(2, 4)) +
    0.0722 * channel(hex.slice(4, 6))
  );
}

export function contrast(a: string, b: string): number {
  const la = luminance(a) ?? 1;
  const lb = luminance(b) ?? 1;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export function inkOn(fill: string): string {
  return contrast(fill, INK) >= contrast(fill, INK_ON_DARK) ? INK : INK_ON_DARK;
}

/** Only colours a CSS property can take safely; anything else falls back. */
export function safeFill(color: string, fallback: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(color.trim()) ? color.trim() : fallback;
}

export const STROKE_COLOR = '#1f2328';
