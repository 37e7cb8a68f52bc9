/**
 * "On another device…" (anyone, under the people list): a link, and its QR code
 * for a phone's camera, that opens the board as me on the other device, so the phone is not a
 * second member with votes of its own. The server makes it as the dialog opens; it works once,
 * for ten minutes (server/boards/device-links.ts), and the dialog says until when. Once the
 * other device has taken it, the code leaves the screen and the dialog says so. Below, my other
 * devices on the board, each of which can be signed out (MyDevices.tsx).
 */
import { useCallback, useEffect, useState } from 'react';
import type { DeviceLinkResponse } from '../../../shared/api.ts';
import { CopyButton } from '../app/CopyButton.tsx';
import { useBoardSession } from '../board/board-session.ts';
import { errorSentence, type Failure, failureOf } from '../i18n/error-sentence.ts';
import { useT } from '../i18n/i18n.tsx';
import { useDateFormat } from './format.ts';
import { Modal } from './Modal.tsx';
import { MyDevices } from './MyDevices.tsx';
import { QrCode } from './QrCode.tsx';
import { useBusy } from './use-busy.ts';

export function DeviceLinkDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const format = useDateFormat();
  const session = useBoardSession();
  const [link, setLink] = useState<DeviceLinkResponse | null>(null);
  const [expired, setExpired] = useState(false);
  const [taken, setTaken] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, run] = useBusy();

  const make = useCallback(
    () =>
      run(async () => {
        try {
          const made = await session.api<DeviceLinkResponse>('/device-links', { method: 'POST' });
          setLink(made);
          setExpired(false);
          setTaken(false);
          setFailure(null);
        } catch (error) {
          setFailure(failureOf(error));
        }
      }),
    [run, session.api],
  );
  useEffect(() => {
    make();
  }, [make]);

  // The code on the screen stops working at its time: it goes, rather than be scanned in vain.
  useEffect(() => {
    if (!link) return;
    const timer = window.setTimeout(
      () => setExpired(true),
      Math.max(0, Date.parse(link.expiresAt) - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [link]);

  // The server tells my connections when the other device has taken it.
  useEffect(() => {
    const socket = session.provider.socket;
    const onTaken = () => setTaken(true);
    socket.on('device-link:taken', onTaken);
    return () => {
      socket.off('device-link:taken', onTaken);
    };
  }, [session.provider]);

  const shown = link && !expired && !taken ? link : null;
  return (
    <Modal title={t.app.deviceLinkTitle} onClose={onClose}>
      <div className="wk-invite wk-device-link">
        <p>{t.app.deviceLinkText(session.me.name)}</p>
        {shown && (
          <>
            <QrCode
              text={shown.link}
              label={t.app.deviceLinkQr}
              failedText={t.workshop.inviteQrFailed}
            />
            <label>
              {t.app.deviceLinkField}
              <span className="wk-invite-link">
                <input
                  readOnly
                  value={shown.link}
                  onFocus={(event) => event.currentTarget.select()}
                />
                <CopyButton text={shown.link} label={t.app.deviceLinkCopy} />
              </span>
            </label>
            <p className="wk-muted">
              {t.app.deviceLinkUntil(format.time(shown.expiresAt))} {t.app.deviceLinkPrivate}
            </p>
          </>
        )}
        {taken && <p role="status">{t.app.deviceLinkTaken}</p>}
        {expired && !taken && <p role="status">{t.app.deviceLinkExpired}</p>}
        {failure && (
          <p className="wk-error" role="alert">
            {errorSentence(t, failure)}
          </p>
        )}
        {(expired || taken || failure || shown) && (
          <button
            type="button"
            className={shown ? 'wk-small' : 'wk-primary'}
            aria-disabled={busy}
            onClick={() => make()}
          >
            {t.app.deviceLinkNew}
          </button>
        )}
        <MyDevices asked={taken} />
      </div>
    </Modal>
  );
}
