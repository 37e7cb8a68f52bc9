/**
 * A customer-journey lane's title in the SVG export stays in the lane's first column, as on the
 * board: wrapped there, cut with "…" when even four lines will not hold it, and then kept whole
 * as the lane's <title>. Widths are the export's own measure (text-width.ts), in bold as the
 * title is drawn.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toSvg } from '../../server/follow-through/exports/svg.ts';
import { textWidth } from '../../server/follow-through/exports/text-width.ts';
import { type Item, itemsOf, readItems } from '../../shared/board-document.ts';
import type { BoardExport } from '../../shared/follow-through.ts';
import { applyTemplate } from '../../shared/templates.ts';
import { boardExport } from '../helpers/board-export.ts';

const FEELINGS = 'Asiakkaan tunteet ja odotukset';
const LONGEST =
  'Henkilökunnan ja asiakkaiden väliset kohtaamiset palvelupisteessä, verkossa ja puhelimessa';

/** A Finnish journey board, its lanes retitled top to bottom (undefined: the template's title). */
function journey(titles: readonly (string | undefined)[]): BoardExport {
  const doc = new Y.Doc();
  applyTemplate(doc, 'customer-journey', 'fi');
  const lanes = [...itemsOf(doc).values()]
    .filter((map) => map.get('type') === 'frame')
    .sort((a, b) => Number(a.get('y')) - Number(b.get('y')));
  lanes.forEach((lane, i) => {
    const title = titles[i];
    if (title !== undefined) lane.set('title', title);
  });
  return boardExport(readItems(doc), {
    board: { id: 'b-journey', template: 'customer-journey', language: 'fi' },
  });
}

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

type Parsed = Record<string, unknown> & { ':@'?: Record<string, string> };

function tree(nodes: Parsed[]): Node[] {
  return nodes.flatMap((node) => {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name || name.startsWith('#') || name === '?xml') return [];
    const children = node[name] as Parsed[];
    const attrs = Object.fromEntries(
      Object.entries(node[':@'] ?? {}).map(([key, value]) => [key.replace(/^@_/, ''), value]),
    );
    const text = children
      .filter((child) => '#text' in child)
      .map((child) => String(child['#text']))
      .join('');
    return [{ name, attrs, children: tree(children), text }];
  });
}

const descendants = (node: Node): Node[] => [node, ...node.children.flatMap(descendants)];

/** Each lane of the exported picture: its frame, its title's lines and its <title>, if any. */
function lanes(model: BoardExport) {
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false });
  const nodes = tree(parser.parse(toSvg(model))).flatMap(descendants);
  const frames = model.items.filter(
    (item): item is Extract<Item, { type: 'frame' }> => item.type === 'frame',
  );
  return frames.map((frame) => {
    const group = nodes.find((node) => node.attrs['data-item'] === frame.id);
    if (!group) throw new Error(`no group for ${frame.id}`);
    const text = group.children.find((node) => node.name === 'text');
    const size = Number(text?.attrs['font-size']);
    return {
      frame,
      lines: (text?.children ?? []).map((tspan) => ({
        text: tspan.text,
        left: Number(tspan.attrs.x),
        right: Number(tspan.attrs.x) + textWidth(tspan.text, 'bold') * size,
        baseline: Number(tspan.attrs.y),
      })),
      fullTitle: group.children.find((node) => node.name === 'title')?.text,
    };
  });
}

describe("a journey lane's title in the SVG export", () => {
  const drawn = lanes(journey([FEELINGS, undefined, 'Toimintatavat', LONGEST]));

  it('stays left of the first stage line, on every line (QA: it ran into the first stage)', () => {
    for (const { frame, lines } of drawn) {
      const firstStage = frame.x + (frame.columns?.[0] ?? Number.NaN);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line.left).toBeGreaterThan(frame.x);
        expect(line.right).toBeLessThanOrEqual(firstStage - 12 + 1e-6);
        expect(line.baseline).toBeLessThan(frame.y + frame.h);
      }
    }
  });

  it('wraps a long title between words, whole, with nothing cut', () => {
    const [feelings, environments, practices] = drawn;
    // "Asiakkaan tunteet" is 207 px in bold at 20 px: more than the 196 px the column has.
    expect(feelings?.lines.map((line) => line.text)).toEqual([
      'Asiakkaan',
      'tunteet ja',
      'odotukset',
    ]);
    expect(feelings?.fullTitle).toBeUndefined();
    // The template's own long lane title.
    expect(environments?.lines.map((line) => line.text).join(' ')).toBe(
      'Ympäristöt (virtuaaliset ja fyysiset)',
    );
    expect(practices?.lines.map((line) => line.text)).toEqual(['Toimintatavat']);
  });

  it('cuts a title longer than four lines with "…", and keeps it whole as the lane\'s <title>', () => {
    const longest = drawn[3];
    expect(longest?.lines).toHaveLength(4);
    expect(longest?.lines.at(-1)?.text.endsWith('…')).toBe(true);
    expect(longest?.fullTitle).toBe(LONGEST);
  });
});
