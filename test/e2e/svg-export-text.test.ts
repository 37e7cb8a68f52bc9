/**
 * The SVG export opened in real Chromium, drawn in whatever font the browser picks for it (DejaVu
 * Sans here): every bold line (lane and frame titles, card titles, field labels) and every line of
 * a note ends inside the box it was fitted to. Measured by one average width for every letter, a
 * bold title ran about 10 px past its lane's first stage line, and a note in capitals past its
 * note (QA). And the export's widths are DejaVu Sans's and DejaVu Sans Bold's, as Chromium draws
 * them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toSvg } from '../../server/follow-through/exports/svg.ts';
import { graphemeWidth } from '../../server/follow-through/exports/text-width.ts';
import { type Item, itemsOf, readItems } from '../../shared/board-document.ts';
import type { BoardExport } from '../../shared/follow-through.ts';
import { applyTemplate } from '../../shared/templates.ts';
import { boardExport } from '../helpers/board-export.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';

const PAD = 12;
const HAS_DEJAVU = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu-sans-fonts'].some(
  (dir) =>
    ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].every((font) => fs.existsSync(`${dir}/${font}`)),
);

/** A Finnish journey board with long lane titles, long frame titles and long card titles. */
function board(): BoardExport {
  const doc = new Y.Doc();
  applyTemplate(doc, 'customer-journey', 'fi');
  const lanes = [...itemsOf(doc).values()]
    .filter((map) => map.get('type') === 'frame')
    .sort((a, b) => Number(a.get('y')) - Number(b.get('y')));
  lanes[0]?.set('title', 'Asiakkaan tunteet ja odotukset');
  lanes[3]?.set(
    'title',
    'Henkilökunnan ja asiakkaiden väliset kohtaamiset palvelupisteessä, verkossa ja puhelimessa',
  );
  const frame = (id: string, x: number, title: string): Item => ({
    ...{ id, type: 'frame', x, y: 3000, w: 400, h: 200, color: '#f8f9fa', createdAt: 1 },
    title,
  });
  const note = (id: string, x: number, text: string): Item => ({
    ...{ id, type: 'note', x, y: 3000, w: 200, h: 200, color: '#fff3bf', createdAt: 1 },
    text,
  });
  const card = (id: string, x: number, w: number, title: string): Item => ({
    ...{ id, type: 'concept', x, y: 3000, w, h: 500, color: '#ffffff', createdAt: 1 },
    ...{ title, text: '', fields: { name: title } },
  });
  return boardExport(
    [
      ...readItems(doc),
      frame('f-fi', 0, 'Asiakaskokemuksen kehittäminen palvelupisteissä ja verkossa'),
      frame('f-en', 500, 'Customer journey: waiting times, bookings and follow-up'),
      card('c-fi', 1000, 300, 'Palveluluotsi ohjaa asiakkaan oikealle asiantuntijalle heti'),
      card('c-en', 1400, 260, 'Booking assistant makes the first appointment painless'),
      card('c-caps', 1700, 240, 'WOW MOMENTS AT THE DESK'),
      note('n-caps', 2000, 'ASIAKAS ODOTTAA JONOSSA LIIAN KAUAN, MEMO: WWW-AJANVARAUS MUKAAN'),
      note('n-cyr', 2250, 'Клиенты ждут в очереди слишком долго, нужна онлайн-запись'),
      note('n-en', 2500, 'Customers wait too long in the queue: add online booking with reminders'),
      note('n-el', 2750, 'ΟΙ ΠΕΛΑΤΕΣ ΠΕΡΙΜΕΝΟΥΝ ΠΟΛΥ ΣΤΗΝ ΟΥΡΑ, ΧΡΕΙΑΖΕΤΑΙ ΗΛΕΚΤΡΟΝΙΚΗ ΚΡΑΤΗΣΗ'),
      note('n-vi', 3000, 'KHÁCH HÀNG CHỜ QUÁ LÂU Ở QUẦY, CẦN ĐẶT LỊCH TRỰC TUYẾN VÀ NHẮC HẸN'),
      note('n-ro', 3250, 'CLIENȚII AȘTEAPTĂ PREA MULT LA GHIȘEU: PROGRAMARE ONLINE ȘI MEMENTO'),
    ],
    { board: { id: 'b-titles', template: 'customer-journey', language: 'fi' } },
  );
}

/** Runs of code points written "531-556 1f59 …", in hex. */
function runs(text: string): [number, number][] {
  return text.split(' ').map((run) => {
    const [from = '', to = from] = run.split('-');
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
  });
}

/** Where a bold line must end: a lane's title stays left of its first stage line. */
function rightEdge(item: Item): number {
  const column = item.type === 'frame' ? item.columns?.[0] : undefined;
  return item.x + (column ?? item.w) - PAD;
}

