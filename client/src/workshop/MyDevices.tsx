/**
 * My other devices on the board, in "On another device…": the one I joined on and each that
 * took a device link of mine, each with whether it is on the board now or when it last was (to
 * tell which is which), and a button that signs it out (docs/API.md, "Devices"). A lost
 * phone, or the meeting room's laptop left open, leaves the board at once, and what it kept
 * opens nothing more. Shown only where there is another device.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DevicesResponse, MemberDevice } from '../../../shared/api.ts';
import { useBoardSession } from '../board/board-session.ts';
import { errorSentence, type Failure, failureOf } from '../i18n/error-sentence.ts';
import { useT } from '../i18n/i18n.tsx';
import { useDateFormat } from './format.ts';
import { useBusy } from './use-busy.ts';

/** How often the list is asked again while shown: which devices are on the board now changes. */
const DEVICES_REFRESH_MS = 5_000;

/** `asked` changes whenever the list may have changed (the dialog's link was taken). */
export function MyDevices({ asked }: { asked: unknown }) {
  const t = useT();
  const format = useDateFormat();
  const session = useBoardSession();
  const [devices, setDevices] = useState<MemberDevice[]>([]);
  const [signedOut, setSignedOut] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, run] = useBusy();

  const listed = useCallback(
    () => session.api<DevicesResponse>('/devices').then((answer) => answer.devices),
    [session.api],
  );
  useEffect(() => {
    void asked;
    let live = true;
    const refresh = (onFailure: (error: unknown) => void) =>
      listed().then((now) => live && setDevices(now), onFailure);
    void refresh((error) => live && setFailure(failureOf(error)));
    // A device that took the link joins a moment later, and others come and go meanwhile. A
    // refresh that fails leaves the list as it was: the first answer said what is wrong.
    const timer = setInterval(() => refresh(() => {}), DEVICES_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [listed, asked]);

  const nameOf = (device: MemberDevice) => device.label || t.app.deviceUnnamed;
  const signOut = (device: MemberDevice) =>
    run(async () => {
      try {
        await session.api(`/devices/${encodeURIComponent(device.id)}`, { method: 'DELETE' });
        setSignedOut(nameOf(device));
        setFailure(null);
      } catch (error) {
        setFailure(failureOf(error));
      }
      // Signed out here, or elsewhere meanwhile (device_not_found): the list as it is now.
      const now = await listed().catch(() => null);
      if (now) setDevices(now);
    });

  const others = devices.filter((device) => !device.current);
  if (others.length === 0 && !signedOut && !failure) return null;
  return (
    <section className="wk-devices" aria-labelledby="wk-devices-h">
      <h3 id="wk-devices-h">{t.app.devicesTitle}</h3>
      <p className="wk-muted">{t.app.devicesText}</p>
      {others.length > 0 && (
        <ul className="wk-members" data-testid="my-devices">
          {others.map((device) => (
            <li key={device.id}>
              <span>
                <bdi>{nameOf(device)}</bdi>{' '}
                <span className="wk-muted">
                  {device.connected
                    ? t.app.deviceConnected
                    : t.app.deviceLastUsed(format.soon(device.lastUsedAt))}
                </span>
              </span>
              <button
                type="button"
                className="wk-small wk-danger"
                aria-disabled={busy}
                aria-label={t.app.deviceSignOutNamed(nameOf(device))}
                onClick={() => signOut(device)}
              >
                {t.app.deviceSignOut}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="wk-live" role="status">
        {signedOut ? t.app.deviceSignedOut(signedOut) : ''}
      </p>
      {failure && (
        <p className="wk-error" role="alert">
          {errorSentence(t, failure)}
        </p>
      )}
    </section>
  );
}
