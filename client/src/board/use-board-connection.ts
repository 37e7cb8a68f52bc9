/**
 * Opens one member's live connection to a board (document, awareness, Socket.io provider)
 * for as long as the board page is mounted, and tracks how that connection is doing.
 */
import { useEffect, useState } from 'react';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Board, PublicMember } from '../../../shared/api.ts';
import type { ErrorBody } from '../../../shared/errors.ts';
import { boardApi } from '../app/api.ts';
import { type BoardCopy, forgetBoardCopy, keepCopyWhileSynced } from '../sync/board-copy.ts';
import { SocketIoProvider } from '../sync/socketio-provider.ts';
import { type CarriedEdits, guardUnsentEdits } from '../sync/unsent-edits.ts';
import type { BoardSession, ConnectionStatus } from './board-session.ts';
import { carriedNews } from './carried-news.ts';
import type { PresenceState } from './presence.ts';

export interface BoardConnection {
  session: BoardSession | null;
  status: ConnectionStatus;
  /** A refusal that reconnecting will not fix (bad token, board gone). */
  fatalError: ErrorBody | null;
  /** The page held edits the server never had when that refusal came: they are lost. */
  lostEdits: boolean;
  /**
   * Edits an earlier page in this browser left unsent (offline, then closed), as this page
   * sends them; `stored` for a while once the server has them, then null (carried-news.ts).
   */
  carried: CarriedEdits | null;
}

/**
 * How the page's live connections (the board's, and my private document's during silent
 * writing) connect: they ride out network blips and server restarts, and a proxy that takes a
 * WebSocket upgrade and never answers it holds an attempt for 8 s (Socket.io's default is 20)
 * before the provider turns to long-polling.
 */
export const LIVE_SOCKET = {
  reconnection: true,
  reconnectionDelay: 500,
  reconnectionDelayMax: 4000,
  timeout: 8000,
} as const;

/** Codes after which the server will keep refusing this page: stop and say so. */
const FATAL_CODES: ReadonlySet<string> = new Set([
  'invalid_token',
  'token_required',
  'board_not_found',
  'board_deleted',
  'member_removed',
  'device_signed_out',
  // A message of this page's over MAX_MESSAGE_BYTES: sent again on every reconnect, it would
  // be refused again, and every later edit would wait behind it.
  'payload_too_large',
]);

/**
 * `copy`, where the board was opened from the copy this browser kept (the server could not be
 * reached): the page shows it until the board arrives, and sends what it kept unsent at once.
 */
export function useBoardConnection(
  board: Board,
  me: PublicMember,
  token: string,
  copy?: BoardCopy,
): BoardConnection {
  const [session, setSession] = useState<BoardSession | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [fatalError, setFatalError] = useState<ErrorBody | null>(null);
  const [lostEdits, setLostEdits] = useState(false);
  const [carried, setCarried] = useState<CarriedEdits | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    // Before the provider listens: the copy is the server's, nothing of this page's to send.
    // One that does not apply (damaged in the browser's storage) is no copy: the board comes
    // when the connection does.
    let shown = copy;
    if (copy) {
      try {
        Y.applyUpdate(doc, copy.state);
      } catch {
        shown = undefined;
        void forgetBoardCopy(board.id);
      }
    }
    const awareness = new Awareness(doc);
    const member: PresenceState['member'] = {
      id: me.id,
      name: me.name,
      color: me.color,
      role: me.role,
    };
    awareness.setLocalStateField('member', member);
    const provider = new SocketIoProvider(window.location.origin, board.id, doc, {
      token,
      awareness,
      socket: LIVE_SOCKET,
    });
    const socket = provider.socket;
    const manager = socket.io;
    const news = carriedNews(setCarried);
    const guard = guardUnsentEdits(
      provider,
      { boardId: board.id, memberId: me.id, channel: 'yjs' },
      news.tell,
      { restoreAtOnce: shown !== undefined },
    );
    const stopKeeping = keepCopyWhileSynced(provider, board);
    const offlineOr = (status: ConnectionStatus): ConnectionStatus =>
      navigator.onLine === false ? 'offline' : status;

    // Live once the board has arrived, not when the socket opens: on a slow link a big board
    // takes seconds to come, and "Live" over an empty board said otherwise (QA).
    const onSynced = (synced: boolean) => {
      if (synced) setStatus('connected');
    };
    const onDisconnect = (reason: string) => {
      if (reason === 'io client disconnect') return;
      setStatus(offlineOr('reconnecting'));
    };
    const onAttempt = () => setStatus(offlineOr('reconnecting'));
    const onFailed = () => setStatus('offline');
    const onBoardError = (error: ErrorBody) => {
      if (!FATAL_CODES.has(error.code)) return;
      // What this page holds unsent can never be sent now: leaving it asks nothing, and the
      // page says it is lost, rather than nothing (QA: a note written offline went silently).
      setLostEdits(guard.pending());
      guard.discard();
      // The server no longer shows this browser the board: nor does the copy.
      stopKeeping();
      if (error.code !== 'payload_too_large') void forgetBoardCopy(board.id);
      setFatalError(error);
      setStatus('offline');
    };
    const onOffline = () => setStatus('offline');
    const onOnline = () => {
      // A short blip may not have dropped the connection at all: then it is simply back.
      if (socket.connected) return setStatus(provider.synced ? 'connected' : 'reconnecting');
      setStatus('reconnecting');
      socket.connect();
    };
    provider.on('synced', onSynced);
    socket.on('disconnect', onDisconnect);
    manager.on('reconnect_attempt', onAttempt);
    manager.on('reconnect_failed', onFailed);
    provider.on('board-error', onBoardError);
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);

    setSession({
      board,
      me,
      token,
      doc,
      awareness,
      provider,
      api: boardApi(board.id, token),
      copy: shown && { keptAt: shown.keptAt, boardState: shown.boardState, mine: shown.mine },
    });
    setStatus(provider.synced ? 'connected' : offlineOr('connecting'));
    setFatalError(null);
    setLostEdits(false);
    setCarried(null);
    return () => {
      stopKeeping();
      news.stop();
      provider.off('synced', onSynced);
      socket.off('disconnect', onDisconnect);
      provider.off('board-error', onBoardError);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      manager.off('reconnect_attempt', onAttempt);
      manager.off('reconnect_failed', onFailed);
      guard.release();
      provider.destroy();
      awareness.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [board, me, token, copy]);

  return { session, status, fatalError, lostEdits, carried };
}