describe.skipIf(!HAS_CHROMIUM)('the SVG export in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every bold line ends inside its lane column, frame or card, and a note’s lines inside it (QA: titles ran 10 px past)', async () => {
    const model = board();
    const file = path.join(os.tmpdir(), `ideamill-svg-text-${process.pid}.svg`);
    fs.writeFileSync(file, toSvg(model));
    const page = await browser.newPage();
    try {
      await page.goto(`file://${file}`);
      const drawn = await page.evaluate(() =>
        [...document.querySelectorAll('text')].flatMap((text) =>
          [...text.querySelectorAll('tspan')].map((tspan) => {
            const box = tspan.getBBox();
            return {
              item: text.closest('[data-item]')?.getAttribute('data-item') ?? '',
              bold: text.getAttribute('font-weight') === 'bold',
              line: tspan.textContent ?? '',
              right: box.x + box.width,
              advance: Number(tspan.getAttribute('x')) + tspan.getComputedTextLength(),
            };
          }),
        ),
      );
      const byId = new Map(model.items.map((item) => [item.id, item]));
      const fitted = drawn.filter((row) => row.bold || byId.get(row.item)?.type === 'note');
      const over = fitted.flatMap(({ item, line, right, advance }) => {
        const edge = rightEdge(byId.get(item) as Item);
        const past = Math.max(right, advance) - edge;
        return past > 0.05 ? [`${item} "${line}": ${past.toFixed(2)} px past`] : [];
      });
      expect(over).toEqual([]);
      // The board holds what the check is for: titles wrapped onto several lines and cut with "…".
      const lines = (id: string) => fitted.filter((row) => row.item === id).map((row) => row.line);
      expect(lines('c-en')).toHaveLength(2 + 8);
      expect(drawn.filter((row) => row.line.endsWith('…')).length).toBeGreaterThan(3);
      for (const id of ['n-caps', 'n-cyr', 'n-en', 'n-el', 'n-vi', 'n-ro']) {
        expect(lines(id).length).toBeGreaterThan(2);
      }
    } finally {
      await page.close();
      fs.rmSync(file, { force: true });
    }
  });

  it.skipIf(!HAS_DEJAVU)(
    'the widths are what Chromium draws in DejaVu Sans and DejaVu Sans Bold, never less',
    async () => {
      // Every character the tables have (dejavu-widths.ts), and the accents they leave out,
      // which take no room even alone.
      const chars = [
        [0x20, 0x7e],
        [0xa0, 0x2e9],
        [0x300, 0x34f],
        // Greek, between its unassigned code points.
        [0x370, 0x377],
        [0x37a, 0x37f],
        [0x384, 0x38a],
        [0x38c, 0x38c],
        [0x38e, 0x3a1],
        [0x3a3, 0x3ff],
        [0x400, 0x525],
        // Armenian, Hebrew (its points too, which take no room) and Georgian, as DejaVu has them.
        ...runs(
          '531-556 559-55f 561-587 589-58a 5b0-5c3 5c6-5c7 5d0-5ea 5f0-5f4 10a0-10c5 10d0-10fc',
        ),
        [0x1e00, 0x1efb],
        // Polytonic Greek, between its unassigned code points.
        ...runs('1f00-1f15 1f18-1f1d 1f20-1f45 1f48-1f4d 1f50-1f57 1f59 1f5b 1f5d 1f5f-1f7d'),
        ...runs('1f80-1fb4 1fb6-1fc4 1fc6-1fd3 1fd6-1fdb 1fdd-1fef 1ff2-1ff4 1ff6-1ffe'),
        [0x2000, 0x2064],
        [0x20a0, 0x20b5],
        [0x20b8, 0x20ba],
        [0x20bd, 0x20bd],
        // Letterlike symbols, number forms, arrows, mathematical operators.
        ...runs('2100-2109 210b-2149 214b 214e 2150-2185 2189 2190-21ff 2200-22ff'),
        // Technical symbols, geometric shapes, symbols and dingbats: those DejaVu has, but the
        // emoji ("◽", "☕", "⚡"…), which text-width.ts measures as emoji.
        ...runs('2300-2311 2318-2319 231c-2321 2324-2328 232b-232c 2373-2375 237a 237d 2387 2394'),
        ...runs('239b-23ae 23ce-23cf 23e3 23e5 23e8 25a0-25fc 25ff'),
        ...runs('2600-2613 2616-2647 2654-267e 2680-2692 2694-269c 269e-26a0 26a2-26a9 26ac-26b8'),
        ...runs('26c0-26c3 26e2 2701-2704 2706-2709 270c-2727 2729-274b 274d 274f-2752 2756'),
        ...runs('2758-275e 2761-2794 2798-27af 27b1-27be'),
      ].flatMap(([from = 0, to = 0]) =>
        Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)),
      );
      const page = await browser.newPage();
      try {
        await page.setContent('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
        const wrong: string[] = [];
        for (const weight of ['normal', 'bold'] as const) {
          const drawn = await page.evaluate(
            ({ all, weight }) => {
              const svg = document.querySelector('svg') as SVGSVGElement;
              return all.map((char) => {
                const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
                text.setAttribute('font-family', 'DejaVu Sans');
                text.setAttribute('font-weight', weight);
                text.setAttribute('font-size', '1000');
                text.setAttribute('xml:space', 'preserve');
                text.style.whiteSpace = 'pre';
                text.textContent = char;
                svg.append(text);
                return text.getComputedTextLength() / 1000;
              });
            },
            { all: chars, weight },
          );
          for (const [i, char] of chars.entries()) {
            const table = graphemeWidth(char, weight);
            const width = drawn[i] ?? Number.NaN;
            const ok = table >= width - 1e-6 && table - width < 0.0011;
            const code = char.charCodeAt(0).toString(16);
            if (!ok) wrong.push(`${weight} U+${code}: ${table} for ${width}`);
          }
        }
        expect(wrong).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
