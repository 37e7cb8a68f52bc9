/**
 * Edits made while the connection is down, or sent and not yet acknowledged as stored, live
 * only in this page until the server has them. Leaving the page then lost them (the QA pass
 * wrote a note offline, closed the tab, and the note was gone). So while there are any, the
 * browser asks before the page goes, and they are kept in the browser's storage
 * (`kept-edits.ts`): the next page on the board, once it has the board, sends them.
 */
import * as Y from 'yjs';
import {
  forgetEdits,
  forgetEntry,
  type KeptEditsPlace,
  keepEdits,
  keptEditsKey,
  leaveKeptEdits,
  readKeptEdits,
} from './kept-edits.ts';
import type { SocketIoProvider } from './socketio-provider.ts';

export interface UnsentGuard {
  /** Whether edits of this page's are waiting: made while disconnected, or not yet stored. */
  pending(): boolean;
  /**
   * Stops asking: the page is closing its connection. What is still unsent stays kept for the
   * next page on the board.
   */
  release(): void;
  /** Stops asking and forgets what is unsent: it can never be sent now. */
  discard(): void;
}

/**
 * How long an edit not yet stored waits before it is written to the browser's storage. Online
 * the server's word comes long before, so nothing is written; the page's leaving writes at once.
 */
const KEEP_AFTER_MS = 300;

/** The origin of edits a page left behind, as this page applies them. */
const KEPT_EDITS = Symbol('kept edits');

/**
 * Edits an earlier page left unsent, as this page sends them: `sending` once they changed the
 * board as it arrived, `stored` once the server has them all.
 */
export type CarriedEdits = 'sending' | 'stored';

/**
 * Asks before leaving while `provider`'s document has edits the server has not had, and keeps
 * them at `place`. Once the board has arrived, sends what earlier pages at `place` left unsent,
 * and tells `onCarried` how that goes (nothing where they changed nothing: the server had them).
 * `restoreAtOnce` (a board opened from the copy this browser kept) takes them in at once, to show
 * while offline; they are sent, and said to be, once the board has arrived.
 */
export function guardUnsentEdits(
  provider: SocketIoProvider,
  place: KeptEditsPlace,
  onCarried?: (carried: CarriedEdits) => void,
  { restoreAtOnce = false } = {},
): UnsentGuard {
  const key = keptEditsKey(place);
  /** My edits since the server last had them all. */
  let edits: Uint8Array[] = [];
  /** Whether `key` is in storage: online, an acknowledgement then touches no storage. */
  let written = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let restored = false;
  /** Whether edits an earlier page left are among those the server has not had yet. */
  let carrying = false;

  const keep = () => {
    clearTimeout(timer);
    timer = undefined;
    if (edits.length === 0) return;
    const all = edits.length === 1 ? edits[0]! : Y.mergeUpdates(edits);
    edits = [all];
    keepEdits(key, all);
    written = true;
  };
  const forget = () => {
    edits = [];
    clearTimeout(timer);
    timer = undefined;
    if (written) forgetEdits(key);
    written = false;
  };
  // Once the server has everything, nothing is unsent.
  const onStored = () => {
    if (edits.length === 0 || !provider.allStored) return;
    forget();
    if (!carrying) return;
    carrying = false;
    onCarried?.('stored');
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    edits.push(update);
    timer ??= setTimeout(keep, KEEP_AFTER_MS);
    // The provider sends it in this same 'update' event, before or after this listener; a
    // server that does not acknowledge has it then.
    queueMicrotask(onStored);
  };
  /** Whether `carrying` has been said: not before the board is here to send them to. */
  let told = false;
  const restore = () => {
    restored = true;
    const entries = readKeptEdits(place);
    if (entries.length === 0) return;
    const before = edits.length;
    try {
      const update = Y.mergeUpdates(entries.map((entry) => entry.update));
      Y.applyUpdate(provider.doc, update, KEPT_EDITS);
      // The board changed (onUpdate took it in): they are on their way once it is here.
      carrying = edits.length > before;
      // Already in a copy of the board kept while they were on their way: whether the server
      // has them is known only once it is here, so they stay to be sent.
      if (!carrying && !provider.synced) edits.push(update);
    } catch {
      // Not a Yjs update: nothing any page could send.
    }
    // Mine now: kept under this page's key before the others' go.
    keep();
    for (const entry of entries) forgetEntry(entry);
  };
  const onSynced = (synced: boolean) => {
    if (!synced) return;
    if (!restored) restore();
    if (!carrying || told) return;
    told = true;
    onCarried?.('sending');
  };
  const onLeave = () => keep();
  const onHidden = () => {
    if (document.visibilityState === 'hidden') keep();
  };
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (edits.length === 0) return;
    keep();
    event.preventDefault();
    // What older browsers need to ask.
    event.returnValue = '';
  };
  const stop = () => {
    provider.doc.off('update', onUpdate);
    provider.off('synced', onSynced);
    provider.off('stored', onStored);
    window.removeEventListener('beforeunload', onBeforeUnload);
    window.removeEventListener('pagehide', onLeave);
    document.removeEventListener('visibilitychange', onHidden);
  };
  provider.doc.on('update', onUpdate);
  provider.on('synced', onSynced);
  // A board opened from its copy while the server cannot be reached shows them at once.
  if (restoreAtOnce) restore();
  provider.on('stored', onStored);
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('pagehide', onLeave);
  document.addEventListener('visibilitychange', onHidden);
  return {
    pending: () => edits.length > 0,
    release() {
      stop();
      keep();
      leaveKeptEdits(key);
    },
    discard() {
      stop();
      forget();
    },
  };
}
