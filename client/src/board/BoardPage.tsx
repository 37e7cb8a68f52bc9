/**
 * The board page: opens the live connection, provides the BoardSession to everything below
 * it, and frames the canvas (or the outline) with the header, banners and side panels.
 */
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Board, PublicMember } from '../../../shared/api.ts';
import type { BoardState } from '../../../shared/facilitation.ts';
import { BoardError } from '../app/BoardError.tsx';
import { forgetMembership, keepBoardTitle } from '../app/membership.ts';
import { PageLoading } from '../app/PageLoading.tsx';
import { PartBoundary } from '../app/PartBoundary.tsx';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import type { ItemOverlayRenderer } from '../canvas/canvas-context.ts';
import { errorSentence } from '../i18n/error-sentence.ts';
import { useT } from '../i18n/i18n.tsx';
import type { BoardCopy } from '../sync/board-copy.ts';
import type { CarriedEdits } from '../sync/unsent-edits.ts';
import { useDateFormat } from '../workshop/format.ts';
import { ItemOverlay } from '../workshop/ItemOverlay.tsx';
import { useBoardState } from '../workshop/use-board-state.ts';
import { useBoardTitle } from '../workshop/use-board-title.ts';
import { usePrivateDoc } from '../workshop/use-private-doc.ts';
import { WorkshopBanner } from '../workshop/WorkshopBanner.tsx';
import { BoardHeader, type BoardView } from './BoardHeader.tsx';
import { type BoardSession, BoardSessionContext, type ConnectionStatus } from './board-session.ts';
import { ConnectionBanner } from './ConnectionIndicator.tsx';
import { LastVisitContext, useVisit } from './last-visit.ts';
import { OutlineView, preloadBoardParts, WorkshopPanels } from './lazy-parts.tsx';
import { PanelsOpenContext } from './panels-context.ts';
import { StatusWords } from './StatusWords.tsx';
import { useSettledNotes } from './settle-notes.ts';
import { useBoardConnection } from './use-board-connection.ts';
import { usePresence } from './use-presence.ts';
import { useServerUpdated } from './use-server-update.ts';
import { useViewportRequests } from './use-viewport-requests.ts';
import { writeAccess } from './write-access.ts';

export function BoardPage({
  board,
  me,
  token,
  copy,
}: {
  board: Board;
  me: PublicMember;
  token: string;
  /** The board as this browser last had it, where the server could not be reached. */
  copy?: BoardCopy;
}) {
  const t = useT();
  const { session, status, fatalError, lostEdits, carried } = useBoardConnection(
    board,
    me,
    token,
    copy,
  );
  const tooLarge = fatalError?.code === 'payload_too_large';
  // Kept, where a facilitator took the member off or deleted the board: a reload then says so
  // again, instead of asking for a link (a link opened anew still asks for a name and joins,
  // or says the board is deleted).
  const forgets =
    fatalError !== null &&
    !tooLarge &&
    fatalError.code !== 'member_removed' &&
    fatalError.code !== 'board_deleted';
  useEffect(() => {
    // The server no longer accepts this membership: the board link will ask for a name again.
    if (forgets) forgetMembership(board.id, token);
  }, [forgets, board.id, token]);
  if (tooLarge) return <ChangeTooLarge />;
  if (fatalError) {
    const said = errorSentence(t, fatalError);
    return <BoardError message={lostEdits ? `${said} ${t.app.editsLost}` : said} />;
  }
  if (!session) return <PageLoading />;
  return (
    <BoardSessionContext.Provider value={session}>
      <BoardWorkspace session={session} status={status} carried={carried} />
    </BoardSessionContext.Provider>
  );
}

/** A change too large to send stops this page only: a reload carries on without it. */
function ChangeTooLarge() {
  const t = useT();
  return <BoardError message={t.app.changeTooLarge} onRetry={() => window.location.reload()} />;
}

/**
 * When the copy of the board this page shows was kept, in words, until the board has arrived
 * from the server (null then, and where the server sent it).
 */
function useCopyShown(session: BoardSession, status: ConnectionStatus): string | null {
  const { soon } = useDateFormat();
  const [arrived, setArrived] = useState(false);
  useEffect(() => {
    if (status === 'connected') setArrived(true);
  }, [status]);
  const keptAt = session.copy?.keptAt;
  if (keptAt === undefined || arrived) return null;
  return soon(new Date(keptAt).toISOString());
}

const wideScreen = () => window.matchMedia?.('(min-width: 1100px)').matches ?? true;

