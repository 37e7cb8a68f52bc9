/**
 * The board as this browser last had it, kept so that a board opened while its server cannot
 * be reached (a train, a proxy's 502 during a restart) shows its notes, not a page that says it
 * opens later (QA: a participant on the way to the workshop could not read the board at all).
 * One copy per board: the shared document's state as a synced page had it, with the board's
 * details. It lives in IndexedDB (a large board's state is megabytes; local storage holds
 * five), and goes with the membership: leaving the board on this device, a refused token, a
 * member taken off or a deleted board forget it. Where the browser blocks site data nothing is
 * kept, and the page says the board opens once the connection is back, as before.
 * Beside it, my private notes of silent writing as my synced private document had them: opened
 * from the copy during silent writing, the page shows what I wrote before, not only the board
 * (the reveal empties that document with deletions, which the next sync brings).
 */
import * as Y from 'yjs';
import type { Board } from '../../../shared/api.ts';
import type { BoardState } from '../../../shared/facilitation.ts';
import type { SocketIoProvider } from './socketio-provider.ts';

export interface BoardCopy {
  board: Board;
  /** `Y.encodeStateAsUpdate` of the board's document when it was kept. */
  state: Uint8Array;
  /**
   * Lock, phase and silent writing as the server last said them (its timer left out: a
   * countdown kept offline means nothing), so that the page opened from the copy writes where
   * the server will take it (a new note during silent writing is private); null where unknown.
   */
  boardState: BoardState | null;
  /** When it was kept (this browser's clock). */
  keptAt: number;
  /** My private document's state where it was kept (readMyNotesCopy()). */
  mine?: Uint8Array;
}

const DATABASE = 'ideamill';
const COPIES = 'board-copies';
/** The index of copies by when they were kept: the oldest go first. */
const BY_AGE = 'keptAt';
/**
 * Records kept at most (boards' copies, and my notes on some): a browser that visited many
 * boards keeps its latest ones.
 */
const MAX_COPIES = 20;
/** How long a synced page waits after a change before keeping the board again. */
const KEEP_AFTER_MS = 10_000;
/**
 * How long after the board has arrived it is first kept: once the page has drawn it (encoding
 * a large board's state takes the main thread for a while).
 */
const FIRST_KEEP_MS = 2_000;
/** How long a due keep waits for the browser to be idle, at most. */
const IDLE_MS = 3_000;

interface StoredCopy extends BoardCopy {
  boardId: string;
}

/**
 * My private notes, in the same store under their own key (the store's key path is `boardId`,
 * which for these holds the board's id, '/mine/' and the member's).
 */
interface StoredNotes {
  boardId: string;
  state: Uint8Array;
  keptAt: number;
}

const notesKey = (boardId: string, memberId: string) => `${boardId}/mine/${memberId}`;

let opened: Promise<IDBDatabase | null> | undefined;
/**
 * Boards whose copy this page forgot: a page still open on one (leaving it, the page goes, and
 * its going would keep the board again) keeps nothing more of it.
 */
const forgottenHere = new Set<string>();

