/**
 * The SVG picture shows what the workshop decided, as the board shows it at each item's foot: a
 * badge with the item's rank and votes in the last round anyone voted in (the round the agenda
 * reports), and a mark naming who takes its follow-ups forward.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toAgenda } from '../../server/follow-through/exports/agenda.ts';
import { toSvg } from '../../server/follow-through/exports/svg.ts';
import type { Item } from '../../shared/board-document.ts';
import type { Round, RoundResult } from '../../shared/facilitation.ts';
import type { BoardExport, FollowUp, FollowUpOwner } from '../../shared/follow-through.ts';
import { boardExport } from '../helpers/board-export.ts';

function note(id: string, text: string, x: number, y: number, w = 200): Item {
  return { id, type: 'note', x, y, w, h: 200, color: '#fff3a3', createdAt: x + y, text };
}

const NOTES = [
  note('n-chat', 'Chat in the evenings', 0, 0),
  note('n-booking', 'Self-service booking', 240, 0),
  note('n-badges', 'Name badges for the staff', 480, 0),
];

let rounds = 0;
function round(
  status: Round['status'],
  results: Pick<RoundResult, 'itemId' | 'votes' | 'rank'>[],
): BoardExport['rounds'][number] {
  rounds += 1;
  return {
    round: {
      id: `r${rounds}`,
      title: `Round ${rounds}`,
      status,
      budget: 3,
      maxPerItem: 3,
      itemTypes: ['note'],
      frameId: null,
      anonymous: false,
      durationSec: null,
      openedAt: '2026-12-05T10:00:00.000Z',
      closesAt: null,
      closedAt: status === 'closed' ? '2026-12-05T10:05:00.000Z' : null,
      voters: results.some((result) => result.votes > 0) ? 4 : 0,
    },
    results,
    excluded: [],
  };
}

function followUp(
  id: string,
  itemId: string,
  owner: FollowUpOwner,
  status: FollowUp['status'] = 'open',
): FollowUp {
  return {
    id,
    itemId,
    title: `Take ${itemId} forward`,
    owner,
    status,
    createdAt: '2026-12-05T11:00:00.000Z',
    updatedAt: '2026-12-05T11:00:00.000Z',
  };
}

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  /** Every piece of text inside, in order, as a reader sees it. */
  words: string;
}

type Parsed = Record<string, unknown> & { ':@'?: Record<string, string> };

function tree(nodes: Parsed[]): Node[] {
  return nodes.flatMap((node) => {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name || name === '?xml') return [];
    if (name === '#text') {
      return [{ name, attrs: {}, children: [], words: String(node[name]) }];
    }
    const children = tree(node[name] as Parsed[]);
    const attrs = Object.fromEntries(
      Object.entries(node[':@'] ?? {}).map(([key, value]) => [key.replace(/^@_/, ''), value]),
    );
    return [{ name, attrs, children, words: children.map((child) => child.words).join('') }];
  });
}

const descendants = (node: Node): Node[] => [node, ...node.children.flatMap(descendants)];

/** The picture's elements, and what each item's marks say: the badge's and the follow-ups'. */
function picture(model: BoardExport) {
  const svg = toSvg(model);
  expect(XMLValidator.validate(svg)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    preserveOrder: true,
    trimValues: false,
    parseTagValue: false,
  });
  const nodes = tree(parser.parse(svg)).flatMap(descendants);
  const marksOf = (itemId: string) => {
    const group = nodes.find((node) => node.attrs['data-marks'] === itemId);
    const part = (attr: string) => {
      const found = group && descendants(group).find((node) => attr in node.attrs);
      if (!found) return undefined;
      return {
        attrs: found.attrs,
        title: found.children.find((child) => child.name === 'title')?.words,
        shown: found.children.find((child) => child.name === 'text')?.words,
        rect: found.children.find((child) => child.name === 'rect')?.attrs,
      };
    };
    return { votes: part('data-votes'), followUps: part('data-follow-ups') };
  };
  const marked = nodes.flatMap((node) => node.attrs['data-marks'] ?? []);
  return { svg, nodes, marksOf, marked };
}

