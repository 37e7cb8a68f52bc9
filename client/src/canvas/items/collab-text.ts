/**
 * Binding a plain text editor to a Y.Text so several people can type in one note at once.
 * Local edits become the smallest Y.Text change (`textSplice`: common prefix and suffix kept), so
 * a collaborator's concurrent typing elsewhere in the text survives; remote changes are applied
 * to the editor with the caret carried through the change's delta.
 */
import type * as Y from 'yjs';
import type { TextSplice } from '../../../../shared/text-splice.ts';

export function applyChange(text: Y.Text, change: TextSplice): void {
  if (change.remove > 0) text.delete(change.index, change.remove);
  if (change.insert.length > 0) text.insert(change.index, change.insert);
}

export type DeltaOp = { insert?: unknown; delete?: number; retain?: number };

/**
 * Where offset `position` of the old text lands in the new text. An insert exactly at the
 * caret leaves the caret before it, so my next keystroke does not jump behind theirs.
 */
export function mapOffset(delta: readonly DeltaOp[], position: number): number {
  let old = 0;
  let shift = 0;
  for (const op of delta) {
    if (old > position) break;
    if (op.retain !== undefined) {
      old += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (old < position) shift += length;
    } else if (op.delete !== undefined) {
      if (old < position) shift -= Math.min(op.delete, position - old);
      old += op.delete;
    }
  }
  return Math.max(0, position + shift);
}
