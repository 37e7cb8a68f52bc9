/**
 * A customer journey's lanes are divided at its stages (a frame's columns). Read as a list, a
 * lane's notes follow the journey stage by stage and say which stage each is in: the report an
 * organiser sends round, and the outline someone on a phone reads, both.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { outlineSections } from '../../client/src/outline/outline-model.ts';
import { toCsv } from '../../server/follow-through/exports/csv.ts';
import { toMarkdown } from '../../server/follow-through/exports/markdown.ts';
import { addItem, type Item, readItems } from '../../shared/board-document.ts';
import type { BoardExport } from '../../shared/follow-through.ts';
import { columnOf, frameColumns } from '../../shared/frame-columns.ts';
import { boundsOf, boxOf, containsBox } from '../../shared/geometry.ts';
import { placeNewNote } from '../../shared/note-placement.ts';
import { onSameSpot } from '../../shared/note-spots.ts';
import { applyTemplate } from '../../shared/templates.ts';

const T = '2026-11-23T12:00:00.000Z';

/** The Finnish customer journey, with notes put in lanes at these board x positions. */
function journey(notes: { lane: number; x: number; y?: number; text: string }[]): Item[] {
  const doc = new Y.Doc();
  applyTemplate(doc, 'customer-journey', 'fi');
  const lanes = readItems(doc)
    .filter((item) => item.type === 'frame')
    .sort((a, b) => a.y - b.y);
  for (const { lane, x, y = 20, text } of notes) {
    const frame = lanes[lane]!;
    addItem(doc, { type: 'note', x, y: frame.y + y, w: 200, h: 200, text, parent: frame.id });
  }
  return readItems(doc);
}

const laneTitled = (items: Item[], title: string) =>
  items.find((item) => item.type === 'frame' && item.title === title)!;

function exportOf(items: Item[]): BoardExport {
  return {
    format: 'ideamill.board-export',
    version: 1,
    exportedAt: T,
    board: {
      id: 'b1',
      title: 'Kehittämispäivä',
      template: 'customer-journey',
      language: 'fi',
      createdAt: T,
    },
    snapshot: null,
    members: [],
    items,
    rounds: [],
    followUps: [],
  };
}

const report = (items: Item[]) => toMarkdown(exportOf(items));

/** The list under a "### title" heading of the report. */
function listUnder(markdown: string, title: string): string[] {
  const section = markdown.split(`### ${title}\n\n`)[1]!.split('\n\n')[0]!;
  return section.split('\n');
}

