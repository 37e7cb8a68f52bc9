/**
 * A facilitator takes someone off the board: who joined with a link that reached the wrong
 * people, or whose device is lost. The list (everyone who has joined, read when it is opened)
 * says who is here now; taking someone off closes their connections on the server at once.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ListMembersResponse, PublicMember } from '../../../shared/api.ts';
import { useLiveMessage } from '../app/use-live-message.ts';
import { useBoardSession } from '../board/board-session.ts';
import { usePresence } from '../board/use-presence.ts';
import { useT } from '../i18n/i18n.tsx';
import { Confirm } from './Modal.tsx';
import { useBusy } from './use-busy.ts';
import { useWorkshopStore } from './use-workshop.ts';

export function BoardMembers() {
  const t = useT();
  const session = useBoardSession();
  const store = useWorkshopStore();
  // Who is here now, as the header's list knows it: it changes as people come and go, not on
  // every cursor move.
  const people = usePresence(session.awareness);
  const presentKey = people.map((person) => person.member.id).join(' ');
  const present = useMemo(() => new Set(presentKey.split(' ')), [presentKey]);
  const [open, setOpen] = useState(false);
  const [members, setMembers] = useState<PublicMember[] | null>(null);
  const [asking, setAsking] = useState<PublicMember | null>(null);
  const [erase, setErase] = useState(false);
  const [removed, say] = useLiveMessage();
  const [busy, run] = useBusy();
  const [reads, setReads] = useState(0);
  // The Remove pressed goes with its row once the list is read again: the focus then waits on
  // the list's summary (QA: it fell to the page).
  const summary = useRef<HTMLElement>(null);
  const focusSummary = useRef(false);
  useEffect(() => {
    if (!focusSummary.current || !members) return;
    focusSummary.current = false;
    summary.current?.focus();
  }, [members]);

  // Read again as people come and go (a newcomer; someone another facilitator took off) and
  // after each removal asked for, done or not (QA: the list went stale).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reads` and `presentKey` ask again.
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    session
      .api<ListMembersResponse>('/members')
      .then((data) => !cancelled && setMembers(data.members))
      .catch(() => !cancelled && setMembers((known) => known ?? []));
    return () => {
      cancelled = true;
    };
  }, [open, session, reads, presentKey]);

  const role = (member: PublicMember) => t.app.roles[member.role].toLowerCase();
  return (
    <section className="wk-section" aria-labelledby="wk-members-h">
      <h3 id="wk-members-h">{t.workshop.membersSection}</h3>
      <p className="wk-muted">{t.workshop.membersHint}</p>
      <p className="wk-muted wk-live" role="status">
        {removed}
      </p>
      <details onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary ref={summary}>
          {t.workshop.everyoneJoined}
          {members ? ` (${members.length})` : ''}
        </summary>
        <ul className="wk-members" data-testid="board-members">
          {(members ?? []).map((member) => (
            <li key={member.id}>
              <span>
                <bdi>{member.name}</bdi>{' '}
                <span className="wk-muted">
                  {[
                    t.app.roles[member.role],
                    member.id === session.me.id ? t.workshop.memberYou : null,
                    present.has(member.id) ? t.workshop.memberHere : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </span>
              {member.id !== session.me.id && (
                <button
                  type="button"
                  className="wk-small wk-danger"
                  aria-label={t.workshop.removeMemberNamed(member.name)}
                  onClick={() => {
                    setErase(false);
                    setAsking(member);
                  }}
                >
                  {t.workshop.removeMember}
                </button>
              )}
            </li>
          ))}
        </ul>
      </details>
      {asking && (
        <Confirm
          title={t.workshop.confirmRemoveMemberTitle(asking.name)}
          answer={t.workshop.removeMemberAnswer}
          busy={busy}
          onAnswer={() =>
            run(async () => {
              const done = await store.removeMember(asking.id, erase);
              if (done) {
                say(
                  erase
                    ? t.workshop.memberErased(asking.name)
                    : t.workshop.memberRemoved(asking.name),
                );
              }
              focusSummary.current = done;
              setReads((n) => n + 1);
              setAsking(null);
            })
          }
          onClose={() => setAsking(null)}
        >
          <p>{t.workshop.confirmRemoveMember(asking.name, role(asking))}</p>
          <label className="wk-check">
            <input
              type="checkbox"
              checked={erase}
              onChange={(event) => setErase(event.currentTarget.checked)}
              aria-describedby="wk-erase-hint"
            />{' '}
            {t.workshop.eraseMemberName}
          </label>
          <p id="wk-erase-hint" className="wk-muted">
            {t.workshop.eraseMemberNameHint}
          </p>
        </Confirm>
      )}
    </section>
  );
}
