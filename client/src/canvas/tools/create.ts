/** Creating items where the pointer is: the note, text, frame and concept tools, double-click. */
import type { ItemType, NewItem } from '../../../../shared/board-document.ts';
import { createItem, snapToFrames } from '../model/edit-actions.ts';
import type { Point } from '../model/geometry.ts';
import type { ToolEnv } from './tool-env.ts';

const SIZES: Partial<Record<ItemType, [number, number]>> = {
  note: [200, 200],
  text: [240, 60],
  frame: [800, 600],
  concept: [420, 560],
};

/** Adds an item centred on `at`, selects it and starts editing its text or title. */
export function createAt(
  env: ToolEnv,
  type: 'note' | 'text' | 'frame' | 'concept',
  at: Point,
): string {
  const [w, h] = SIZES[type] ?? [200, 200];
  const init: NewItem = {
    type,
    x: Math.round(at.x - w / 2),
    y: Math.round(at.y - h / 2),
    w,
    h,
    author: env.me.id,
  };
  if (type === 'frame') init.title = env.labels.newFrame;
  if (type === 'concept') init.title = env.labels.newConcept;
  // While silent writing runs my new notes are private: they go to my own document.
  const target = type === 'note' && env.model.privateDoc ? env.model.privateDoc : env.model.doc;
  env.undo.beginGesture();
  const id = createItem(env.model, init, target);
  if (type !== 'frame') snapToFrames(env.model, [id]);
  env.state.setTool('select');
  env.state.startEditing(id, type === 'note' || type === 'text' ? 'text' : 'title');
  env.undo.holdUntilEditingEnds = true;
  return id;
}