/** The database, or null where the browser gives none (blocked site data, no IndexedDB). */
function database(): Promise<IDBDatabase | null> {
  opened ??= new Promise<IDBDatabase | null>((resolve) => {
    try {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore(COPIES, { keyPath: 'boardId' });
        store.createIndex(BY_AGE, 'keptAt');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opened;
}

/** Runs `work` in one transaction on the copies; resolves once it is done (null on failure). */
async function inCopies<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T> | undefined,
): Promise<T | null> {
  const db = await database();
  if (!db) return null;
  return new Promise<T | null>((resolve) => {
    try {
      const transaction = db.transaction(COPIES, mode);
      const request = work(transaction.objectStore(COPIES));
      transaction.oncomplete = () => resolve(request ? request.result : null);
      transaction.onerror = () => resolve(null);
      transaction.onabort = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

function isStoredCopy(value: unknown): value is StoredCopy {
  if (typeof value !== 'object' || value === null) return false;
  const { board, state, keptAt, boardState } = value as Partial<StoredCopy>;
  return (
    state instanceof Uint8Array &&
    typeof keptAt === 'number' &&
    typeof boardState === 'object' &&
    typeof board?.id === 'string' &&
    typeof board.title === 'string'
  );
}

/** The board as this browser last had it, or null where none is kept. */
export async function readBoardCopy(boardId: string): Promise<BoardCopy | null> {
  const found = await inCopies<unknown>('readonly', (store) => store.get(boardId));
  if (!isStoredCopy(found) || found.board.id !== boardId) return null;
  const { board, state, keptAt, boardState } = found;
  return { board, state, keptAt, boardState };
}

/** My private notes on the board as this browser last had them, or null. */
export async function readMyNotesCopy(
  boardId: string,
  memberId: string,
): Promise<Uint8Array | null> {
  const found = await inCopies<unknown>('readonly', (store) =>
    store.get(notesKey(boardId, memberId)),
  );
  const state = (found as Partial<StoredNotes> | null)?.state;
  return state instanceof Uint8Array ? state : null;
}

/** Keeps `doc`'s state as the copy of `board`, and forgets the oldest copies beyond MAX_COPIES. */
export async function keepBoardCopy(
  board: Board,
  doc: Y.Doc,
  boardState: BoardState | null,
): Promise<void> {
  if (forgottenHere.has(board.id)) return;
  await keep({
    boardId: board.id,
    board,
    state: Y.encodeStateAsUpdate(doc),
    boardState: boardState && { ...boardState, timer: { status: 'idle' } },
    keptAt: Date.now(),
  });
}

/** Puts a record in the store, and forgets the oldest beyond MAX_COPIES. */
async function keep(record: StoredCopy | StoredNotes): Promise<void> {
  await inCopies('readwrite', (store) => {
    store.put(record);
    const counted = store.count();
    counted.onsuccess = () => {
      let extra = counted.result - MAX_COPIES;
      if (extra <= 0) return;
      const oldest = store.index(BY_AGE).openCursor();
      oldest.onsuccess = () => {
        const cursor = oldest.result;
        if (!cursor || extra-- <= 0) return;
        cursor.delete();
        cursor.continue();
      };
    };
    return undefined;
  });
}

/** Forgets the board's copy and my notes on it: the membership that read them is gone here. */
export async function forgetBoardCopy(boardId: string): Promise<void> {
  forgottenHere.add(boardId);
  await inCopies('readwrite', (store) => {
    store.delete(boardId);
    return store.delete(IDBKeyRange.bound(`${boardId}/`, `${boardId}/\uffff`));
  });
}

/**
 * Forgets my private notes on the board: silent writing has ended and the reveal has taken
 * them (a copy of them kept from before would show them as private again, offline).
 */
export async function forgetMyNotesCopy(boardId: string, memberId: string): Promise<void> {
  await inCopies('readwrite', (store) => store.delete(notesKey(boardId, memberId)));
}

/**
 * Keeps the copy of `board` up to date while `provider` is synced: FIRST_KEEP_MS after the board
 * has arrived, then KEEP_AFTER_MS after a change, and whenever the page is hidden or left.
 * Offline it keeps nothing: what the page holds then that the server has not is kept-edits.ts's.
 * Returns the function that stops it.
 */
export function keepCopyWhileSynced(provider: SocketIoProvider, board: Board): () => void {
  // A board opened anew in this page (joined again with its link) is kept again.
  forgottenHere.delete(board.id);
  let boardState: BoardState | null = null;
  const onBoardState = (state: BoardState) => {
    boardState = state;
  };
  provider.socket.on('board:state', onBoardState);
  const stop = whileSynced(provider, () => void keepBoardCopy(board, provider.doc, boardState));
  return () => {
    stop();
    provider.socket.off('board:state', onBoardState);
  };
}

/**
 * Keeps my private notes on the board (`provider` is my private document's) up to date while
 * it is synced, as keepCopyWhileSynced() does the board. Returns the function that stops it.
 */
export function keepMyNotesWhileSynced(
  provider: SocketIoProvider,
  boardId: string,
  memberId: string,
): () => void {
  return whileSynced(provider, () => {
    if (forgottenHere.has(boardId)) return;
    void keep({
      boardId: notesKey(boardId, memberId),
      state: Y.encodeStateAsUpdate(provider.doc),
      keptAt: Date.now(),
    });
  });
}

/** Runs `keepNow` when the synced document should be kept (see keepCopyWhileSynced()). */
function whileSynced(provider: SocketIoProvider, keepNow: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let changed = false;
  let stopped = false;
  const keep = () => {
    clearTimeout(timer);
    timer = undefined;
    if (stopped || !changed || !provider.synced) return;
    changed = false;
    keepNow();
  };
  // Encoding a large board holds the main thread for tens of milliseconds: in a moment when the
  // browser has nothing else to do (not in the middle of a drag), where it can tell.
  const whenIdle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(keep, { timeout: IDLE_MS });
    else keep();
  };
  const later = (ms: number) => {
    changed = true;
    timer ??= setTimeout(whenIdle, ms);
  };
  const onChange = () => later(KEEP_AFTER_MS);
  const onSynced = (synced: boolean) => {
    if (!synced) return;
    clearTimeout(timer);
    timer = undefined;
    later(FIRST_KEEP_MS);
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') keep();
  };
  provider.doc.on('afterTransaction', onChange);
  provider.on('synced', onSynced);
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', keep);
  if (provider.synced) onSynced(true);
  return () => {
    stopped = true;
    clearTimeout(timer);
    provider.doc.off('afterTransaction', onChange);
    provider.off('synced', onSynced);
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', keep);
  };
}
