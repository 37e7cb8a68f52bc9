/**
 * "On another device…" (anyone, from their own row of the people list): a link, and its QR code
 * for a phone's camera, that opens the board as me on the other device, so the phone is not a
 * second member with votes of its own. The server makes it as the dialog opens; it works once,
 * for ten minutes (server/boards/handovers.ts), and the dialog says until when.
 */
import { useCallback, useEffect, useState } from 'react';
import type { HandoverResponse } from '../../../shared/api.ts';
import { CopyButton } from '../app/CopyButton.tsx';
import { useBoardSession } from '../board/board-session.ts';
import { errorSentence, type Failure, failureOf } from '../i18n/error-sentence.ts';
import { useT } from '../i18n/i18n.tsx';
import { useDateFormat } from './format.ts';
import { Modal } from './Modal.tsx';
import { QrCode } from './QrCode.tsx';
import { useBusy } from './use-busy.ts';

export function HandoverDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const format = useDateFormat();
  const session = useBoardSession();
  const [handover, setHandover] = useState<HandoverResponse | null>(null);
  const [expired, setExpired] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, run] = useBusy();

  const make = useCallback(
    () =>
      run(async () => {
        try {
          const made = await session.api<HandoverResponse>('/handovers', { method: 'POST' });
          setHandover(made);
          setExpired(false);
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
    if (!handover) return;
    const timer = window.setTimeout(
      () => setExpired(true),
      Math.max(0, Date.parse(handover.expiresAt) - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [handover]);

  const shown = handover && !expired ? handover : null;
  return (
    <Modal title={t.app.handoverTitle} onClose={onClose}>
      <div className="wk-invite wk-handover">
        <p>{t.app.handoverText(session.me.name)}</p>
        {shown && (
          <>
            <QrCode
              text={shown.link}
              label={t.app.handoverQr}
              failedText={t.workshop.inviteQrFailed}
            />
            <label>
              {t.app.handoverLink}
              <span className="wk-invite-link">
                <input
                  readOnly
                  value={shown.link}
                  onFocus={(event) => event.currentTarget.select()}
                />
                <CopyButton text={shown.link} label={t.app.handoverCopy} />
              </span>
            </label>
            <p className="wk-muted">
              {t.app.handoverUntil(format.time(shown.expiresAt))} {t.app.handoverPrivate}
            </p>
          </>
        )}
        {expired && <p role="status">{t.app.handoverExpired}</p>}
        {failure && (
          <p className="wk-error" role="alert">
            {errorSentence(t, failure)}
          </p>
        )}
        {(expired || failure || shown) && (
          <button
            type="button"
            className={shown ? 'wk-small' : 'wk-primary'}
            aria-disabled={busy}
            onClick={() => make()}
          >
            {t.app.handoverNew}
          </button>
        )}
      </div>
    </Modal>
  );
}
