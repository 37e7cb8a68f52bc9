import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  CONCEPT_FIELDS,
  conceptName,
  type Item,
  itemLabel,
  itemsOf,
  itemText,
  metaOf,
  readItem,
  readItems,
  shortened,
  shownConceptFields,
} from '../../shared/board-document.ts';
import { applyTemplate, TEMPLATES } from '../../shared/templates.ts';

describe('the board document schema', () => {
  it('addItem writes the documented shape, readItem reads it back', () => {
    const doc = new Y.Doc();
    const frame = addItem(doc, { type: 'frame', x: 0, y: 0, title: 'Ideas' });
    const note = addItem(doc, {
      type: 'note',
      x: 10,
      y: 20,
      text: 'Hi',
      parent: frame,
      author: 'm1',
    });
    const map = itemsOf(doc).get(note)!;
    expect(map.get('text')).toBeInstanceOf(Y.Text);
    expect(map.get('type')).toBe('note');
    expect(readItem(note, map)).toMatchObject({
      id: note,
      type: 'note',
      x: 10,
      y: 20,
      w: 200,
      h: 200,
      text: 'Hi',
      parent: frame,
      author: 'm1',
    });
    expect(typeof (readItem(note, map) as { createdAt: number }).createdAt).toBe('number');
  });

  it('concepts carry every structured field as Y.Text', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, {
      type: 'concept',
      x: 0,
      y: 0,
      title: 'Digital front desk',
      fields: { targetCustomer: 'New residents' },
    });
    const fields = itemsOf(doc).get(id)!.get('fields') as Y.Map<Y.Text>;
    expect(Array.from(fields.keys()).sort()).toEqual([...CONCEPT_FIELDS].sort());
    expect(readItem(id, itemsOf(doc).get(id))).toMatchObject({
      type: 'concept',
      title: 'Digital front desk',
      fields: { targetCustomer: 'New residents', firstStep: '' },
    });
  });

  it('reads what a foreign Yjs client wrote, and skips what is not an item', () => {
    const doc = new Y.Doc();
    const foreign = new Y.Map<unknown>();
    foreign.set('type', 'note');
    foreign.set('x', 5);
    foreign.set('text', 'plain string text');
    itemsOf(doc).set('foreign-1', foreign);
    const junk = new Y.Map<unknown>();
    junk.set('type', 'hologram');
    itemsOf(doc).set('junk', junk);
    // A well-formed note under an empty key: nothing could name it (the export's ids are non-empty).
    const nameless = new Y.Map<unknown>();
    nameless.set('type', 'note');
    itemsOf(doc).set('', nameless);
    expect(readItems(doc)).toEqual([
      expect.objectContaining({
        id: 'foreign-1',
        type: 'note',
        x: 5,
        y: 0,
        text: 'plain string text',
      }),
    ]);
  });

  it("reads a stroke's points as pairs of finite numbers, leaving out a pair with anything else", () => {
    const doc = new Y.Doc();
    const stroke = new Y.Map<unknown>();
    stroke.set('type', 'stroke');
    // Y.Map keeps NaN and Infinity as they are (JSON could not carry them, the export wrote null).
    stroke.set('points', [0, 0, Number.NaN, 5, 10, 'x', 20, 20, Number.POSITIVE_INFINITY, 1, 30]);
    itemsOf(doc).set('s', stroke);
    expect(readItem('s', itemsOf(doc).get('s'))).toMatchObject({ points: [0, 0, 20, 20] });
  });
});

describe('templates', () => {
  it.each(TEMPLATES)('%s writes meta and its frames in both languages', (template) => {
    for (const language of ['en', 'fi'] as const) {
      const doc = new Y.Doc();
      applyTemplate(doc, template, language);
      expect(metaOf(doc).toJSON()).toEqual({ schemaVersion: 1, template, language });
      const items = readItems(doc);
      if (template === 'blank') expect(items).toEqual([]);
      else expect(items.some((item) => item.type === 'frame')).toBe(true);
    }
  });

  it('the customer journey has the four touchpoint lanes and a feelings lane, in Finnish', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'customer-journey', 'fi');
    const lanes = readItems(doc)
      .filter((item) => item.type === 'frame')
      .sort((a, b) => a.y - b.y)
      .map((item) => (item.type === 'frame' ? item.title : ''));
    expect(lanes).toEqual([
      'Ihmiset',
      'Ympäristöt (virtuaaliset ja fyysiset)',
      'Esineet',
      'Toimintatavat',
      'Asiakkaan tunteet',
    ]);
    // The stages are columns down every lane: each lane is divided where a stage header begins.
    const stages = readItems(doc)
      .filter((item) => item.type === 'text' && item.y === -70)
      .map((item) => item.x)
      .sort((a, b) => a - b);
    expect(stages).toHaveLength(5);
    for (const lane of readItems(doc).filter((item) => item.type === 'frame')) {
      expect(lane.type === 'frame' && lane.columns).toEqual(stages);
    }
  });

  it("reads a frame's columns tolerantly: numbers inside its width, in order", () => {
    const doc = new Y.Doc();
    const id = addItem(doc, { type: 'frame', x: 0, y: 0, w: 500, h: 200, columns: [300, 100] });
    const read = () => readItems(doc).find((item) => item.id === id);
    expect(read()).toMatchObject({ type: 'frame', columns: [100, 300] });
    itemsOf(doc).get(id)?.set('columns', [0, 250, 'x', Number.NaN, 500, 900, -3]);
    expect(read()).toMatchObject({ columns: [250] });
    itemsOf(doc).get(id)?.set('columns', 'not a list');
    expect(read()).not.toHaveProperty('columns');
  });
});

