/**
 * The board page's top bar: title and role, view toggle, who is here, connection, language,
 * and a facilitator's Invite people (the links and the QR code to show the room).
 */
import { Suspense, useEffect, useRef, useState } from 'react';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { useT } from '../i18n/i18n.tsx';
import { useBoardTitle } from '../workshop/use-board-title.ts';
import type { BoardSession, ConnectionStatus } from './board-session.ts';
import { ConnectionPill } from './ConnectionIndicator.tsx';
import { DeviceLinkDialog, InviteDialog, LeaveDevice } from './lazy-parts.tsx';
import { PresenceList } from './PresenceList.tsx';
import type { PresentMember } from './use-presence.ts';
import type { ViewportRequests } from './use-viewport-requests.ts';

export type BoardView = 'canvas' | 'outline';

interface BoardHeaderProps {
  session: BoardSession;
  status: ConnectionStatus;
  people: PresentMember[];
  viewport: ViewportRequests;
  view: BoardView;
  onView: (view: BoardView) => void;
  panelsOpen: boolean;
  onTogglePanels: () => void;
}

export function BoardHeader(props: BoardHeaderProps) {
  const { session, status, people, viewport, view, onView, panelsOpen, onTogglePanels } = props;
  const t = useT();
  const boardTitle = useBoardTitle(session);
  const { head, tail } = titleParts(boardTitle);
  // Joining replaced the form the focus was in: the board's name takes it, so a screen reader
  // says where I am rather than nothing (QA), and Tab goes on from the top of the board.
  const title = useRef<HTMLHeadingElement>(null);
  const [leaving, setLeaving] = useState(false);
  const [linkingDevice, setLinkingDevice] = useState(false);
  const [inviting, setInviting] = useState(false);
  useEffect(() => {
    if (document.activeElement === document.body) title.current?.focus();
  }, []);
  const views: Array<[BoardView, string]> = [
    ['canvas', t.app.viewCanvas],
    ['outline', t.app.viewOutline],
  ];
  return (
    <header className="board-header">
      <div className="board-header-start">
        <a className="brand-mark" href="/" title={t.app.productName}>
          <span className="visually-hidden">{t.app.productName}</span>
        </a>
        <h1
          ref={title}
          tabIndex={-1}
          data-focus-landing
          className={tail ? 'board-title board-title-split' : 'board-title'}
          title={boardTitle}
          data-testid="board-title"
        >
          {tail ? (
            <>
              <span className="board-title-head">{head}</span>
              <span className="board-title-tail">{tail}</span>
            </>
          ) : (
            boardTitle
          )}
        </h1>
        <span className={`role-badge role-${session.me.role}`} data-testid="my-role">
          {t.app.roles[session.me.role]}
        </span>
      </div>
      <fieldset className="segmented view-toggle">
        <legend className="visually-hidden">{t.app.viewToggle}</legend>
        {views.map(([option, label]) => (
          <button
            key={option}
            type="button"
            aria-pressed={view === option}
            data-view={option}
            onClick={() => onView(option)}
          >
            {label}
          </button>
        ))}
      </fieldset>
      <div className="board-header-end">
        <PresenceList
          people={people}
          following={viewport.following}
          onFollow={viewport.follow}
          onStopFollowing={viewport.stopFollowing}
          onLeave={() => setLeaving(true)}
          onDeviceLink={() => setLinkingDevice(true)}
        />
        {leaving && (
          <Suspense fallback={null}>
            <LeaveDevice onClose={() => setLeaving(false)} />
          </Suspense>
        )}
        {linkingDevice && (
          <Suspense fallback={null}>
            <DeviceLinkDialog onClose={() => setLinkingDevice(false)} />
          </Suspense>
        )}
        <ConnectionPill status={status} />
        <LanguageSwitch />
        {session.me.role === 'facilitator' && (
          <button
            type="button"
            className="button button-secondary button-small invite-toggle"
            // A phone shows the first word only (board.css), so the name is the whole phrase.
            aria-label={t.app.invite}
            onClick={() => setInviting(true)}
          >
            <span className="invite-long">{t.app.invite}</span>
            <span className="invite-short">{t.app.inviteShort}</span>
          </button>
        )}
        {inviting && (
          <Suspense fallback={null}>
            <InviteDialog onClose={() => setInviting(false)} />
          </Suspense>
        )}
        <button
          type="button"
          className="button button-secondary button-small panels-toggle"
          aria-pressed={panelsOpen}
          // Named by its visible word (speech control users say what they see); pressed tells
          // whether the panels show, and the title what a press does.
          title={panelsOpen ? t.app.hidePanels : t.app.showPanels}
          onClick={onTogglePanels}
        >
          {t.app.panels}
        </button>
      </div>
    </header>
  );
}

/** The longest end after " · " kept whole when the title is cut: "· Team 12", "· Asiakaspalvelu". */
const MAX_TAIL = 24;

/**
 * A title cut where the header is narrow keeps its end after the last " · " whole: team boards
 * made together differ only there ("Kehittämispäivä 2026 · Tiimi 3"), and a phone showed
 * "Kehittämispäivä 20…" on every team's board (QA). No tail where there is none, or a long one.
 */
function titleParts(title: string): { head: string; tail: string } {
  const at = title.lastIndexOf(' · ');
  const tail = at > 0 ? title.slice(at) : '';
  return tail.length > 3 && tail.length <= MAX_TAIL
    ? { head: title.slice(0, at), tail }
    : { head: title, tail: '' };
}