describe('a journey lane read stage by stage', () => {
  // Chat is further along the journey but a little higher on the board than the phone note.
  const items = journey([
    { lane: 0, x: 1560, y: 10, text: 'Chat auki iltaisin' },
    { lane: 0, x: 900, y: 30, text: 'Puhelimeen ei vastata' },
    { lane: 0, x: 250, y: 35, text: 'Tarve syntyy laskusta' },
    { lane: 1, x: 560, text: 'Aukioloajat piilossa' },
  ]);

  it('names each column of a lane after the stage heading above it', () => {
    const lane = laneTitled(items, 'Asiakkaan tunteet');
    expect(frameColumns(lane, items).map((column) => column.name)).toEqual([
      '',
      'Tarve herää',
      'Palvelun löytäminen',
      'Ensikontakti',
      'Palvelun käyttö',
      'Palvelun jälkeen',
    ]);
    const people = laneTitled(items, 'Ihmiset');
    const note = items.find((item) => item.type === 'note' && item.text.startsWith('Puhelimeen'))!;
    expect(columnOf(frameColumns(people, items), note)?.name).toBe('Ensikontakti');
  });

  it('a text spanning several stages, like the journey’s title, names none of them', () => {
    const untitledStages = items.filter(
      (item) => item.type !== 'text' || item.text === 'Asiakkaan palvelupolku',
    );
    const lane = laneTitled(untitledStages, 'Ihmiset');
    expect(frameColumns(lane, untitledStages).every((column) => column.name === '')).toBe(true);
  });

  it('the report lists a lane’s notes in stage order, each with its stage', () => {
    const markdown = report(items);
    expect(listUnder(markdown, 'Ihmiset')).toEqual([
      '- **Tarve herää:** Tarve syntyy laskusta',
      '- **Ensikontakti:** Puhelimeen ei vastata',
      '- **Palvelun jälkeen:** Chat auki iltaisin',
    ]);
    expect(listUnder(markdown, 'Ympäristöt (virtuaaliset ja fyysiset)')).toEqual([
      '- **Palvelun löytäminen:** Aukioloajat piilossa',
    ]);
  });

  it('the CSV gives each note in a lane its stage, and nothing outside a stage', () => {
    const [header, ...lines] = toCsv(exportOf(items)).replace('\uFEFF', '').split('\r\n');
    const columns = header!.split(',');
    const cell = (text: string, name: string) =>
      lines.find((line) => line.includes(text))!.split(',')[columns.indexOf(name)];
    expect(columns.slice(-2)).toEqual(['created_at', 'stage']);
    expect(cell('Puhelimeen ei vastata', 'stage')).toBe('Ensikontakti');
    expect(cell('Chat auki iltaisin', 'stage')).toBe('Palvelun jälkeen');
    expect(cell('Aukioloajat piilossa', 'stage')).toBe('Palvelun löytäminen');
    // A lane and a stage heading are in no stage themselves.
    expect(cell('Ihmiset', 'stage')).toBe('');
    expect(cell('Tarve herää', 'stage')).toBe('');
  });

  it('a frame drawn around the whole journey leaves every note in its stage', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'customer-journey', 'fi');
    const journeyBox = boundsOf(readItems(doc).map((item) => boxOf(item)!))!;
    const lane = readItems(doc).find((item) => item.type === 'frame' && item.title === 'Ihmiset')!;
    addItem(doc, {
      type: 'note',
      x: 900,
      y: lane.y + 30,
      w: 200,
      h: 200,
      text: 'Puhelimeen ei vastata',
      parent: lane.id,
    });
    addItem(doc, {
      type: 'frame',
      x: journeyBox.x - 100,
      y: journeyBox.y - 200,
      w: journeyBox.w + 200,
      h: journeyBox.h + 300,
      title: 'Työpaja 1',
    });
    const around = readItems(doc);
    const people = laneTitled(around, 'Ihmiset');
    expect(frameColumns(people, around).map((column) => column.name)).toEqual(
      frameColumns(laneTitled(items, 'Ihmiset'), items).map((column) => column.name),
    );
    const [header, ...lines] = toCsv(exportOf(around)).replace('\uFEFF', '').split('\r\n');
    const line = lines.find((entry) => entry.includes('Puhelimeen ei vastata'))!.split(',');
    expect(line[header!.split(',').indexOf('stage')]).toBe('Ensikontakti');
    expect(listUnder(report(around), 'Ihmiset')).toEqual([
      '- **Ensikontakti:** Puhelimeen ei vastata',
    ]);
  });

  it('a text in a frame over part of a lane names no stage of it', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'customer-journey', 'fi');
    const lanes = readItems(doc)
      .filter((item) => item.type === 'frame')
      .sort((a, b) => a.y - b.y);
    const [first, second] = [lanes[0]!, lanes[1]!];
    // A cluster frame over the first lane's "Ensikontakti" column, with a text in it: it lies
    // above the second lane, nearer than the stage headings, but is no heading.
    const column = frameColumns(first, readItems(doc)).find((c) => c.name === 'Ensikontakti')!;
    addItem(doc, {
      type: 'frame',
      x: column.left + 10,
      y: first.y + 10,
      w: 300,
      h: first.h - 20,
      title: 'Ryhmä',
    });
    addItem(doc, {
      type: 'text',
      x: column.left + 20,
      y: first.y + 60,
      w: 200,
      h: 60,
      text: 'Ei otsikko',
    });
    const names = frameColumns(second, readItems(doc)).map((c) => c.name);
    expect(names).toContain('Ensikontakti');
    expect(names).not.toContain('Ei otsikko');
  });

  it('a frame without columns still reads top to bottom, without stage names', () => {
    const plain = items.map((item) =>
      item.type === 'frame' ? { ...item, columns: undefined } : item,
    );
    expect(listUnder(report(plain), 'Ihmiset')).toEqual([
      '- Chat auki iltaisin',
      '- Puhelimeen ei vastata',
      '- Tarve syntyy laskusta',
    ]);
  });
});

