/**
 * The version preview reads the report the server writes. Checked against a real Markdown
 * lexer (marked) on a report full of text that looks like Markdown: both must see the same
 * headings, lists, tables, quotes and paragraphs, and every note must read as it was typed.
 */
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { parseInline, parseReport } from '../../client/src/workshop/report-markdown.ts';
import { toMarkdown } from '../../server/follow-through/exports/markdown.ts';
import { CONCEPT_FIELDS } from '../../shared/board-document.ts';
import { CONCEPT_FIELD_LABELS } from '../../shared/concept-fields.ts';
import type { Round } from '../../shared/facilitation.ts';
import type { BoardExport, ExportItem } from '../../shared/follow-through.ts';

const NOTES = [
  '| # <b>bold?</b> | not a cell',
  '**not strong** and *not emphasis* and _not either_',
  '- not a list item',
  '1. not a numbered list',
  '> not a quote',
  '# not a heading',
  'C:\\raportit\\kysely and a trailing backslash \\',
  'First line\nsecond line\n\n  indented third',
  '`code?` [link](http://example.com) ~~gone~~ <script>alert(1)</script>',
  '=SUM(A1) +1 @everyone',
  '&lt;b&gt; AT&amp;T &copy; & more',
  'Survey: https://forms.example.fi/?id=12&lang=fi#osio_2 (closes Friday).',
  'Write to ake_akaslompolo@example.fi or see (https://en.wikipedia.org/wiki/Foo_(bar)).',
];

const T = '2026-03-14T10:00:00.000Z';
const note = (id: string, text: string, index: number): ExportItem =>
  ({
    id,
    type: 'note',
    x: 20 + index * 220,
    y: 60,
    w: 200,
    h: 200,
    color: '#fff3a3',
    createdAt: Date.parse(T) + index,
    text,
    parent: 'f1',
  }) as ExportItem;

const round: Round = {
  id: 'r1',
  title: 'Pick | the *best*',
  status: 'closed',
  budget: 3,
  maxPerItem: 3,
  itemTypes: ['note'],
  frameId: null,
  anonymous: true,
  durationSec: null,
  openedAt: T,
  closesAt: null,
  closedAt: T,
  voters: 2,
};

function report(language: 'en' | 'fi'): string {
  const model: BoardExport = {
    format: 'ideamill.board-export',
    version: 1,
    exportedAt: T,
    board: { id: 'b1', title: 'Day # 1 *', template: 'blank', language, createdAt: T },
    snapshot: { id: 's1', name: 'Before **lunch**', createdAt: T },
    members: [{ id: 'm1', name: 'Fran', role: 'facilitator' }],
    items: [
      {
        id: 'f1',
        type: 'frame',
        x: 0,
        y: 0,
        w: 3000,
        h: 400,
        color: '#f8f9fa',
        createdAt: Date.parse(T),
        title: 'Lane | one',
      } as ExportItem,
      ...NOTES.map((text, index) => note(`n${index}`, text, index)),
      {
        id: 'c1',
        type: 'concept',
        x: 0,
        y: 600,
        w: 420,
        h: 560,
        color: '#ffffff',
        createdAt: Date.parse(T),
        title: 'Guide *star*',
        text: 'Body line\n- with a dash',
        fields: { name: 'Guide', firstStep: 'Pilot\n**in** spring' },
      } as ExportItem,
    ],
    rounds: [
      {
        round,
        results: [
          { itemId: 'n0', votes: 2, rank: 1 },
          { itemId: 'gone', votes: 1, rank: 2, label: 'Deleted | one' },
        ],
        excluded: [{ itemId: 'x*1', votes: 1, reason: 'item_deleted' }],
      },
    ],
    followUps: [
      {
        id: 'fu1',
        itemId: 'n1',
        title: 'Ask | facilities',
        owner: { name: '' },
        status: 'open',
        notes: 'Line one\nline two',
        createdAt: T,
        updatedAt: T,
      },
      {
        id: 'fu2',
        itemId: 'c1',
        title: 'Pilot',
        owner: { name: 'Fran', email: 'fran_k@example.fi', memberId: 'm1' },
        due: '2026-04-01',
        status: 'in_progress',
        createdAt: T,
        updatedAt: T,
      },
    ],
  };
  return toMarkdown(model);
}

type Plain = { kind: string; text: string | string[] | string[][] };

/** marked's inline tokens as the text a reader sees: escapes resolved, `\n` for a line break. */
function markedText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      if (token.type === 'br') return '\n';
      if (token.type === 'escape') return (token as Tokens.Escape).text;
      if ('tokens' in token && token.tokens) return markedText(token.tokens);
      if (token.type === 'text') return (token as Tokens.Text).text.replace(/\n/g, ' ');
      return token.raw;
    })
    .join('');
}

