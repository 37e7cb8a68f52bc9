/**
 * Bold text in the SVG export (frame and lane titles, concept card titles, field labels) is
 * fitted by bold widths: measured as regular text, a bold title ran about 10 px past its box
 * (QA). The widths quoted are Chromium's for DejaVu Sans Bold (getComputedTextLength at 20 px),
 * the face the picture is drawn in here; test/e2e/svg-export-text.test.ts checks them in the
 * browser itself.
 */
import { describe, expect, it } from 'vitest';
import { toSvg } from '../../server/follow-through/exports/svg.ts';
import { wrapText } from '../../server/follow-through/exports/svg-text.ts';
import { textWidth } from '../../server/follow-through/exports/text-width.ts';
import type { Item } from '../../shared/board-document.ts';
import { boardExport } from '../helpers/board-export.ts';

/** Chromium's width of each title in DejaVu Sans Bold at 20 px. */
const DRAWN_AT_20 = {
  'Asiakkaan tunteet': 206.82,
  'Henkilökunnan ja': 196.36,
  'Customer journey: waiting times,…': 396.93,
  'Ärsyttävä “odotus” — äänestys': 355.31,
};

/** The lines of each bold <text> in the item's group, as drawn, with their font size. */
function boldLines(svg: string, id: string): { lines: string[]; size: number }[] {
  const group = svg.match(new RegExp(`<g data-item="${id}">([\\s\\S]*?)</g>`))?.[1] ?? '';
  return [
    ...group.matchAll(/<text font-size="([\d.]+)"[^>]* font-weight="bold"[^>]*>(.*?)<\/text>/g),
  ].map(([, size, spans]) => ({
    size: Number(size),
    lines: [...(spans ?? '').matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map(([, line]) => line ?? ''),
  }));
}

describe('bold text in the SVG export', () => {
  it('is measured as DejaVu Sans Bold draws it, wider than the same words in regular', () => {
    for (const [title, drawn] of Object.entries(DRAWN_AT_20)) {
      const bold = textWidth(title, 'bold') * 20;
      // Never less than drawn (the table rounds up), and within a fraction of a pixel.
      expect(bold).toBeGreaterThanOrEqual(drawn - 0.01);
      expect(bold).toBeLessThan(drawn + 0.5);
      expect(bold).toBeGreaterThan(textWidth(title) * 20);
    }
  });

  it('a long card title is wrapped and cut to the card by bold widths (QA: it ran past the card)', () => {
    const card = {
      id: 'c-long',
      type: 'concept',
      x: 0,
      y: 0,
      w: 260,
      h: 500,
      color: '#ffffff',
      createdAt: 1,
      title: 'Booking assistant makes the first appointment painless',
      text: '',
      fields: {},
    } as Item;
    const texts = boldLines(toSvg(boardExport([card])), 'c-long');
    // 18 px in 236: "Booking assistant makes" is 253 px in bold (228 by the regular measure).
    expect(texts[0]?.lines).toEqual(['Booking assistant', 'makes the first…']);
    expect(texts.map((text) => text.lines)).toContainEqual(['Target customer']);
    for (const { lines, size } of texts) {
      for (const line of lines) {
        expect(textWidth(line, 'bold') * size).toBeLessThanOrEqual(260 - 2 * 12 + 1e-6);
      }
    }
  });

  it("a long frame title is cut to the frame's width by bold widths", () => {
    const frame: Item = {
      id: 'f-long',
      type: 'frame',
      x: 0,
      y: 0,
      w: 400,
      h: 200,
      color: '#f8f9fa',
      createdAt: 1,
      title: 'Customer journey: waiting times, bookings and follow-up',
    };
    const [title] = boldLines(toSvg(boardExport([frame])), 'f-long');
    // "Customer journey: waiting times,…" is 397 px in bold: past the 376 the frame has.
    expect(title?.lines).toEqual(['Customer journey: waiting…']);
    expect(textWidth(title?.lines[0] ?? '', 'bold') * 20).toBeLessThanOrEqual(400 - 2 * 12);
  });

  it('never breaks a bold word at a letter an em wide ("m", "W"), as it breaks beside CJK', () => {
    const room = textWidth('Asiakas ja muu', 'bold');
    expect(wrapText('Asiakas ja muumimuki', room, 4, 'bold')).toEqual(['Asiakas ja', 'muumimuki']);
    expect(wrapText('Wow Mammutti', textWidth('Wow Mam', 'bold'), 4, 'bold')).toEqual([
      'Wow',
      'Mammutti',
    ]);
  });
});
