/**
 * How the SVG export breaks text into lines: by measured width, never inside a grapheme, with
 * CJK broken between characters and kinsoku kept. Widths are in ems (text-width.ts).
 */
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../server/follow-through/exports/svg-text.ts';
import {
  EMOJI,
  graphemes,
  NARROW,
  segmentsOf,
  textWidth,
} from '../../server/follow-through/exports/text-width.ts';

const SEGMENTER = new Intl.Segmenter('und', { granularity: 'grapheme' });
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const clusters = (text: string) => [...SEGMENTER.segment(text)].map((s) => s.segment);
/**
 * Whether the lines are `text`, in order and whole, broken only between its graphemes. Spaces
 * are left out on both sides: a line break takes the place of one.
 */
const splitsNoGrapheme = (text: string, lines: readonly string[]) => {
  const unspaced = text.replace(/ /g, '');
  const whole = new Set<number>([0]);
  let at = 0;
  for (const cluster of clusters(unspaced)) {
    at += cluster.length;
    whole.add(at);
  }
  let offset = 0;
  for (const line of lines.map((l) => l.replace(/ /g, ''))) {
    if (!whole.has(offset) || !unspaced.startsWith(line, offset)) return false;
    offset += line.length;
  }
  return offset === unspaced.length;
};

/** A sticky note's text area: 200 wide less 12 padding each side, at 16 px. */
const NOTE_EMS = (200 - 2 * 12) / 16;
/** Closing punctuation a Japanese or Chinese line may not begin with. */
const CLOSING = /^[、。，．）」』】〕！？：；ー]/;