function markedBlocks(markdown: string): Plain[] {
  return marked
    .lexer(markdown, { gfm: true })
    .filter((token) => token.type !== 'space')
    .map((token): Plain => {
      switch (token.type) {
        case 'heading':
          return { kind: `h${(token as Tokens.Heading).depth}`, text: markedText(token.tokens) };
        case 'list':
          return {
            kind: 'list',
            text: (token as Tokens.List).items.map((item) => markedText(item.tokens)),
          };
        case 'table': {
          const table = token as Tokens.Table;
          return {
            kind: 'table',
            text: [
              table.header.map((cell) => markedText(cell.tokens)),
              ...table.rows.map((row) => row.map((cell) => markedText(cell.tokens))),
            ],
          };
        }
        case 'blockquote':
          return { kind: 'quote', text: markedText(token.tokens) };
        case 'paragraph':
          return { kind: 'paragraph', text: markedText(token.tokens) };
        default:
          return { kind: token.type, text: token.raw };
      }
    });
}

const runsText = (runs: readonly { text: string }[]) => runs.map((run) => run.text).join('');

function ourBlocks(markdown: string): Plain[] {
  return parseReport(markdown).map((block): Plain => {
    switch (block.kind) {
      case 'heading':
        return { kind: `h${block.level}`, text: runsText(block.content) };
      case 'list':
        return { kind: 'list', text: block.items.map(runsText) };
      case 'table':
        return {
          kind: 'table',
          text: [block.header.map(runsText), ...block.rows.map((row) => row.map(runsText))],
        };
      default:
        return { kind: block.kind, text: runsText(block.content) };
    }
  });
}

describe('the version preview reads the report', () => {
  for (const language of ['en', 'fi'] as const) {
    it(`as a Markdown lexer does (${language})`, () => {
      const markdown = report(language);
      expect(ourBlocks(markdown)).toEqual(markedBlocks(markdown));
    });
  }

  it('shows every note as it was typed, and the report’s own emphasis as emphasis', () => {
    const blocks = parseReport(report('en'));
    const lists = blocks.flatMap((block) => (block.kind === 'list' ? block.items : []));
    const shown = lists.map(runsText);
    for (const text of NOTES) {
      const typed = text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join('\n');
      expect(shown).toContain(typed);
    }
    // Nothing a note says turns into emphasis: only the report's labels are set in bold.
    const strong = lists.flat().filter((run) => run.strong);
    expect(strong.map((run) => run.text)).toEqual(
      CONCEPT_FIELDS.map((field) => `${CONCEPT_FIELD_LABELS.en[field]}:`),
    );
    const table = blocks.filter((block) => block.kind === 'table').at(-1);
    const rows = table?.kind === 'table' ? table.rows : [];
    const unassigned = rows.find((row) => runsText(row[0] ?? []) === 'Ask | facilities');
    expect(unassigned?.[2]).toEqual([{ text: 'unassigned', em: true }]);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, content: [{ text: 'Day # 1 *' }] });
  });

  it('an entity a note spells out reads as typed once rendered, not as the character', async () => {
    const html = await marked.parse(report('en'));
    // In HTML, "&amp;lt;" is what shows as "&lt;"; a bare "&lt;" would show as "<".
    expect(html).toContain('&amp;lt;b&amp;gt; AT&amp;amp;T &amp;copy; &amp; more');
  });

  it('a web or e-mail address in a note links to exactly that address (QA: escapes broke it)', async () => {
    const html = await marked.parse(report('en'));
    const links = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map(([, href, text]) => [
      href,
      text,
    ]);
    expect(links).toEqual([
      ['http://example.com', 'http://example.com'],
      [
        'https://forms.example.fi/?id=12&amp;lang=fi#osio_2',
        'https://forms.example.fi/?id=12&amp;lang=fi#osio_2',
      ],
      ['mailto:ake_akaslompolo@example.fi', 'ake_akaslompolo@example.fi'],
      ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
      ['mailto:fran_k@example.fi', 'fran_k@example.fi'],
    ]);
  });

  it('leaves unpaired marks and unknown syntax as text', () => {
    expect(parseInline('2 * 3 = 6')).toEqual([{ text: '2 * 3 = 6' }]);
    expect(parseInline('**open only')).toEqual([{ text: '**open only' }]);
    expect(parseInline('a **b** c')).toEqual([
      { text: 'a ' },
      { text: 'b', strong: true },
      { text: ' c' },
    ]);
    expect(parseReport('<b>x</b>\n\n| lone pipe')).toEqual([
      { kind: 'paragraph', content: [{ text: '<b>x</b>' }] },
      { kind: 'paragraph', content: [{ text: '| lone pipe' }] },
    ]);
  });
});
