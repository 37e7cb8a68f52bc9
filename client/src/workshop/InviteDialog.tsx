/**
 * "Invite people" (facilitators): the participant link as text and as a QR code to put on the
 * projected screen, and the viewer link. The server keeps only hashes of the keys, so the links
 * show where this browser kept them (it made the board, or a new link); elsewhere, or for a
 * link that someone has replaced since, the facilitator makes a new one here.
 */
import { useEffect, useRef, useState } from 'react';
import { apiRequest } from '../app/api.ts';
import { CopyButton } from '../app/CopyButton.tsx';
import {
  forgetInviteLinks,
  INVITE_ROLES,
  type InviteLinks,
  type InviteRole,
  loadInviteLinks,
  newRoleLink,
} from '../app/invite-links.ts';
import { keyFromHash } from '../app/membership.ts';
import { useBoardSession } from '../board/board-session.ts';
import { errorSentence, type Failure, failureOf } from '../i18n/error-sentence.ts';
import { useT } from '../i18n/i18n.tsx';
import { Confirm, Modal } from './Modal.tsx';
import { QrCode } from './QrCode.tsx';
import { useBusy } from './use-busy.ts';

export function InviteDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const session = useBoardSession();
  const boardId = session.board.id;
  const [links, setLinks] = useState<InviteLinks>(() => loadInviteLinks(boardId));
  // Roles whose kept link opens the board no more: another facilitator made a new one since.
  const [replaced, setReplaced] = useState<InviteRole[]>([]);
  const [asking, setAsking] = useState<InviteRole | null>(null);
  // A new object per new link: the second one of a role takes the focus too.
  const [made, setMade] = useState<{ role: InviteRole } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, run] = useBusy();
  const roleName = (role: InviteRole) => t.app.roles[role].toLowerCase();

  // A kept link is asked about once as the dialog opens: a code on the screen that the room
  // scans in vain would cost the workshop its first minutes.
  useEffect(() => {
    let current = true;
    for (const [role, link] of Object.entries(loadInviteLinks(boardId))) {
      const key = URL.canParse(link) ? keyFromHash(new URL(link).hash) : null;
      if (!key) continue;
      apiRequest(`/api/boards/${boardId}/invitation`, { body: { key } }).catch((error) => {
        if (!current || failureOf(error).code !== 'invalid_key') return;
        const gone = role as InviteRole;
        // Not a link made here meanwhile.
        if (loadInviteLinks(boardId)[gone] !== link) return;
        forgetInviteLinks(boardId, gone);
        setLinks((kept) => ({ ...kept, [gone]: undefined }));
        setReplaced((roles) => [...roles, gone]);
      });
    }
    return () => {
      current = false;
    };
  }, [boardId]);

  // A new link takes the focus, selected, ready to copy.
  const fields = useRef<Partial<Record<InviteRole, HTMLInputElement | null>>>({});
  useEffect(() => {
    if (made) fields.current[made.role]?.select();
  }, [made]);

  const makeNew = (role: InviteRole) =>
    run(async () => {
      try {
        const answer = await newRoleLink(session.api, boardId, role);
        setLinks((kept) => ({ ...kept, [role]: answer.link }));
        setReplaced((roles) => roles.filter((one) => one !== role));
        setFailure(null);
        setMade({ role });
      } catch (error) {
        setFailure(failureOf(error));
      } finally {
        setAsking(null);
      }
    });

  // The question is the dialog's sibling, not its child: React passes a dialog's `cancel`
  // (Escape) up its own tree, which would close this one too.
  return (
    <>
      <Modal title={t.app.invite} onClose={onClose}>
        <div className="wk-invite">
          {links.participant && <p className="wk-muted">{t.workshop.inviteHint}</p>}
          {INVITE_ROLES.map((role) => {
            const link = links[role];
            return (
              <section key={role} className="wk-invite-role" data-role={role}>
                {link ? (
                  <>
                    {role === 'participant' && (
                      <QrCode
                        text={link}
                        label={t.workshop.inviteQr}
                        failedText={t.workshop.inviteQrFailed}
                      />
                    )}
                    <label>
                      {t.app.linkFor(t.app.roles[role])}
                      <span className="wk-invite-link">
                        <input
                          ref={(input) => {
                            fields.current[role] = input;
                          }}
                          readOnly
                          value={link}
                          onFocus={(event) => event.currentTarget.select()}
                        />
                        <CopyButton text={link} label={t.app.copyLink(t.app.roles[role])} />
                      </span>
                    </label>
                    {role === 'viewer' && <p className="wk-muted">{t.app.roleLinkHints.viewer}</p>}
                  </>
                ) : replaced.includes(role) ? (
                  <p>{t.workshop.inviteLinkReplaced(roleName(role))}</p>
                ) : (
                  // Said once, for the link the dialog is for; the viewer's button says enough.
                  role === 'participant' && <p>{t.workshop.inviteLinkNotHere(roleName(role))}</p>
                )}
                <button
                  type="button"
                  className={!link && role === 'participant' ? 'wk-primary' : 'wk-small'}
                  onClick={() => setAsking(role)}
                >
                  {t.workshop.makeNewRoleLink(roleName(role))}
                </button>
              </section>
            );
          })}
          {failure && (
            <p className="wk-error" role="alert">
              {errorSentence(t, failure)}
            </p>
          )}
        </div>
      </Modal>
      {asking && (
        <Confirm
          title={t.workshop.confirmNewLinkTitle(roleName(asking))}
          answer={t.workshop.makeNewLink}
          busy={busy}
          onAnswer={() => makeNew(asking)}
          onClose={() => setAsking(null)}
        >
          {/* A participant or viewer link: this browser keeps the new one (invite-links.ts). */}
          <p>{t.workshop.confirmNewLink(roleName(asking), true)}</p>
        </Confirm>
      )}
    </>
  );
}
