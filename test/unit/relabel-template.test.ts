/**
 * A board made in the wrong language gets its template's labels in the other (shared/templates.ts
 * relabelTemplate): QA, a development day's team boards were all made in Finnish, and the one
 * English-speaking team worked and reported in Finnish with no way to change it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Item, itemsOf, metaOf, readItems } from '../../shared/board-document.ts';
import { applyTemplate, relabelTemplate } from '../../shared/templates.ts';

const words = (items: Item[]) =>
  items
    .map((item) =>
      item.type === 'text'
        ? item.text
        : item.type === 'frame' || item.type === 'concept'
          ? item.title
          : '',
    )
    .filter(Boolean)
    .sort();

describe('relabelling a template', () => {
  it("puts a Finnish journey's title, stages and lanes in English, and leaves a label someone changed", () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'customer-journey', 'fi');
    const people = [...itemsOf(doc).values()].find((item) => item.get('title') === 'Ihmiset')!;
    people.set('title', 'Henkilöstö');
    // A note that happens to say a label is nobody's label: it is not pinned.
    const note = new Y.Map<unknown>();
    note.set('type', 'note');
    note.set('text', new Y.Text('Tarve herää'));
    itemsOf(doc).set('a-note', note as never);

    const changed = relabelTemplate(doc, 'fi', 'en');

    expect(changed).toBe(10);
    const english = new Y.Doc();
    applyTemplate(english, 'customer-journey', 'en');
    const expected = words(readItems(english)).map((label) =>
      label === 'People' ? 'Henkilöstö' : label,
    );
    const items = readItems(doc);
    expect(words(items.filter((item) => item.type !== 'note'))).toEqual(expected.sort());
    expect(items.find((item) => item.id === 'a-note')).toMatchObject({ text: 'Tarve herää' });
    expect(metaOf(doc).get('language')).toBe('en');
    // And back: the same labels in Finnish again.
    relabelTemplate(doc, 'en', 'fi');
    expect(words(readItems(doc).filter((item) => item.type === 'frame'))).toContain('Henkilöstö');
    expect(words(readItems(doc))).toContain('Toimintatavat');
    expect(words(readItems(doc))).toContain('Asiakkaan palvelupolku');
  });

  it("renames the concept canvas's frame and a card still called by its template's name", () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'concept-canvas', 'en');
    expect(relabelTemplate(doc, 'en', 'fi')).toBe(2);
    expect(words(readItems(doc))).toEqual(['Palvelukonsepti', 'Uusi palvelukonseptiaihio'].sort());
  });
});
