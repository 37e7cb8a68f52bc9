/**
 * My private document while silent writing runs (SPEC §2 "Silent writing"): new notes go
 * there, and only I see them until the facilitator reveals. Null when silent writing is off.
 * It travels on its own connection's `private:yjs` channel, which the server opens for its
 * owner only; the store shares it so the outline writes where the canvas does.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { BoardSession } from '../board/board-session.ts';
import { SocketIoProvider } from '../sync/socketio-provider.ts';
import { workshopStoreFor } from './workshop-store.ts';

export function usePrivateDoc(session: BoardSession, active: boolean): Y.Doc | null {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  // Viewers never write: they get no private document to write into.
  const enabled = active && session.me.role !== 'viewer';
  useEffect(() => {
    if (!enabled) return;
    const privateDoc = new Y.Doc();
    const provider = new SocketIoProvider(window.location.origin, session.board.id, privateDoc, {
      token: session.token,
      channel: 'private:yjs',
      // Like the board's own connection: ride out network blips instead of losing the notes.
      socket: { reconnection: true, reconnectionDelay: 500, reconnectionDelayMax: 4000 },
    });
    const store = workshopStoreFor(session);
    setDoc(privateDoc);
    store.setPrivateDoc(privateDoc);
    return () => {
      provider.destroy();
      privateDoc.destroy();
      setDoc(null);
      if (store.getState().privateDoc === privateDoc) store.setPrivateDoc(null);
    };
  }, [session, enabled]);
  return enabled ? doc : null;
}
