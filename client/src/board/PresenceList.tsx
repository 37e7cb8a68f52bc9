/** Who is here: avatars in the header, and a list with names, roles and "follow". */
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/i18n.tsx';
import type { PresentMember } from './use-presence.ts';
import type { Followed } from './use-viewport-requests.ts';

const MAX_AVATARS = 5;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first letter as a reader sees it: "Å" typed as A and a combining ring is one letter. */
function firstLetter(text: string): string {
  const [first] = graphemes.segment(text.normalize('NFC'));
  return first?.segment ?? '';
}

/**
 * One letter per end of the name, upper case ("ß" would become "SS": still one letter). A word
 * in brackets says something about the name, not a name ("Liisa (fasilitaattori)" is L, not
 * "L("; QA), and punctuation before a word is not its first letter.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const named = name
    .replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/^[\p{P}\p{S}]+(?=[\p{L}\p{N}])/u, ''));
  const parts = named.length > 0 ? named : words;
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => firstLetter(firstLetter(part ?? '').toUpperCase())).join('') || '?';
}

export function Avatar({ member }: { member: PresentMember['member'] }) {
  return (
    <span className="avatar" style={{ backgroundColor: member.color }} aria-hidden="true">
      {initials(member.name)}
    </span>
  );
}

interface PresenceListProps {
  people: PresentMember[];
  following: Followed | null;
  onFollow: (clientId: number) => void;
  onStopFollowing: () => void;
  /** Asks to leave the board on this device (my own row's button). */
  onLeave: () => void;
  /** Asks for a link that opens the board as me on another device (the list's foot). */
  onDeviceLink: () => void;
}

export function PresenceList({
  people,
  following,
  onFollow,
  onStopFollowing,
  onLeave,
  onDeviceLink,
}: PresenceListProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const popoverId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof PointerEvent && root.current?.contains(event.target as Node)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const shown = people.slice(0, MAX_AVATARS);
  return (
    <div className="presence" ref={root} data-testid="presence">
      <button
        type="button"
        className="presence-toggle"
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar-stack">
          {shown.map((person) => (
            <Avatar key={person.member.id} member={person.member} />
          ))}
          {people.length > shown.length && (
            <span className="avatar avatar-more" aria-hidden="true">
              +{people.length - shown.length}
            </span>
          )}
        </span>
        {/* A narrower screen hides the count beside the avatars (board.css): the button's name
          is this unseen copy, there at every width, not the one that comes and goes. */}
        <span className="presence-count" aria-hidden="true">
          {t.app.peopleCount(people.length)}
        </span>
        <span className="visually-hidden">{t.app.peopleCount(people.length)}</span>
      </button>
      <section className="popover presence-popover" id={popoverId} hidden={!open}>
        <h2 className="popover-title">{t.app.peopleHere}</h2>
        <ul className="presence-list">
          {people.map((person) => {
            const isFollowed = following?.clientId === person.clientId;
            return (
              <li key={person.member.id} className="presence-row" data-member-id={person.member.id}>
                <Avatar member={person.member} />
                <span className="presence-name">
                  <span className="presence-member-name">
                    <bdi>{person.member.name}</bdi>
                    {person.isMe && <span className="muted"> ({t.app.you})</span>}
                  </span>
                  <span className={`role-badge role-${person.member.role}`}>
                    {t.app.roles[person.member.role]}
                  </span>
                </span>
                {person.isMe && (
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    aria-label={t.app.leaveLabel}
                    title={t.app.leaveLabel}
                    onClick={() => {
                      setOpen(false);
                      onLeave();
                    }}
                  >
                    {t.app.leave}
                  </button>
                )}
                {!person.isMe && (
                  <button
                    type="button"
                    className={`button button-small ${isFollowed ? 'button-primary' : 'button-secondary'}`}
                    aria-pressed={isFollowed}
                    aria-label={
                      isFollowed ? t.app.stopFollowing : t.app.followPerson(person.member.name)
                    }
                    onClick={() => (isFollowed ? onStopFollowing() : onFollow(person.clientId))}
                  >
                    {isFollowed ? t.app.following : t.app.follow}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          className="button button-small button-secondary presence-device-link"
          aria-label={t.app.deviceLinkLabel}
          onClick={() => {
            setOpen(false);
            onDeviceLink();
          }}
        >
          {t.app.deviceLink}
        </button>
      </section>
    </div>
  );
}
