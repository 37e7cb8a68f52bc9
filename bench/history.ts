/**
 * Builds a long board history through a real client: `notes` notes, each created by its own
 * update, then moves and text edits until `updates` updates have been sent in all.
 */
import type * as Y from 'yjs';
import { addItem, itemsOf } from '../shared/board-document.ts';
import type { YjsClient } from './clients/types.ts';

const HIGH_WATER = 1024 * 1024;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function populateHistory(
  client: YjsClient,
  notes: number,
  updates: number,
): Promise<number> {
  const { doc } = client;
  const ids: string[] = [];
  let sent = 0;
  // A fixed sequence (no Math.random) so every peer gets the same history.
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pace = async () => {
    if (sent % 200 !== 0) return;
    while (client.backlog() > HIGH_WATER) await sleep(2);
    await new Promise((resolve) => setImmediate(resolve));
  };
  for (let i = 0; i < notes; i++) {
    const id = `note-${i}`;
    addItem(
      doc,
      { type: 'note', x: (i % 50) * 220, y: Math.floor(i / 50) * 220, text: `idea ${i}` },
      id,
    );
    ids.push(id);
    sent++;
    await pace();
  }
  const items = itemsOf(doc);
  while (sent < updates) {
    const note = items.get(ids[random(ids.length)]!)!;
    if (sent % 2 === 0) {
      doc.transact(() => {
        note.set('x', random(11_000));
        note.set('y', random(9_000));
      });
    } else {
      const text = note.get('text') as Y.Text;
      text.insert(random(text.length + 1), 'x');
    }
    sent++;
    await pace();
  }
  return sent;
}