describe('what an item says and what a list calls it', () => {
  const base = { id: 'i', x: 0, y: 0, w: 200, h: 200, color: '#fff3a3', createdAt: 0 };
  const note = (text: string): Item => ({ ...base, type: 'note', text });
  const concept = (
    title: string,
    name: string | undefined,
    text = '',
  ): Extract<Item, { type: 'concept' }> => ({
    ...base,
    type: 'concept',
    title,
    text,
    fields: name === undefined ? {} : { name },
  });

  it("a note's words are its text, every line; its label is the first line", () => {
    const item = note('Chat for new residents\nand their families');
    expect(itemText(item)).toBe('Chat for new residents\nand their families');
    expect(itemLabel(item)).toBe('Chat for new residents');
  });

  it('a label skips blank lines at the start and trims the line', () => {
    expect(itemLabel(note('\n\n   Evening hours  \nmore'))).toBe('Evening hours');
  });

  it('a concept is named by its title, else its name field, else its text', () => {
    expect(itemText(concept('Palveluluotsi', 'Luotsi', 'kuvaus'))).toBe('Palveluluotsi');
    expect(itemText(concept('', 'Luotsi', 'kuvaus'))).toBe('Luotsi');
    expect(itemText(concept('', undefined, 'kuvaus'))).toBe('kuvaus');
  });

  it('a title left as the card was made gives way to the name field, in either language (QA)', () => {
    expect(itemLabel(concept('Uusi palvelukonseptiaihio', 'Chat-palvelu iltaisin'))).toBe(
      'Chat-palvelu iltaisin',
    );
    expect(itemLabel(concept(' New service concept ', 'Evening chat'))).toBe('Evening chat');
    // Without a name, the title is still the card's name; a title someone wrote always is.
    expect(itemLabel(concept('New service concept', ' '))).toBe('New service concept');
    expect(itemLabel(concept('Palveluluotsi', 'Luotsi'))).toBe('Palveluluotsi');
  });

  it('a title or name of only spaces names nothing', () => {
    const item = concept('   ', ' Luotsi ', 'kuvaus');
    expect(conceptName(item)).toBe('Luotsi');
    expect(itemLabel(item)).toBe('Luotsi');
    expect(conceptName(concept(' ', ' '))).toBe('');
    expect(itemLabel(concept(' ', ' ', '\nkuvaus'))).toBe('kuvaus');
  });

  it('a concept shows its Name field only where it has words: its title is its name', () => {
    const rest = CONCEPT_FIELDS.filter((field) => field !== 'name');
    expect(shownConceptFields(concept('Palveluluotsi', undefined))).toEqual(rest);
    expect(shownConceptFields(concept('Palveluluotsi', ' \n '))).toEqual(rest);
    expect(shownConceptFields(concept('Palveluluotsi', 'Luotsi'))).toEqual([...CONCEPT_FIELDS]);
  });

  it("a frame's words are its title; strokes, connectors and no item have none", () => {
    expect(itemLabel({ ...base, type: 'frame', title: 'Ideas\n' })).toBe('Ideas');
    expect(itemText({ ...base, type: 'stroke', points: [1, 2] })).toBe('');
    expect(itemLabel({ ...base, type: 'connector', from: 'a', to: 'b' })).toBe('');
    expect(itemLabel(undefined)).toBe('');
    expect(itemLabel(note('  \n '))).toBe('');
  });
});

describe('shortened', () => {
  it('cuts to the length with "…", never inside a character written as two units', () => {
    expect(shortened('short', 10)).toBe('short');
    expect(shortened('abcdefghijk', 5)).toBe('abcd…');
    // 'x'.repeat(3) then 😀 (two units at 3 and 4): a cut after 4 units would split it.
    const text = `xxx😀yyy`;
    expect(shortened(text, 5)).toBe('xxx…');
    expect(shortened(text, 6)).toBe('xxx😀…');
    for (let max = 2; max < 12; max++) {
      const cut = shortened(`${'x'.repeat(max - 2)}😀😀😀`, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      // No lone half of a pair: encoding and decoding gives it back unchanged.
      expect(new TextDecoder().decode(new TextEncoder().encode(cut))).toBe(cut);
    }
  });
});
