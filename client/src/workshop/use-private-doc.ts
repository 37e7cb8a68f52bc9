/**
 * My private document while silent writing runs (SPEC §2 "Silent writing"): new notes go
 * there, and only I see them until the facilitator reveals. Null when silent writing is off.
 * It travels on its own connection's `private:yjs` channel, which the server opens for its
 * owner only; the store shares it so the outline writes where the canvas does.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { itemsOf } from '../../../shared/board-document.ts';
import type { BoardSession } from '../board/board-session.ts';
import { type CarriedNews, carriedNews } from '../board/carried-news.ts';
import { LIVE_SOCKET } from '../board/use-board-connection.ts';
import { forgetMyNotesCopy, keepMyNotesWhileSynced } from '../sync/board-copy.ts';
import { hasKeptEdits, type KeptEditsPlace } from '../sync/kept-edits.ts';
import { SocketIoProvider } from '../sync/socketio-provider.ts';
import { type CarriedEdits, guardUnsentEdits, type UnsentGuard } from '../sync/unsent-edits.ts';
import { workshopStoreFor } from './workshop-store.ts';

/** How long a private document that has synced waits for the server to take its last notes. */
const HANDOVER_MS = 5000;

export interface PrivateDoc {
  doc: Y.Doc | null;
  /**
   * The server refused a message of mine as too large (payload_too_large) and closed the
   * connection: every later note would wait behind it, so the page must stop, as it does when
   * the board's own connection is refused so.
   */
  tooLarge: boolean;
  /** Notes an earlier page left unsent in my private document, as this page sends them. */
  carried: CarriedEdits | null;
}

/** `active`: whether silent writing runs (undefined until the board's state has come). */
export function usePrivateDoc(session: BoardSession, active: boolean | undefined): PrivateDoc {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [carried, setCarried] = useState<CarriedEdits | null>(null);
  // One for the page's life: a private document handed over after a reveal outlives its effect.
  const [news] = useState(() => carriedNews(setCarried));
  useEffect(() => news.stop, [news]);
  // Viewers never write: they get no private document to write into.
  const enabled = active === true && session.me.role !== 'viewer';
  const off = active === false;
  useEffect(() => {
    if (!enabled) return;
    const { provider, guard } = openPrivateDoc(session, news);
    const privateDoc = provider.doc;
    provider.on('board-error', (error) => {
      if (error.code === 'payload_too_large') setTooLarge(true);
    });
    const store = workshopStoreFor(session);
    setDoc(privateDoc);
    store.setPrivateDoc(privateDoc);
    return () => {
      setDoc(null);
      if (store.getState().privateDoc === privateDoc) store.setPrivateDoc(null);
      const ended = store.getState().boardState?.silentWriting === false;
      // Handed over, the notes I wrote offline are still only here until it has synced.
      if (ended) handOver(session, provider, guard);
      else {
        guard.release();
        provider.destroy();
        privateDoc.destroy();
      }
    };
  }, [session, enabled, news]);
  useEffect(() => {
    if (!off || session.me.role === 'viewer' || !hasKeptEdits(privatePlace(session))) return;
    return deliverKept(session, news);
  }, [session, off, news]);
  return { doc: enabled ? doc : null, tooLarge, carried };
}

const privatePlace = (session: BoardSession): KeptEditsPlace => ({
  boardId: session.board.id,
  memberId: session.me.id,
  channel: 'private:yjs',
});

/** My private document's connection, with its unsent notes kept in the browser. */
function openPrivateDoc(
  session: BoardSession,
  news: CarriedNews,
): { provider: SocketIoProvider; guard: UnsentGuard } {
  const doc = new Y.Doc();
  // Opened from the board's copy: my notes as this browser last had them synced, before the
  // provider listens (the server has them: nothing to send). A damaged copy is no copy.
  const mine = session.copy?.mine;
  if (mine) {
    try {
      Y.applyUpdate(doc, mine);
    } catch {}
  }
  const provider = new SocketIoProvider(window.location.origin, session.board.id, doc, {
    token: session.token,
    channel: 'private:yjs',
    // Like the board's own connection: ride out network blips instead of losing the notes.
    socket: LIVE_SOCKET,
  });
  // Kept for opening the board offline, as the board is; every way out destroys the document.
  doc.on('destroy', keepMyNotesWhileSynced(provider, session.board.id, session.me.id));
  const guard = guardUnsentEdits(provider, privatePlace(session), news.tell);
  provider.on('board-error', (error) => {
    // What it holds can never be sent now: leaving the page asks nothing, and no later page
    // offers it again.
    if (error.code === 'payload_too_large') guard.discard();
  });
  return { provider, guard };
}

/**
 * Silent writing is off, and an earlier page left notes in my private document that the
 * server never had (written offline, then the page was left). They reach the board as a
 * late note after the reveal does: the private document opens, takes them in once synced
 * (the guard does), and is handed over. Returns what stops it if the page goes first.
 */
function deliverKept(session: BoardSession, news: CarriedNews): () => void {
  const { provider, guard } = openPrivateDoc(session, news);
  let handedOver = false;
  const onSynced = (synced: boolean) => {
    if (!synced) return;
    provider.off('synced', onSynced);
    handedOver = true;
    handOver(session, provider, guard);
  };
  provider.on('synced', onSynced);
  return () => {
    if (handedOver) return;
    provider.off('synced', onSynced);
    guard.release();
    provider.destroy();
    provider.doc.destroy();
  };
}

/**
 * Silent writing has ended. Notes I wrote while my connection was down never reached the
 * reveal; the server puts them onto the board when they arrive (docs/PROTOCOL.md), so the
 * private connection stays until it has synced (sending what the server lacks) and the server
 * has taken them, or a while after, or until I leave the board.
 */
function handOver(session: BoardSession, provider: SocketIoProvider, guard: UnsentGuard): void {
  const privateDoc = provider.doc;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    guard.release();
    clearTimeout(timer);
    provider.off('synced', onSynced);
    itemsOf(privateDoc).unobserve(onItems);
    session.doc.off('destroy', finish);
    provider.destroy();
    privateDoc.destroy();
    // Handed over, nothing private is left to show offline.
    void forgetMyNotesCopy(session.board.id, session.me.id);
  };
  const onItems = () => {
    if (provider.synced && itemsOf(privateDoc).size === 0) finish();
  };
  const onSynced = (synced: boolean) => {
    if (!synced) return;
    clearTimeout(timer);
    timer = setTimeout(finish, HANDOVER_MS);
    onItems();
  };
  provider.on('synced', onSynced);
  itemsOf(privateDoc).observe(onItems);
  session.doc.on('destroy', finish);
  // Nothing left to hand over: let go at once (after registering, so finish removes only
  // what was added; Yjs complains of a handler removed that was never there).
  if (itemsOf(privateDoc).size === 0) return finish();
  // Still connected: whatever I wrote has been sent, and the reveal's removals are on their way.
  if (provider.synced) onSynced(true);
}
