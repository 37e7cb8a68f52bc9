/**
 * Keyboard shortcuts (the help dialog lists them). Arrow keys move focus to the nearest item
 * in that direction; Alt+arrow nudges the selection (10 units, 1 with Shift), because plain
 * arrows belong to moving around, which keyboard users need more often than nudging. Tab goes
 * from item to item in the board's reading order (tab-order.ts). N (or
 * T, F, C) then Enter adds an item, so the keyboard can fill a board as well as read it.
 */

import type { Tool } from '../model/canvas-state.ts';
import { copyItems, pasteItems } from '../model/clipboard.ts';
import { bringToFront, deleteItems, sendToBack } from '../model/edit-actions.ts';
import { boundsOf, boxOf, centre } from '../model/geometry.ts';
import { createByKeyboard, isCreatingTool } from './create.ts';
import type { HeldNudge } from './held-nudge.ts';
import { focusable, tabBetweenItems, tabIntoItems } from './tab-order.ts';
import { canWrite, editableIds, type ToolEnv, tellLeftOut, usableTools } from './tool-env.ts';

export const TOOL_KEYS: Record<string, Tool> = {
  v: 'select',
  h: 'hand',
  n: 'note',
  t: 'text',
  f: 'frame',
  c: 'concept',
  p: 'pen',
  e: 'eraser',
  l: 'connector',
};

export interface KeyboardActions {
  zoomToFit(): void;
  zoomBy(factor: number): void;
  toggleHelp(): void;
  focusItem(id: string): void;
  /**
   * deleteSelection, and the focus on to the nearest item when it was on what went: that item
   * keeps the keyboard's place but is not selected, so Delete again deletes nothing (QA).
   */
  deleteSelection(): void;
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Duplicates the selection 24 units down-right and selects the copies. While silent writing
 * runs, copies of notes are private like any new note (clipboard.ts says where each goes), and
 * I am told about the other items, which stay uncopied.
 */
export function duplicateSelection(env: ToolEnv): void {
  const selected = [...env.state.selection].filter((id) => {
    const type = env.model.read(id)?.type;
    return type !== undefined && type !== 'connector';
  });
  const payload = copyItems(env.model, selected);
  if (!payload) return;
  env.undo.boundary();
  const copies = pasteItems(env.model, payload, 24, 24, env.me.id, env.readOnly());
  env.undo.boundary();
  if (copies.length > 0) env.state.select(copies);
  tellLeftOut(env, 'duplicate', selected.length - copies.length);
}

/**
 * Deletes what I may of the selection; shared items that are read-only to me stay, and I am told.
 * Returns the item left nearest to what went, or null: where the focus goes on, as in a list.
 */
export function deleteSelection(env: ToolEnv): string | null {
  const selected = [...env.state.selection];
  const ids = editableIds(env, selected);
  tellLeftOut(env, 'delete', selected.length - ids.length);
  if (ids.length === 0) return null;
  const next = nearestTo(env, ids);
  env.undo.boundary();
  deleteItems(env.model, ids);
  env.undo.boundary();
  env.state.select([]);
  return next;
}

export function handleKeyDown(
  event: KeyboardEvent,
  env: ToolEnv,
  actions: KeyboardActions,
  nudge: HeldNudge,
  inCanvas: boolean,
): boolean {
  // Any other key ends a held Alt+arrow (held-nudge.ts); its repeats stop anyway.
  if (!(event.altKey && event.key.startsWith('Arrow'))) nudge.release();
  // Tab into the board lands on the first item read, from anywhere before it (tab-order.ts).
  const plainTab = event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey;
  if (plainTab && tabIntoItems(event, env, actions.focusItem)) return true;
  if (isEditable(event.target)) return false;
  if (event.target instanceof HTMLElement && event.target.closest('dialog')) return false;
  // The shortcuts from anywhere on the page but a text field: the header, where a keyboard
  // starts, said nothing to "?" (QA).
  if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey) {
    actions.toggleHelp();
    return true;
  }
  if (!inCanvas) return false;
  // On a button, Space, Enter and arrows belong to the button (and its tool bar).
  const onButton = event.target instanceof HTMLElement && event.target.closest('button, dialog');
  if (
    onButton &&
    [' ', 'Enter', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)
  ) {
    return false;
  }
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  const selection = [...env.state.selection];
  const editable = editableIds(env, selection);
  // The item the keyboard is on, itself (not one of its controls), where it is not selected: as
  // after a delete, which hands the focus on without choosing the next item (BoardCanvas).
  const focusedId =
    event.target instanceof HTMLElement && event.target.matches('[data-item-id]')
      ? event.target.getAttribute('data-item-id')
      : null;
  const unselected = focusedId !== null && !env.state.selection.has(focusedId) ? focusedId : null;