describe('the SVG picture’s vote badges', () => {
  it('marks each item’s votes in the last round anyone voted in, as the agenda reports it', () => {
    const model = boardExport(NOTES, {
      rounds: [
        round('closed', [{ itemId: 'n-chat', votes: 5, rank: 1 }]),
        round('closed', [
          { itemId: 'n-booking', votes: 3, rank: 1 },
          { itemId: 'n-badges', votes: 1, rank: 2 },
        ]),
        // An open round has no results yet: it does not count.
        round('open', [{ itemId: 'n-chat', votes: 2, rank: 1 }]),
      ],
    });
    const { marksOf, marked } = picture(model);
    expect(marksOf('n-booking').votes).toMatchObject({
      attrs: { 'data-votes': '3', 'data-rank': '1' },
      title: 'Rank 1, 3 votes',
      shown: '#1 · 3 votes',
      // The board's colour for the winner (overlay.css .wk-rank-1).
      rect: { fill: '#9a6700' },
    });
    expect(marksOf('n-badges').votes).toMatchObject({
      attrs: { 'data-votes': '1', 'data-rank': '2' },
      title: 'Rank 2, 1 vote',
    });
    // The first round's winner was not chosen by the last vote.
    expect(marked).toEqual(['n-booking', 'n-badges']);
    expect(toAgenda(model)).toContain('## What the last vote chose\n\nRound 2 ·');
  });

  it('an empty round closed later does not hide them; with no votes in any, no badge at all', () => {
    const model = boardExport(NOTES, {
      board: { language: 'fi' },
      rounds: [
        round('closed', [{ itemId: 'n-chat', votes: 4, rank: 1 }]),
        round('closed', [{ itemId: 'n-chat', votes: 0, rank: 1 }]),
        round('closed', []),
      ],
    });
    expect(picture(model).marksOf('n-chat').votes).toMatchObject({
      attrs: { 'data-votes': '4' },
      title: 'Sija 1, 4 ääntä',
      shown: '#1 · 4 ääntä',
    });
    const silent = { ...model, rounds: model.rounds.slice(1) };
    const { svg, marked } = picture(silent);
    expect(marked).toEqual([]);
    expect(svg).not.toContain('data-votes');
  });
});

