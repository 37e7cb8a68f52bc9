/**
 * A facilitator makes a new link for a role. A board's links are shown once, when it is made
 * (the server keeps only a fingerprint of each key), so a lost link, or one that reached the
 * wrong people, needs a new one. The role's old link stops opening the board; everyone who
 * joined with it stays. The new link is shown here to copy; a participant or viewer link is
 * also kept in this browser for Invite people (invite-links.ts), a facilitator link never.
 */
import { useEffect, useRef, useState } from 'react';
import type { NewKeyResponse } from '../../../shared/api.ts';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { CopyButton } from '../app/CopyButton.tsx';
import { isInviteRole } from '../app/invite-links.ts';
import { useT } from '../i18n/i18n.tsx';
import { Confirm } from './Modal.tsx';
import { useBusy } from './use-busy.ts';
import { useWorkshopStore } from './use-workshop.ts';

export function RoleLinks() {
  const t = useT();
  const store = useWorkshopStore();
  const [asking, setAsking] = useState<Role | null>(null);
  const [made, setMade] = useState<NewKeyResponse | null>(null);
  const [busy, run] = useBusy();
  const roleName = (role: Role) => t.app.roles[role].toLowerCase();
  // The new link takes the focus, selected, where the dialog's button had it: in sight and
  // ready to copy (the panel may be scrolled far up from here).
  const shown = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!made) return;
    shown.current?.select();
    shown.current?.scrollIntoView({ block: 'center' });
  }, [made]);
  const close = () => setAsking(null);
  return (
    <section className="wk-section" aria-labelledby="wk-links-h">
      <h3 id="wk-links-h">{t.workshop.linksSection}</h3>
      <p className="wk-muted">{t.workshop.linksHint}</p>
      <div className="wk-row">
        {ROLES.map((role) => (
          <button key={role} type="button" className="wk-small" onClick={() => setAsking(role)}>
            {t.workshop.newLinkFor(roleName(role))}
          </button>
        ))}
      </div>
      {made && (
        <div className="wk-new-link" data-testid="new-link">
          <label>
            {t.workshop.newLinkMade(roleName(made.role), isInviteRole(made.role))}
            <input
              ref={shown}
              readOnly
              value={made.link}
              onFocus={(event) => event.currentTarget.select()}
            />
          </label>
          <CopyButton text={made.link} label={t.app.copyLink(t.app.roles[made.role])} />
        </div>
      )}
      {asking && (
        <Confirm
          title={t.workshop.confirmNewLinkTitle(roleName(asking))}
          answer={t.workshop.makeNewLink}
          busy={busy}
          onAnswer={() =>
            run(async () => {
              const answer = await store.admin.newLink(asking);
              if (answer) setMade(answer);
              close();
            })
          }
          onClose={close}
        >
          <p>{t.workshop.confirmNewLink(roleName(asking), isInviteRole(asking))}</p>
        </Confirm>
      )}
    </section>
  );
}
