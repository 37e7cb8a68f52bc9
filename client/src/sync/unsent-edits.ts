/**
 * Edits made while the connection is down, or sent and not yet acknowledged as stored, live
 * only in this page until the server has them. Leaving the page then would lose them (the QA
 * pass wrote a note offline, closed the tab, and the note was gone), so while there are any
 * the browser asks before the page goes.
 */
import type { SocketIoProvider } from './socketio-provider.ts';

export interface UnsentGuard {
  /** Whether edits of this page's are waiting: made while disconnected, or not yet stored. */
  pending(): boolean;
  /** Stops asking (the page is closing its connection, or it can never send them now). */
  release(): void;
}

/** Asks before leaving while `provider`'s document has edits the server has not had. */
export function guardUnsentEdits(provider: SocketIoProvider): UnsentGuard {
  let unsent = false;
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    // Not synced: disconnected, or not yet caught up since reconnecting.
    if (origin !== provider && !provider.synced) unsent = true;
  };
  // The sync on reconnecting sends what the server lacks.
  const onSynced = (synced: boolean) => {
    if (synced) unsent = false;
  };
  // Sent but not yet stored counts too: the connection may have died without a word (QA).
  const pending = () => unsent || provider.unacknowledged;
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!pending()) return;
    event.preventDefault();
    // What older browsers need to ask.
    event.returnValue = '';
  };
  provider.doc.on('update', onUpdate);
  provider.on('synced', onSynced);
  window.addEventListener('beforeunload', onBeforeUnload);
  return {
    pending,
    release() {
      provider.doc.off('update', onUpdate);
      provider.off('synced', onSynced);
      window.removeEventListener('beforeunload', onBeforeUnload);
    },
  };
}