describe('the SVG picture’s follow-up marks', () => {
  it('name the first owner and how many more, with every owner in the mark’s title', () => {
    const model = boardExport(NOTES, {
      board: { language: 'fi' },
      members: [{ id: 'm-juha', name: 'Juha Korhonen', role: 'participant' }],
      followUps: [
        // A member owner is named by the member's name.
        followUp('fu-1', 'n-booking', { name: '', memberId: 'm-juha' }),
        followUp('fu-2', 'n-booking', { name: 'Aino Mäkinen' }, 'done'),
        followUp('fu-3', 'n-booking', { name: '' }),
        followUp('fu-4', 'n-chat', { name: '' }),
      ],
    });
    const { marksOf, nodes } = picture(model);
    expect(marksOf('n-booking').followUps).toMatchObject({
      attrs: { 'data-follow-ups': '3' },
      shown: 'Juha Korhonen +2',
      title: '3 jatkotointa, vastuuhenkilöt: Juha Korhonen, Aino Mäkinen, nimeämättä',
    });
    // Nobody's yet: the board's word for it, in italics so it is no one's name.
    expect(marksOf('n-chat').followUps).toMatchObject({
      shown: 'nimeämättä',
      title: '1 jatkotoimi, vastuuhenkilö: nimeämättä',
    });
    const unassigned = nodes.find((node) => node.name === 'tspan' && node.words === 'nimeämättä');
    expect(unassigned?.attrs['font-style']).toBe('italic');
  });

  it('a dropped follow-up leaves no mark', () => {
    const model = boardExport(NOTES, {
      followUps: [
        followUp('fu-1', 'n-chat', { name: 'Pekka Nieminen' }, 'dropped'),
        followUp('fu-2', 'n-booking', { name: 'Aino Mäkinen' }, 'dropped'),
        followUp('fu-3', 'n-booking', { name: 'Sari Laine' }, 'in_progress'),
      ],
    });
    const { marksOf, marked, svg } = picture(model);
    expect(marked).toEqual(['n-booking']);
    expect(marksOf('n-booking').followUps).toMatchObject({
      attrs: { 'data-follow-ups': '1' },
      shown: 'Sari Laine',
      title: '1 follow-up, owner: Sari Laine',
    });
    expect(svg).not.toContain('Pekka Nieminen');
    expect(svg).not.toContain('Aino Mäkinen');
  });

  it('a name with <script> stays text', () => {
    const script = '<script>alert(1)</script>';
    const attribute = '"><img src=x onerror=alert(1)>';
    const model = boardExport([note('n-wide', 'Wide', 0, 0, 800), ...NOTES.slice(1)], {
      followUps: [
        followUp('fu-1', 'n-wide', { name: script }),
        followUp('fu-2', 'n-booking', { name: attribute }),
      ],
    });
    const { svg, nodes, marksOf } = picture(model);
    expect(marksOf('n-wide').followUps).toMatchObject({
      shown: script,
      title: `1 follow-up, owner: ${script}`,
    });
    expect(marksOf('n-booking').followUps?.title).toBe(`1 follow-up, owner: ${attribute}`);
    expect(nodes.some((node) => ['script', 'img'].includes(node.name.toLowerCase()))).toBe(false);
    expect(svg).not.toMatch(/<script|<img/i);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('sit with the vote badge at the item’s foot, under it where the item is too narrow for both, and the picture takes them in', () => {
    // A narrow note, the lowest and rightmost item: beside its badge the mark would run past its
    // right edge into the next note's badge, so it takes a row of its own under the badge.
    const narrow = note('n-narrow', 'Queue display', 600, 400, 60);
    const wide = note('n-wide', 'Evening chat', 0, 400, 420);
    const model = boardExport([...NOTES, narrow, wide], {
      rounds: [
        round('closed', [
          { itemId: 'n-narrow', votes: 2, rank: 1 },
          { itemId: 'n-wide', votes: 1, rank: 2 },
        ]),
      ],
      followUps: [
        followUp('fu-1', 'n-narrow', { name: 'Maija Virtanen' }),
        followUp('fu-2', 'n-wide', { name: 'Maija Virtanen' }),
      ],
    });
    const { nodes, marksOf } = picture(model);
    const badge = marksOf('n-narrow').votes?.rect ?? {};
    const mark = marksOf('n-narrow').followUps?.rect ?? {};
    // The badge along the note's bottom edge and below it; the mark under it, from the same left.
    expect(Number(badge.x)).toBe(604);
    expect(Number(badge.y)).toBeLessThan(600);
    expect(Number(badge.y) + Number(badge.height)).toBeGreaterThan(600);
    expect(Math.abs(Number(mark.x) - 604)).toBeLessThanOrEqual(0.5);
    expect(Number(mark.y)).toBeGreaterThan(Number(badge.y) + Number(badge.height));
    // On a wide note both fit in one row, side by side.
    const wideBadge = marksOf('n-wide').votes?.rect ?? {};
    const wideMark = marksOf('n-wide').followUps?.rect ?? {};
    expect(Number(wideMark.x)).toBeGreaterThan(Number(wideBadge.x) + Number(wideBadge.width));
    expect(Number(wideMark.x) + Number(wideMark.width)).toBeLessThanOrEqual(420);
    expect(Math.abs(Number(wideMark.y) - Number(wideBadge.y))).toBeLessThan(2);
    // The name is not cut to nothing: it reaches past the narrow note, and the viewBox takes in
    // the mark's right and bottom edges with the picture's margin.
    const [x = 0, y = 0, w = 0, h = 0] = (
      nodes.find((node) => node.name === 'svg')?.attrs.viewBox ?? ''
    )
      .split(' ')
      .map(Number);
    const right = Number(mark.x) + Number(mark.width);
    expect(right).toBeGreaterThan(660 + 40);
    expect(x + w).toBeGreaterThanOrEqual(right + 40);
    expect(y + h).toBeGreaterThanOrEqual(Number(mark.y) + Number(mark.height) + 40);
  });
});
