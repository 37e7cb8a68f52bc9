/**
 * A facilitator takes someone off the board: who joined with a link that reached the wrong
 * people, or whose device is lost. The list (everyone who has joined, read when it is opened)
 * says who is here now; taking someone off closes their connections on the server at once.
 * Those taken off are listed apart, for a name to be erased when the person asks later.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  ERASED_MEMBER_NAME,
  type ListedMember,
  type ListMembersResponse,
  type PublicMember,
} from '../../../shared/api.ts';
import { useLiveMessage } from '../app/use-live-message.ts';
import { useBoardSession } from '../board/board-session.ts';
import { usePresence } from '../board/use-presence.ts';
import { useT } from '../i18n/i18n.tsx';
import { useDateFormat } from './format.ts';
import { Confirm } from './Modal.tsx';
import { useBusy } from './use-busy.ts';
import { useWorkshopStore } from './use-workshop.ts';

const ERASED_NAMES = new Set(Object.values(ERASED_MEMBER_NAME));

/** Whom the dialog asks about, and whether they are on the board still or were taken off. */
interface Asking {
  member: PublicMember;
  takenOff: boolean;
}

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
  const [members, setMembers] = useState<ListedMember[] | null>(null);
  const [takenOff, setTakenOff] = useState<ListedMember[]>([]);
  const formatDate = useDateFormat();
  // A name listed more than once (a person who joined from another device) says when each
  // joined: the rows were otherwise alike, and the facilitator could not tell which to take off.
  const shared = useMemo(() => {
    const seen = new Set<string>();
    const twice = new Set<string>();
    for (const { name } of members ?? []) (seen.has(name) ? twice : seen).add(name);
    return twice;
  }, [members]);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [erase, setErase] = useState(false);
  const [removed, say] = useLiveMessage();
  const [busy, run] = useBusy();
  const [reads, setReads] = useState(0);
  // The Remove pressed goes with its row once the list is read again (an Erase name with the
  // button): the focus then waits on its list's summary (QA: it fell to the page).
  const summary = useRef<HTMLElement>(null);
  const takenOffSummary = useRef<HTMLElement>(null);
  const focusSummary = useRef<'members' | 'takenOff' | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: after either list is read again.
  useEffect(() => {
    if (!focusSummary.current || !members) return;
    const which = focusSummary.current === 'members' ? summary : takenOffSummary;
    focusSummary.current = null;
    which.current?.focus();
  }, [members, takenOff]);

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
    session
      .api<ListMembersResponse>('/members?removed=true')
      .then((data) => !cancelled && setTakenOff(data.members))
      .catch(() => {
        // Without it, the list of those on the board still serves.
      });
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
                    shared.has(member.name)
                      ? t.workshop.memberJoined(formatDate.soon(member.joinedAt))
                      : null,
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
                    setAsking({ member, takenOff: false });
                  }}
                >
                  {t.workshop.removeMember}
                </button>
              )}
            </li>
          ))}
        </ul>
      </details>
      {open && takenOff.length > 0 && (
        <details>
          <summary ref={takenOffSummary}>{t.workshop.takenOff(takenOff.length)}</summary>
          <ul className="wk-members" data-testid="taken-off-members">
            {takenOff.map((member) => (
              <li key={member.id}>
                <span>
                  <bdi>{member.name}</bdi>{' '}
                  <span className="wk-muted">{t.app.roles[member.role]}</span>
                </span>
                {!ERASED_NAMES.has(member.name) && (
                  <button
                    type="button"
                    className="wk-small wk-danger"
                    aria-label={t.workshop.eraseNameOf(member.name)}
                    onClick={() => {
                      setErase(true);
                      setAsking({ member, takenOff: true });
                    }}
                  >
                    {t.workshop.eraseName}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {asking && (
        <Confirm
          title={
            asking.takenOff
              ? t.workshop.confirmEraseNameTitle(asking.member.name)
              : t.workshop.confirmRemoveMemberTitle(asking.member.name)
          }
          answer={asking.takenOff ? t.workshop.eraseName : t.workshop.removeMemberAnswer}
          busy={busy}
          onAnswer={() =>
            run(async () => {
              const { name, id } = asking.member;
              const done = await store.admin.removeMember(id, erase);
              if (done) {
                say(
                  asking.takenOff
                    ? t.workshop.nameErased(name)
                    : erase
                      ? t.workshop.memberErased(name)
                      : t.workshop.memberRemoved(name),
                );
              }
              if (done) focusSummary.current = asking.takenOff ? 'takenOff' : 'members';
              setReads((n) => n + 1);
              setAsking(null);
            })
          }
          onClose={() => setAsking(null)}
        >
          {asking.takenOff ? (
            <p>{t.workshop.eraseMemberNameHint}</p>
          ) : (
            <>
              <p>{t.workshop.confirmRemoveMember(asking.member.name, role(asking.member))}</p>
              <EraseCheckbox erase={erase} onErase={setErase} />
            </>
          )}
        </Confirm>
      )}
    </section>
  );
}

function EraseCheckbox({ erase, onErase }: { erase: boolean; onErase: (erase: boolean) => void }) {
  const t = useT();
  return (
    <>
      <label className="wk-check">
        <input
          type="checkbox"
          checked={erase}
          onChange={(event) => onErase(event.currentTarget.checked)}
          aria-describedby="wk-erase-hint"
        />{' '}
        {t.workshop.eraseMemberName}
      </label>
      <p id="wk-erase-hint" className="wk-muted">
        {t.workshop.eraseMemberNameHint}
      </p>
    </>
  );
}
