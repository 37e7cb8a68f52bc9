/**
 * `npm run bench:export-text`: how long each export format takes over one note of 100,000
 * characters of an awkward shape (one long word, a run of dots after an address, …), rendered
 * in this process: what one participant's note can cost the server at every export of the
 * board. Ideamill only.
 */
import { renderExport } from '../server/follow-through/exports/index.ts';
import { type BoardExport, EXPORT_FORMATS } from '../shared/follow-through.ts';
import { median } from './stats.ts';

const N = 100_000;
const REPS = 3;

const TEXTS: Record<string, string> = {
  'one word': 'x'.repeat(N),
  words: 'ab '.repeat(N / 3),
  'a@a@…': 'a@'.repeat(N / 2),
  'a@b.a@b.…': 'a@b.'.repeat(N / 4),
  'an address, then dots': `http://x${'.'.repeat(N)}y`,
  'an address, then )': `http://x${')'.repeat(N)}`,
  '*_*_…': '*_'.repeat(N / 2),
  lines: 'a\n'.repeat(N / 2),
};

function board(text: string): BoardExport {
  const at = '2026-12-05T10:00:00.000Z';
  return {
    format: 'ideamill.board-export',
    version: 1,
    exportedAt: at,
    board: { id: 'b', title: 'Hostile text', template: 'blank', language: 'en', createdAt: at },
    snapshot: null,
    members: [],
    items: [
      {
        id: 'n',
        type: 'note',
        x: 0,
        y: 0,
        w: 200,
        h: 200,
        color: '#fff',
        createdAt: 1,
        z: 1,
        text,
      },
    ],
    rounds: [],
    followUps: [],
  } as unknown as BoardExport;
}

const rows: string[][] = [['text', ...EXPORT_FORMATS.map((format) => `${format} (ms)`)]];
for (const [name, text] of Object.entries(TEXTS)) {
  const model = board(text);
  const row = [name];
  for (const format of EXPORT_FORMATS) {
    const times: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      const started = performance.now();
      renderExport(model, format, {});
      times.push(performance.now() - started);
    }
    row.push(median(times).toFixed(1));
  }
  rows.push(row);
}
for (const row of rows)
  console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(24) : cell.padStart(12))).join(''));