/**
 * Whether the board state (lock, silent writing, phase, timer) is here, or no longer worth
 * waiting for. The canvas waits for it, so that its first fit measures the room the status row
 * leaves it: a row that appears after the fit shrinks the canvas and moves the board under it.
 * The server sends the state before any of the board's content, so the wait shows nothing less.
 */
function useBoardStateKnown(state: BoardState | null, fromCopy: boolean): boolean {
  // Opened from the copy this browser kept, the server cannot be reached: nothing will come.
  const [gaveUp, setGaveUp] = useState(fromCopy);
  useEffect(() => {
    const timer = setTimeout(() => setGaveUp(true), 2000);
    return () => clearTimeout(timer);
  }, []);
  return state !== null || gaveUp;
}

function BoardWorkspace({
  session,
  status,
  carried,
}: {
  session: BoardSession;
  status: ConnectionStatus;
  carried: CarriedEdits | null;
}) {
  const t = useT();
  const state = useBoardState(session);
  const {
    doc: privateDoc,
    tooLarge,
    carried: carriedPrivate,
  } = usePrivateDoc(session, state?.silentWriting);
  // Edits kept from an earlier visit, the board's and my private notes': on their way while
  // either is, then saved.
  const carriedNow =
    carried === 'sending' || carriedPrivate === 'sending' ? 'sending' : (carried ?? carriedPrivate);
  const people = usePresence(session.awareness);
  const [view, setView] = useState<BoardView>('canvas');
  const viewport = useViewportRequests(session, view === 'outline');
  const updated = useServerUpdated(session.provider);
  const [panelsOpen, setPanelsOpen] = useState(wideScreen);
  const stateKnown = useBoardStateKnown(state, session.copy !== undefined);
  const copyShown = useCopyShown(session, status);
  // Opened from the copy, the panels wait for the connection: lock and silent writing, as the
  // copy has them, are told over the board meanwhile.
  const workshopInPanels = panelsOpen && !copyShown;
  const newSince = useVisit(session.board.id);

  const role = session.me.role;
  // As in the outline: while silent writing runs, new notes go to a private document, and the
  // server refuses a participant's every change to the shared board until the reveal.
  const access = writeAccess(role, state, privateDoc !== null);
  const readOnly = access.sharedReadOnly;
  // Whichever view added it: a note of mine that landed on another's spot goes aside.
  useSettledNotes(session.doc, !readOnly);
  const { following, stopFollowing } = viewport;
  // Any touch of the board of my own ends following: I want to look somewhere myself.
  const interrupt = useCallback(() => {
    if (following) stopFollowing();
  }, [following, stopFollowing]);
  // Following means nothing in the outline, and a canvas mounted again must not jump back to
  // a place someone asked for long ago.
  const changeView = useCallback(
    (next: BoardView) => {
      viewport.stopFollowing();
      viewport.clearRequest();
      viewport.dismissSummoned();
      setView(next);
    },
    [viewport.stopFollowing, viewport.clearRequest, viewport.dismissSummoned],
  );
  // Brought to a facilitator's view while reading the outline: the board, shown at that view.
  const showSummoned = useCallback(() => {
    viewport.dismissSummoned();
    setView('canvas');
  }, [viewport.dismissSummoned]);
  const overlay = useCallback<ItemOverlayRenderer>(
    (id, engaged) => <ItemOverlay itemId={id} engaged={engaged} />,
    [],
  );
  // Below 1100 px the panels float over the board as a drawer (board.css): Escape closes it, from
  // inside it or from its toggle, and the keyboard goes back to the toggle.
  useEffect(() => {
    if (!panelsOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || wideScreen()) return;
      if (document.querySelector('dialog[open]')) return;
      const toggle = document.querySelector<HTMLElement>('.panels-toggle');
      const active = document.activeElement;
      if (!active || !(active === toggle || active.closest('.board-side'))) return;
      setPanelsOpen(false);
      toggle?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [panelsOpen]);
  useEffect(preloadBoardParts, []);
  const panelsRef = useRef<HTMLElement>(null);
  const skipToPanels = () => {
    const panels = panelsRef.current;
    panels?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    if (panels && !panels.contains(document.activeElement)) panels.focus();
  };
  const title = useBoardTitle(session);
  useEffect(() => {
    document.title = `${title} · ${t.app.productName}`;
  }, [title, t]);
  useEffect(() => keepBoardTitle(session.board.id, title), [session.board.id, title]);

  if (tooLarge) return <ChangeTooLarge />;
  return (
    <LastVisitContext.Provider value={newSince}>
      <PanelsOpenContext.Provider value={workshopInPanels}>
        <div className="board-page" data-role={role} data-readonly={readOnly}>
          {/* From the top of the page, the canvas's items stand between a keyboard and the
            panels: one Tab and Enter skips them, to the panels' open tab. */}
          {panelsOpen && (
            <button type="button" className="button skip-link" onClick={skipToPanels}>
              {t.app.skipToPanels}
            </button>
          )}
          <BoardHeader
            session={session}
            status={status}
            people={people}
            viewport={viewport}
            view={view}
            onView={changeView}
            panelsOpen={panelsOpen}
            onTogglePanels={() => setPanelsOpen((open) => !open)}
          />
          <div className="board-body">
            <main className="board-main" aria-label={title}>
              {/* The status row: what lasts (read-only; the workshop banner while the panels are
              closed) and a lost connection take their own room above the board and cover none
              of it: the canvas, and its first fit, start below. Lock and silent writing are the
              workshop banner's to tell, in whichever copy is in sight (panels-context.ts). */}
              <div className="board-status">
                <ConnectionBanner status={status} />
                {copyShown && (
                  <div className="banner banner-info" role="status" data-testid="copy-banner">
                    <StatusWords
                      words={t.app.copyShown(copyShown)}
                      brief={t.app.copyShownBrief(copyShown)}
                    />
                  </div>
                )}
                {role === 'viewer' && (
                  <div className="banner banner-info" data-testid="readonly-banner">
                    {t.app.readOnlyBanner}
                  </div>
                )}
                {view === 'canvas' && !workshopInPanels && <WorkshopBanner placement="canvas" />}
              </div>
              {/* Following, being brought here and a new version float over the canvas; above
              the outline they take their room. */}
              <div className={view === 'outline' ? 'banners banners-inflow' : 'banners'}>
                {/* Edits this browser kept from an earlier visit (offline, then closed): on
                  their way, then saved; a note written on the train now shows to everyone. */}
                {carriedNow && (
                  <div className="banner banner-info" role="status" data-testid="carried-banner">
                    {t.app.carriedEdits[carriedNow]}
                  </div>
                )}
                {updated && (
                  <div className="banner banner-info" role="status" data-testid="update-banner">
                    <span>{t.app.updatedBanner}</span>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => window.location.reload()}
                    >
                      {t.app.reload}
                    </button>
                  </div>
                )}
                {following && (
                  <div className="banner banner-follow" data-testid="following-banner">
                    <span>{t.app.followingBanner(following.name)}</span>
                    <button type="button" className="button button-small" onClick={stopFollowing}>
                      {t.app.stopFollowing}
                    </button>
                  </div>
                )}
                {viewport.summonedBy && (
                  <div className="banner banner-follow" role="status" data-testid="summoned-banner">
                    {view === 'outline' ? (
                      <>
                        <span>{t.app.summonedOutlineBanner(viewport.summonedBy)}</span>
                        <button
                          type="button"
                          className="button button-small"
                          onClick={showSummoned}
                        >
                          {t.app.showSummoned}
                        </button>
                      </>
                    ) : (
                      t.app.summonedBanner(viewport.summonedBy)
                    )}
                  </div>
                )}
              </div>
              {view === 'canvas' ? (
                <div
                  className="canvas-host"
                  onPointerDownCapture={interrupt}
                  onWheelCapture={interrupt}
                  onKeyDownCapture={interrupt}
                >
                  <PartBoundary>
                    {stateKnown && (
                      <BoardCanvas
                        doc={session.doc}
                        awareness={session.awareness}
                        me={session.me}
                        access={access}
                        viewportRequest={viewport.request}
                        privateDoc={privateDoc}
                        itemOverlay={overlay}
                      />
                    )}
                  </PartBoundary>
                </div>
              ) : (
                <div className="outline-host">
                  <PartBoundary>
                    <Suspense fallback={<PageLoading />}>
                      <OutlineView />
                    </Suspense>
                  </PartBoundary>
                </div>
              )}
            </main>
            <aside
              ref={panelsRef}
              tabIndex={-1}
              className="board-side"
              aria-label={t.app.panels}
              hidden={!panelsOpen}
              data-testid="side-panels"
            >
              {/* Opened from the copy this browser kept: rounds, follow-ups and versions are the
                server's to tell, and "no round is open" would say what nobody knows. */}
              {copyShown ? (
                <p className="muted panels-wait" data-testid="panels-wait">
                  {t.app.panelsWaitForConnection}
                </p>
              ) : (
                <PartBoundary>
                  <Suspense fallback={<span className="muted">{t.app.loading}</span>}>
                    <WorkshopPanels />
                  </Suspense>
                </PartBoundary>
              )}
            </aside>
          </div>
        </div>
      </PanelsOpenContext.Provider>
    </LastVisitContext.Provider>
  );
}