describe('the outline of a journey', () => {
  const items = journey([
    { lane: 0, x: 1560, y: 10, text: 'Chat auki iltaisin' },
    { lane: 0, x: 900, y: 30, text: 'Puhelimeen ei vastata' },
  ]);
  const people = laneTitled(items, 'Ihmiset');
  const NOTE = 200;

  it('lists a lane’s notes stage by stage', () => {
    const section = outlineSections(items).find((entry) => entry.frame?.id === people.id)!;
    expect(section.items.map((item) => item.type === 'note' && item.text)).toEqual([
      'Puhelimeen ei vastata',
      'Chat auki iltaisin',
    ]);
    expect(section.items.map((item) => columnOf(section.columns, item)?.name)).toEqual([
      'Ensikontakti',
      'Palvelun jälkeen',
    ]);
  });

  it('reads the template’s pinned title and stage headings as labels, not among the ideas', () => {
    const sections = outlineSections(items);
    const unframed = sections.at(-1)!;
    expect(unframed.frame).toBeNull();
    expect(unframed.items).toEqual([]);
    expect(unframed.labels.map((item) => item.type === 'text' && item.text)).toEqual([
      'Asiakkaan palvelupolku',
      'Tarve herää',
      'Palvelun löytäminen',
      'Ensikontakti',
      'Palvelun käyttö',
      'Palvelun jälkeen',
    ]);
    expect(sections.every((section) => section.items.every((item) => !item.pinned))).toBe(true);
  });

  it('lists the lane a voting round is limited to first, the others in reading order after it', () => {
    const order = (frameId?: string) =>
      outlineSections(items, frameId ? { frameId, itemTypes: ['note'] } : undefined).map(
        (section) => section.frame?.id ?? null,
      );
    const inReadingOrder = order();
    // The last lane (the unframed section comes after every frame).
    const lastLane = inReadingOrder[inReadingOrder.length - 2]!;
    expect(inReadingOrder.length).toBeGreaterThan(3);
    expect(order(lastLane)).toEqual([lastLane, ...inReadingOrder.filter((id) => id !== lastLane)]);
    // A round over the whole board, or none: reading order.
    expect(order('not-a-frame')).toEqual(inReadingOrder);
  });

  it('puts the sections holding what a round takes first: a round of concept cards, the cards', () => {
    const card = {
      id: 'card-1',
      type: 'concept',
      x: 0,
      y: 99_000,
      w: 420,
      h: 560,
      color: '#ffffff',
      createdAt: 1,
      title: 'Palveluluotsi',
      text: '',
      fields: {},
    } as Item;
    const withCard = [...items, card];
    const order = (itemTypes: Item['type'][]) =>
      outlineSections(withCard, { frameId: null, itemTypes }).map((s) => s.frame?.id ?? null);
    const inReadingOrder = outlineSections(withCard).map((s) => s.frame?.id ?? null);
    // The card is in no frame: that section, last in reading order, leads; the rest as they were.
    expect(inReadingOrder.at(-1)).toBeNull();
    expect(order(['concept'])).toEqual([null, ...inReadingOrder.slice(0, -1)]);
    // A round of notes: the lane with notes first, then the other sections in reading order.
    const notes = order(['note']);
    expect(notes[0]).toBe(people.id);
    expect([...notes].sort()).toEqual([...inReadingOrder].sort());
  });

  it('puts a note added to a lane inside the lane and inside one stage, off the lane’s title', () => {
    const columns = frameColumns(people, items);
    const place = placeNewNote(items, people);
    const box = { x: place.x, y: place.y, w: NOTE, h: NOTE };
    expect(place.parent).toBe(people.id);
    expect(containsBox(people, box)).toBe(true);
    const stage = columns.find((column) => column.left <= box.x && box.x + NOTE <= column.right);
    expect(stage?.name).toBe('Tarve herää');
  });

  it('piles notes in a full stage, each one’s edge showing, inside the lane and the stage', () => {
    let board = journey([]);
    const lane = laneTitled(board, 'Asiakkaan tunteet');
    const stage = frameColumns(lane, board).find((column) => column.name === 'Ensikontakti')!;
    const placed: { x: number; y: number }[] = [];
    // A lane holds one row of notes, and a stage one note across: the rest must pile up. A busy
    // stage takes a dozen, each on a spot of its own (review: from the sixth on, one spot).
    for (let n = 0; n < 12; n++) {
      const place = placeNewNote(board, lane, 0, stage);
      expect(place.parent).toBe(lane.id);
      expect(containsBox(lane, { x: place.x, y: place.y, w: NOTE, h: NOTE })).toBe(true);
      expect(place.x).toBeGreaterThanOrEqual(stage.left);
      expect(place.x + NOTE).toBeLessThanOrEqual(stage.right);
      for (const other of placed) {
        expect(onSameSpot(other, place)).toBe(false);
      }
      placed.push(place);
      const note = { id: `pile-${n}`, type: 'note' as const, text: '', color: '', createdAt: n };
      board = [...board, { ...note, x: place.x, y: place.y, w: NOTE, h: NOTE, parent: lane.id }];
    }
  });

  it('puts a note in the stage chosen for it', () => {
    const lane = laneTitled(items, 'Asiakkaan tunteet');
    const stage = frameColumns(lane, items).find((column) => column.name === 'Ensikontakti')!;
    const first = placeNewNote(items, lane, 0, stage);
    expect(containsBox(lane, { x: first.x, y: first.y, w: NOTE, h: NOTE })).toBe(true);
    expect(first.x).toBeGreaterThanOrEqual(stage.left);
    expect(first.x + NOTE).toBeLessThanOrEqual(stage.right);
  });
});
