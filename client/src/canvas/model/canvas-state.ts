/**
 * Local UI state of the canvas: the tool, the selection, the item whose text I edit. Items
 * subscribe to it through a selector, so selecting one note re-renders that note only.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { ItemType } from '../../../../shared/board-document.ts';

export const TOOLS = [
  'select',
  'hand',
  'note',
  'text',
  'frame',
  'concept',
  'pen',
  'eraser',
  'connector',
] as const;
export type Tool = (typeof TOOLS)[number];

/** Tools that only look: what a viewer or a locked board may use. */
export const READ_ONLY_TOOLS: readonly Tool[] = ['select', 'hand'];

/** While silent writing runs, a participant looks at the shared board and writes notes privately. */
const PRIVATE_WRITING_TOOLS: readonly Tool[] = ['select', 'hand', 'note'];

/** The tools I may use: `readOnly` closes the shared board; a private document keeps notes open. */
export function toolsFor(readOnly: boolean, writesPrivately: boolean): readonly Tool[] {
  if (!readOnly) return TOOLS;
  return writesPrivately ? PRIVATE_WRITING_TOOLS : READ_ONLY_TOOLS;
}

/** An action on the selection that leaves out items read-only to me. */
export type SelectionAction = 'move' | 'delete' | 'duplicate' | 'bringForward' | 'sendBackward';

/**
 * Why an action left items out: the shared board is read-only to me (`until-reveal` while
 * silent writing runs), or the items are pinned and I am not a facilitator.
 */
export type LeftOutReason = 'read-only' | 'until-reveal' | 'pinned';

/**
 * A short word to the person at the canvas about something they could not see happen:
 * selected items an action left out, and why, the item I was editing deleted by someone else, or
 * Delete pressed on an item that has the keyboard's focus but is not selected.
 */
export type Notice =
  | { kind: 'left-out'; action: SelectionAction; count: number; why: LeftOutReason }
  | { kind: 'deleted-while-editing'; type: ItemType | null }
  | { kind: 'nothing-selected' }
  | EditingStopped;

/**
 * The board closed to me (a lock, silent writing) while I typed in an item: the editor closed
 * mid-word, and the keys after it were swallowed (typing-guard.ts), the rest of the sentence
 * lost without a word (journey QA). `text` keeps what I was writing, the editor's words and the
 * keys typed after it, for me to copy; the notice stays until I close it.
 */
export interface EditingStopped {
  kind: 'editing-stopped';
  why: 'locked' | 'silent';
  text: string;
}

export class CanvasState {
  tool: Tool = 'select';
  selection: ReadonlySet<string> = new Set();
  editing: { id: string; field: string } | null = null;
  /** The latest notice; `seq` counts them, so the same words said twice are said again. */
  notice: Readonly<Notice & { seq: number }> | null = null;
  #noticeSeq = 0;
  #focusSelects = true;
  #listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }

  setTool(tool: Tool): void {
    if (this.tool === tool) return;
    this.tool = tool;
    this.editing = null;
    this.#emit();
  }

  select(ids: Iterable<string>): void {
    const next = new Set(ids);
    if (next.size === this.selection.size && [...next].every((id) => this.selection.has(id))) {
      return;
    }
    this.selection = next;
    if (this.editing && !next.has(this.editing.id)) this.editing = null;
    this.#emit();
  }

  toggle(id: string): void {
    const next = new Set(this.selection);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.select(next);
  }

  startEditing(id: string, field = 'text'): void {
    this.editing = { id, field };
    if (!this.selection.has(id)) this.selection = new Set([id]);
    this.#emit();
  }

  stopEditing(): void {
    if (!this.editing) return;
    this.editing = null;
    this.#emit();
  }

  /**
   * Whether an item the keyboard focuses becomes the selection (ItemShell): so it does when Tab
   * or an arrow reaches it, but not while `keepingPlace` runs.
   */
  get focusSelects(): boolean {
    return this.#focusSelects;
  }

  /**
   * Runs `focus`, which moves the keyboard's focus to an item only to keep its place (after a
   * delete), without selecting that item: a second Delete must not take an item nobody chose,
   * maybe a colleague's and off screen (QA).
   */
  keepingPlace(focus: () => void): void {
    this.#focusSelects = false;
    try {
      focus();
    } finally {
      this.#focusSelects = true;
    }
  }

  tell(notice: Notice): void {
    this.notice = { ...notice, seq: ++this.#noticeSeq };
    this.#emit();
  }

  /** A key typed after my editing stopped: it goes into the words kept (EditingStopped). */
  keepTyped(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): void {
    const notice = this.notice;
    if (notice?.kind !== 'editing-stopped' || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    let { text } = notice;
    if (event.key === 'Backspace') text = Array.from(text).slice(0, -1).join('');
    else if (event.key === 'Enter') text += '\n';
    else if (Array.from(event.key).length === 1) text += event.key;
    else return;
    // The same notice, so a screen reader does not say it all again for each letter.
    this.notice = { ...notice, text };
    this.#emit();
  }

  clearNotice(): void {
    if (!this.notice) return;
    this.notice = null;
    this.#emit();
  }

  /** Drops ids that no longer exist (deleted here or by someone else). */
  prune(exists: (id: string) => boolean): void {
    const kept = [...this.selection].filter(exists);
    if (kept.length !== this.selection.size) this.select(kept);
    if (this.editing && !exists(this.editing.id)) this.stopEditing();
  }
}

export function useCanvasState<T>(state: CanvasState, selector: (state: CanvasState) => T): T {
  const get = useCallback(() => selector(state), [state, selector]);
  return useSyncExternalStore(state.subscribe, get, get);
}

/**
 * Whether one item is selected or being edited. The snapshot is a string ('' plain, 's'
 * selected, 'e:<field>' editing), so only the items whose status changed re-render.
 */
export function useItemStatus(
  state: CanvasState,
  id: string,
): { selected: boolean; editing: string | null } {
  const code = useSyncExternalStore(state.subscribe, () => {
    if (state.editing?.id === id) return `e:${state.editing.field}`;
    return state.selection.has(id) ? 's' : '';
  });
  return {
    selected: code !== '',
    editing: code.startsWith('e:') ? code.slice(2) : null,
  };
}