  if (mod && key.toLowerCase() === 'a') {
    env.state.select(
      env.model
        .all()
        .filter((l) => l.item.type !== 'connector')
        .map((l) => l.item.id),
    );
    return true;
  }
  if (mod && canWrite(env)) {
    const lower = key.toLowerCase();
    if (lower === 'z' && !event.shiftKey) env.undo.undo();
    else if ((lower === 'z' && event.shiftKey) || (lower === 'y' && event.ctrlKey)) env.undo.redo();
    else if (lower === 'd') duplicateSelection(env);
    else return false;
    return true;
  }
  if (mod) return false;
  if (key === 'Escape') {
    if (env.state.editing) env.state.stopEditing();
    else env.state.select([]);
    return true;
  }
  // Items in reading order, not the drawing order their elements are in (tab-order.ts).
  if (key === 'Tab' && !event.altKey) return tabBetweenItems(event, env, actions.focusItem);
  // Like a drag: what I may change moves, and I am told about selected items that stay.
  if (
    event.altKey &&
    key.startsWith('Arrow') &&
    selection.length > 0 &&
    (editable.length > 0 || canWrite(env))
  ) {
    const step = event.shiftKey ? 1 : 10;
    const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
    const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
    if (editable.length > 0) nudge.press(editable, dx, dy, event.repeat);
    tellLeftOut(env, 'move', selection.length - editable.length);
    return true;
  }
  if (key.startsWith('Arrow')) {
    const next = nearestInDirection(env, key, focusedId);
    if (next) actions.focusItem(next);
    return next !== null;
  }
  // With a tool that makes items chosen (N, T, F, C), Enter makes one: beside the selected
  // item, or in the middle of the view. The pointer's click has a keyboard twin.
  const tool = env.state.tool;
  if (key === 'Enter' && isCreatingTool(tool) && usableTools(env).includes(tool)) {
    createByKeyboard(env, tool);
    return true;
  }
  // Enter on the item in focus that is not selected selects it; Enter again edits it.
  if (key === 'Enter' && unselected !== null && env.model.read(unselected)) {
    env.state.select([unselected]);
    return true;
  }
  if (key === 'Enter' && selection.length === 1 && editable.length === 1) {
    const item = env.model.read(editable[0]!);
    if (!item) return false;
    if (item.type === 'note' || item.type === 'text') env.state.startEditing(item.id, 'text');
    // A concept card opens at its title; Tab goes on through its fields (ConceptBody.tsx).
    else if (item.type === 'frame' || item.type === 'concept')
      env.state.startEditing(item.id, 'title');
    else return false;
    return true;
  }
  if ((key === 'Delete' || key === 'Backspace') && canWrite(env)) {
    // The focus is on an item nobody selected: say why nothing went (once, not at each repeat
    // of a held key), which a screen reader, hearing the item's name, could not tell.
    if (selection.length === 0 && unselected !== null && !event.repeat) {
      env.state.tell({ kind: 'nothing-selected' });
    }
    actions.deleteSelection();
    return true;
  }
  if (key === ']' && canWrite(env)) {
    bringToFront(env.model, editable);
    tellLeftOut(env, 'bringForward', selection.length - editable.length);
    return true;
  }
  if (key === '[' && canWrite(env)) {
    sendToBack(env.model, editable);
    tellLeftOut(env, 'sendBackward', selection.length - editable.length);
    return true;
  }
  if (key === '!' || (event.shiftKey && event.code === 'Digit1')) {
    actions.zoomToFit();
    return true;
  }
  if (key === '+' || key === '=') {
    actions.zoomBy(1.25);
    return true;
  }
  if (key === '-') {
    actions.zoomBy(0.8);
    return true;
  }
  if (event.altKey || event.shiftKey) return false;
  const chosen = TOOL_KEYS[key.toLowerCase()];
  if (chosen && usableTools(env).includes(chosen)) {
    env.state.setTool(chosen);
    return true;
  }
  return false;
}

/**
 * The item, other than `ids`, whose centre is nearest theirs; a frame only when no other item
 * is left (a note's frame is often nearer than the note beside it, but is not its neighbour).
 */
function nearestTo(env: ToolEnv, ids: string[]): string | null {
  const from = boundsOf(
    ids
      .map((id) => env.model.read(id))
      .map((item) => (item ? boxOf(item) : null))
      .filter((box) => box !== null),
  );
  if (!from) return null;
  const origin = centre(from);
  const gone = new Set(ids);
  let best: { id: string; frame: boolean; distance: number } | null = null;
  for (const { item } of env.model.all()) {
    const box = gone.has(item.id) || !focusable(item.type) ? null : boxOf(item);
    if (!box) continue;
    const c = centre(box);
    const candidate = {
      id: item.id,
      frame: item.type === 'frame',
      distance: Math.hypot(c.x - origin.x, c.y - origin.y),
    };
    if (
      !best ||
      (best.frame && !candidate.frame) ||
      (best.frame === candidate.frame && candidate.distance < best.distance)
    ) {
      best = candidate;
    }
  }
  return best?.id ?? null;
}

/**
 * The item whose centre is closest in the arrow's direction (within a 45° cone, weighted), of
 * those the keyboard reaches: from the selection, else from the item in focus (`focusedId`;
 * after a delete or Escape it is not selected), else from the middle of the view.
 */
function nearestInDirection(env: ToolEnv, key: string, focusedId: string | null): string | null {
  const all = env.model.all().filter((l) => focusable(l.item.type));
  const starts =
    env.state.selection.size > 0 ? [...env.state.selection] : focusedId ? [focusedId] : [];
  const current = starts
    .map((id) => env.model.read(id))
    .map((item) => (item ? boxOf(item) : null))
    .filter((r) => r !== null);
  const from = boundsOf(current);
  const origin = from ? centre(from) : env.viewport.centre();
  const dir = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[
    key as 'ArrowLeft'
  ];
  if (!dir) return null;
  let best: { id: string; score: number } | null = null;
  for (const { item } of all) {
    if (env.state.selection.has(item.id)) continue;
    const box = boxOf(item);
    if (!box) continue;
    const c = centre(box);
    const along = (c.x - origin.x) * dir[0]! + (c.y - origin.y) * dir[1]!;
    const across = Math.abs((c.x - origin.x) * dir[1]! - (c.y - origin.y) * dir[0]!);
    if (along <= 0 || across > along * 1.5) continue;
    const score = along + across * 2;
    if (!best || score < best.score) best = { id: item.id, score };
  }
  return best?.id ?? null;
}