describe('wrapping text for the SVG picture', () => {
  it('a row of ten flags wraps only between flags', () => {
    const flags = '🇵🇱🇫🇮🇸🇪🇳🇴🇩🇰🇮🇸🇪🇪🇱🇻🇱🇹🇩🇪';
    const lines = wrapText(flags, 3 * EMOJI, 10);
    expect(lines.length).toBeGreaterThan(2);
    expect(splitsNoGrapheme(flags, lines)).toBe(true);
    for (const line of lines) expect(line).toMatch(/^(\p{Regional_Indicator}{2})+$/u);
  });

  it('👩🏼‍🏫 and 👨‍👩‍👧‍👦 are never split, by wrapping or by the "…" cut', () => {
    const team = 'Tiimi: 🙂👩🏽‍💻👨🏿‍💻👩🏻‍🔬👨🏽‍🍳👩🏼‍🏫👨‍👩‍👧‍👦👩🏽‍💻';
    const lines = wrapText(team, 6 * NARROW, 10);
    expect(splitsNoGrapheme(team, lines)).toBe(true);
    expect(lines).toContain('👨🏽‍🍳👩🏼‍🏫');
    const families = '👨‍👩‍👧‍👦'.repeat(4);
    // Room for two families and the "…", not three.
    const cut = wrapText(families, 2 * EMOJI + textWidth('…'), 1);
    expect(cut).toEqual(['👨‍👩‍👧‍👦👨‍👩‍👧‍👦…']);
  });

  it('an accent, a Devanagari vowel sign or a conjunct stays with its letter', () => {
    const nfd = 'Ngu\u0303gi\u0303gu\u0303gi\u0303';
    expect(splitsNoGrapheme(nfd, wrapText(nfd, 4 * NARROW, 5))).toBe(true);
    const hindi = 'प्रतीक्षासमयकमकरेंप्रतीक्षासमयकमकरें';
    const lines = wrapText(hindi, 5 * NARROW, 10);
    expect(lines.length).toBeGreaterThan(2);
    expect(splitsNoGrapheme(hindi, lines)).toBe(true);
    for (const line of lines) expect(line).not.toMatch(/^\p{M}/u);
  });

  it('a 40-character Japanese note wraps between characters to lines that fit the note', () => {
    // The 12th character is "。": eleven fit on a line, and a line may not begin with it.
    const japanese =
      '窓口での待ち時間が長い。予約システムを導入して、待ち時間を短縮し負担も減らせる。';
    expect([...japanese]).toHaveLength(40);
    const lines = wrapText(japanese, NOTE_EMS, 8);
    expect(lines.join('')).toBe(japanese);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(textWidth(line)).toBeLessThanOrEqual(NOTE_EMS + 1e-9);
      expect(line).not.toMatch(CLOSING);
    }
    // "長い。" went down together rather than leave "。" to begin a line.
    expect(lines[1]?.startsWith('い。')).toBe(true);
  });

  it('Chinese and Korean fit their box too, and no line begins with "，" or "。"', () => {
    const chinese =
      '客户在柜台等待时间太长，我们应该引入在线预约系统，缩短等待时间，同时减轻员工负担，并让客户可以通过手机应用随时修改或取消预约。';
    const korean =
      '고객 대기 시간이 너무 깁니다. 온라인 예약 시스템을 도입하여 대기 시간을 줄이고 직원의 부담도 줄입시다.';
    for (const text of [chinese, korean]) {
      const lines = wrapText(text, NOTE_EMS, 20);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      for (const line of lines) {
        expect(textWidth(line)).toBeLessThanOrEqual(NOTE_EMS + 1e-9);
        expect(line).not.toMatch(CLOSING);
      }
    }
  });

  it('CJK after Latin text goes on in the same line: it breaks between any two characters', () => {
    const lines = wrapText('Call center: 顧客が窓口で待つ時間が長すぎる', NOTE_EMS, 5);
    expect(lines[0]).toBe('Call center: 顧客が窓');
    expect(lines[1]).toBe('口で待つ時間が長すぎる');
  });

  it('a long Japanese text with an emoji is cut with "…" inside its box', () => {
    const japanese =
      '顧客が😩窓口で待つ時間が長すぎるので、オンライン予約システムを導入して待ち時間を短縮する。';
    const lines = wrapText(japanese, NOTE_EMS, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(NOTE_EMS + 1e-9);
  });

  it('Thai, written without spaces, breaks between words', () => {
    const thai = 'ลูกค้ารอนานเกินไปควรมีระบบจองคิวออนไลน์เพื่อลดเวลารอและลดภาระของพนักงาน';
    const words = new Intl.Segmenter('th', { granularity: 'word' });
    const boundaries = new Set([...words.segment(thai)].map((s) => s.index));
    const lines = wrapText(thai, NOTE_EMS, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(thai);
    let offset = 0;
    for (const line of lines) {
      expect(boundaries.has(offset)).toBe(true);
      expect(textWidth(line)).toBeLessThanOrEqual(NOTE_EMS + 1e-9);
      offset += line.length;
    }
  });

  it('Latin text wraps at spaces, a long word broken, "…" when cut', () => {
    expect(
      wrapText('Asiakas ei tiedä, kenelle soittaa ja mihin aikaan palvelu on auki', 11, 8),
    ).toEqual(['Asiakas ei tiedä,', 'kenelle soittaa ja', 'mihin aikaan palvelu', 'on auki']);
    expect(wrapText('Lentokonesuihkuturbiinimoottoriapumekaanikko', 11, 2)).toEqual([
      'Lentokonesuihkuturbi',
      'inimoottoriapumek…',
    ]);
    expect(wrapText('Rivi 1\n\nRivi 3', 11, 5)).toEqual(['Rivi 1', '', 'Rivi 3']);
  });

  it('never breaks a word at a letter wider than an em ("Ж", "Ю", "Œ"), as it breaks beside CJK', () => {
    expect(wrapText('Клиенты ОЖИДАЮТ ОТВЕТА', textWidth('Клиенты ОЖИД'), 5)).toEqual([
      'Клиенты',
      'ОЖИДАЮТ',
      'ОТВЕТА',
    ]);
    expect(wrapText('Le chœur de l’Œuvre', textWidth('Le chœur de l’Œu'), 5)).toEqual([
      'Le chœur de',
      'l’Œuvre',
    ]);
  });
});

describe('measuring text', () => {
  it('an accent, a Hebrew point or a bidi mark on its own, as at a line’s start, takes no room', () => {
    for (const weight of ['normal', 'bold'] as const) {
      for (const mark of ['\u0301', '\u0483', '\u05B0', '\u200E']) {
        expect(textWidth(mark, weight)).toBe(0);
        expect(textWidth(`${mark}a`, weight)).toBe(textWidth('a', weight));
      }
    }
  });
});

describe('graphemes', () => {
  it('the fast path splits Latin (Vietnamese too), Greek, Cyrillic, Armenian, Hebrew, Georgian, punctuation, symbols and CJK as ICU does', () => {
    const ranges: [number, number][] = [
      [0x20, 0x2ff],
      [0x370, 0x482],
      [0x48a, 0x58f],
      [0x5d0, 0x5f4],
      [0x10a0, 0x10ff],
      [0x1e00, 0x1fff],
      [0x2010, 0x2027],
      [0x2030, 0x205e],
      [0x2100, 0x27bf],
      [0x3000, 0x3029],
      [0x3030, 0x3098],
      [0x309b, 0x30ff],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xac00, 0xd7a3],
      [0xff01, 0xff9d],
    ];
    for (const [from, to] of ranges) {
      // Each character twice, so one that joins its own kind would show; in pieces, as ICU
      // is slow on long texts.
      for (let start = from; start <= to; start += 1000) {
        let text = '';
        for (let code = start; code <= Math.min(to, start + 999); code++) {
          text += String.fromCharCode(code).repeat(2);
        }
        const ours = [...graphemes(text)];
        const icu = clusters(text);
        const differs = icu.findIndex((cluster, i) => ours[i] !== cluster);
        expect(differs === -1 ? 'same' : `first differs: ${icu[differs]}`).toBe('same');
        expect(ours).toHaveLength(icu.length);
      }
    }
  });

  it('Thai, and letters with accents typed apart, are split as ICU splits them', () => {
    let text = '';
    for (const code of [...range(0x300, 0x36f), ...range(0xe01, 0xe5b)]) {
      const char = String.fromCharCode(code);
      text += `ก${char}${char}a${char}${char}${char}`;
    }
    expect([...graphemes(text)]).toEqual(clusters(text));
    expect([...graphemes('\u0301ก\u0E48')]).toEqual(clusters('\u0301ก\u0E48'));
  });

  it('text mixing those with emoji and accents is split as ICU splits it', () => {
    const mixed =
      'Maat: 🌍🇫🇮🇸🇪 a\u0303 #️⃣ ‼️ 가\u11A8 \u0600१ \u06001 क्षा 👩🏼‍🏫x👨‍👩‍👧‍👦 ☝🏽✋🏿 ❤️‍🔥⛹🏻‍♀️ ✔️☑︎ שָׁלוֹם עוֹלָם';
    expect([...graphemes(mixed)]).toEqual(clusters(mixed));
  });

  it('a long text is read in windows exactly as ICU reads it whole', () => {
    const words = new Intl.Segmenter('und', { granularity: 'word' });
    for (const text of [
      '🇫🇮🇸🇪a🇫'.repeat(300),
      'क्षा👩🏼‍🏫'.repeat(400),
      'ลูกค้ารอนานเกินไปควรมีระบบ'.repeat(100),
      "can't won't ".repeat(200),
    ]) {
      expect([...graphemes(text)]).toEqual(clusters(text));
      const whole = [...words.segment(text)].map((s) => s.index);
      expect([...segmentsOf(words, text)].map((s) => s.index)).toEqual(whole);
    }
  });

  it('a note of 64,000 emoji wraps as fast as a short one', () => {
    const started = performance.now();
    const lines = wrapText('🙂'.repeat(64_000), NOTE_EMS, 8);
    expect(performance.now() - started).toBeLessThan(250);
    expect(lines).toHaveLength(8);
    expect(lines[7]?.endsWith('…')).toBe(true);
  });
});
