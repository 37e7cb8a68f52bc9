/**
 * useItems' reader (client/src/workshop/use-items.ts): after a change only the items it touched
 * are new objects, so the outline's memoised rows skip the rest; what it returns always matches
 * a full reading of the document.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ItemsReader } from '../../client/src/workshop/use-items.ts';
import { addItem, itemsOf, readItems } from '../../shared/board-document.ts';

/** A board with three notes and a concept, and a reader following it as the hook does. */
function followed() {
  const doc = new Y.Doc();
  const a = addItem(doc, { type: 'note', x: 0, y: 0, text: 'A' });
  const b = addItem(doc, { type: 'note', x: 300, y: 0, text: 'B' });
  const c = addItem(doc, { type: 'concept', x: 600, y: 0, fields: { name: 'C' } });
  const map = itemsOf(doc);
  const reader = new ItemsReader(map);
  let items = reader.read();
  map.observeDeep((events) => {
    items = reader.read(events);
  });
  const byId = () => new Map(items.map((item) => [item.id, item]));
  return { doc, map, a, b, c, items: () => items, byId };
}

describe('the items reader', () => {
  it('re-reads only the item a change touched, at any depth', () => {
    const { doc, map, a, b, c, items, byId } = followed();
    const before = byId();
    map.get(a)!.set('x', 50);
    let after = byId();
    expect(after.get(a)).not.toBe(before.get(a));
    expect(after.get(a)?.x).toBe(50);
    expect(after.get(b)).toBe(before.get(b));
    expect(after.get(c)).toBe(before.get(c));

    // A note's text is a Y.Text inside its map; a concept's fields are a map of Y.Texts.
    const text = map.get(b)!.get('text') as Y.Text;
    text.insert(1, '!');
    const fields = map.get(c)!.get('fields') as Y.Map<Y.Text>;
    fields.get('name')!.insert(1, '2');
    after = byId();
    expect(after.get(a)?.x).toBe(50);
    expect(after.get(b)).not.toBe(before.get(b));
    expect(after.get(c)).not.toBe(before.get(c));
    expect(items()).toEqual(readItems(doc));
  });

  it('adds and drops items as the board does, in the order readItems gives', () => {
    const { doc, map, a, b, items, byId } = followed();
    const before = byId();
    const d = addItem(doc, { type: 'text', x: 0, y: 300, text: 'D' });
    map.delete(a);
    expect(items()).toEqual(readItems(doc));
    expect(byId().has(a)).toBe(false);
    expect(byId().get(d)?.type).toBe('text');
    expect(byId().get(b)).toBe(before.get(b));
    // Several changes in one transaction (a reveal, a restore) arrive as one call.
    doc.transact(() => {
      map.get(b)!.set('color', '#ffcc00');
      map.get(d)!.set('y', 900);
    });
    expect(items()).toEqual(readItems(doc));
    expect(byId().get(b)?.color).toBe('#ffcc00');
  });

  it('an entry that is no item (a stock client’s stray key) is left out, and read again once it is one', () => {
    const { doc, map, items } = followed();
    map.set('stray', new Y.Map());
    expect(items()).toEqual(readItems(doc));
    const stray = map.get('stray')!;
    doc.transact(() => {
      stray.set('type', 'note');
      stray.set('x', 10);
      stray.set('y', 10);
      stray.set('w', 200);
      stray.set('h', 200);
    });
    expect(items()).toEqual(readItems(doc));
    expect(items().some((item) => item.id === 'stray')).toBe(true);
  });
});
