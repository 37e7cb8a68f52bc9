/**
 * What a device is called in its member's list of devices: the browser and the system its
 * User-Agent names ("Firefox · Android"), enough to tell a phone from the meeting room's laptop.
 * Nothing else of the header is kept. Names, not words, so the same in every language.
 */

/** Longest label kept: a User-Agent is the client's to write. */
export const DEVICE_LABEL_MAX = 60;

// Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", iPads may say "Macintosh".
const BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(HeadlessChrome|Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\biPad\b/, 'iPad'],
  [/\biPhone\b/, 'iPhone'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/** The label for a device whose User-Agent is `userAgent`; '' where none was sent. */
export function deviceLabel(userAgent: string | undefined): string {
  const agent = (userAgent ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  if (!agent) return '';
  const browser = BROWSERS.find(([pattern]) => pattern.test(agent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1];
  if (browser || system) return [browser, system].filter(Boolean).join(' · ');
  // A program, not a browser (curl, a Node client): its first product token says which.
  return (agent.split(/\s/)[0] ?? '').slice(0, DEVICE_LABEL_MAX);
}
