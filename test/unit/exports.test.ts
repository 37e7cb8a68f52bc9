/**
 * The export formats, checked by parsing what they produce with real parsers: an RFC 4180 CSV
 * reader, a JSON Schema validator, an XML parser, an iCalendar parser and a Markdown lexer.
 * The fixture is a Finnish customer-journey board as a development day leaves it.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { exportRoute } from '../../client/src/workshop/download.ts';
import { BOARD_WORDS } from '../../server/boards/board-words.ts';
import { toAgenda } from '../../server/follow-through/exports/agenda.ts';
import { toCsv } from '../../server/follow-through/exports/csv.ts';
import { foldLine, toIcs } from '../../server/follow-through/exports/ics.ts';
import { renderExport } from '../../server/follow-through/exports/index.ts';
import { toJson } from '../../server/follow-through/exports/json.ts';
import { labelsFor } from '../../server/follow-through/exports/labels.ts';
import { toMarkdown } from '../../server/follow-through/exports/markdown.ts';
import { mdInline } from '../../server/follow-through/exports/markdown-text.ts';
import { toSvg } from '../../server/follow-through/exports/svg.ts';
import { textWidth } from '../../server/follow-through/exports/text-width.ts';
import type { Item } from '../../shared/board-document.ts';
import type { Round } from '../../shared/facilitation.ts';
import {
  type BoardExport,
  type ExportItem,
  type FollowUp,
  spreadsheetSeparator,
} from '../../shared/follow-through.ts';

// ---------------------------------------------------------------------------------------------
// Fixture
// ---------------------------------------------------------------------------------------------

const T0 = Date.parse('2025-03-14T08:00:00.000Z');
const base = { w: 200, h: 200, color: '#fff3a3' };
let clock = 0;
const at = () => T0 + 60_000 * ++clock;

const HOSTILE_MD = '| # <b>lihavoitu</b>';
const SCRIPT_NOTE = '<script>alert(1)</script>';
const ATTR_NOTE = '"><img src=x onerror=alert(1)>';
const CSV_NOTE = 'Jonotus, "odotus" ja\nepätietoisuus – ärsyttää';
const LONG_NOTES =
  'Pilotti alkaa Tampereen toimipisteessä; mukaan myös Hämeenlinna, Lahti ja Jyväskylä.\n' +
  'Huom: asiakaskyselyn tulokset (2024) löytyvät kansiosta C:\\raportit\\kysely 📊🙂 — ' +
  'päivitetään viikoittain, ja palaute kerätään ennen kesälomia ☀️.\n' +
  `Tunnelma työpajan jälkeen: ${'🙂👍🏽'.repeat(20)}`;
const BOARD_TITLE = 'Kehittämispäivä: asiakaspalvelu';

/** A lane of the journey, divided where its five stages meet. */
function frame(id: string, title: string, y: number, color = '#f8f9fa'): Item {
  const columns = [220, 540, 860, 1180, 1500];
  return { id, type: 'frame', x: 0, y, w: 1820, h: 240, color, createdAt: at(), title, columns };
}

function note(id: string, text: string, x: number, y: number, extra: Partial<Item> = {}): Item {
  return {
    id,
    type: 'note',
    x,
    y,
    ...base,
    createdAt: at(),
    author: 'm-p1',
    text,
    ...extra,
  } as Item;
}

const items: Item[] = [
  {
    id: 't-title',
    type: 'text',
    x: 0,
    y: -140,
    w: 1820,
    h: 60,
    color: '#fff3a3',
    createdAt: at(),
    text: 'Asiakkaan palvelupolku',
  },
  frame('f-people', 'Ihmiset', 0),
  frame('f-env', 'Ympäristöt (virtuaaliset ja fyysiset)', 240),
  frame('f-objects', 'Esineet', 480),
  frame('f-feel', 'Asiakkaan tunteet', 720, '#fff0f3'),
  // Inside "Ihmiset" by its parent.
  note('n1', 'Asiakas ei tiedä, kenelle soittaa', 240, 20, { parent: 'f-people' }),
  // No parent: inside "Ympäristöt" because its centre (660, 360) is.
  note('n2', 'Chat-palvelu ilta-aikaan', 560, 260, { author: 'm-p2' }),
  note('n3', HOSTILE_MD, 240, 500, { w: 400 }),
  note('n4', CSV_NOTE, 240, 740),
  // Its parent wins over its position, which is inside "Asiakkaan tunteet".
  note('n11', 'Henkilökunnan nimet näkyviin', 900, 740, { parent: 'f-people' }),
  note('n5', '=HYPERLINK("http://evil.example","klikkaa")', 2000, 0),
  note('n6', '+1 tästä', 2000, 220),
  note('n7', '-1 huono idea', 2000, 440),
  note('n8', '@kaikki huom', -400, 1000),
  note('n9', SCRIPT_NOTE, 2000, 660, { w: 400 }),
  note('n10', ATTR_NOTE, 2000, 880, { w: 400 }),
  note('n12', 'Värikäs', 2000, 1100, { color: '"/><script>alert(2)</script><x a="' }),
  {
    id: 'c1',
    type: 'concept',
    x: 2500,
    y: 0,
    w: 420,
    h: 560,
    color: '#ffffff',
    createdAt: at(),
    author: 'm-fac',
    title: 'Palveluluotsi',
    text: 'Syntyi tiimi A:n ideoista.',
    fields: {
      name: 'Palveluluotsi',
      targetCustomer: 'Ensimmäistä kertaa asioiva asiakas',
      customerNeed: 'Tietää heti, minne kääntyä',
      serviceIdea: 'Aulassa ja chatissa luotsi, joka ohjaa oikealle asiantuntijalle',
      touchpoints: 'Aula, chat, puhelin',
      customerValue: 'Vähemmän odottelua ja epävarmuutta',
      organisationValue: 'Vähemmän väärin ohjattuja yhteydenottoja',
      firstStep: 'Kahden viikon pilotti Tampereella',
    },
  },
  {
    id: 's1',
    type: 'stroke',
    x: 0,
    y: 0,
    w: 0,
    h: 0,
    color: '#1f6feb',
    createdAt: at(),
    points: [100, 900, 150, 950, 200, 920],
  },
  {
    id: 'k1',
    type: 'connector',
    x: 0,
    y: 0,
    w: 0,
    h: 0,
    color: '#57606a',
    createdAt: at(),
    from: 'n1',
    to: 'c1',
  },
  {
    id: 'k2',
    type: 'connector',
    x: 0,
    y: 0,
    w: 0,
    h: 0,
    color: '#57606a',
    createdAt: at(),
    from: 'n1',
    to: 'n-deleted',
  },
];

function round(id: string, title: string, status: Round['status']): Round {
  return {
    id,
    title,
    status,
    budget: 5,
    maxPerItem: 3,
    itemTypes: ['note', 'concept'],
    frameId: null,
    anonymous: true,
    durationSec: status === 'closed' ? 300 : null,
    openedAt: '2025-03-14T10:00:00.000Z',
    closesAt: null,
    closedAt: status === 'closed' ? '2025-03-14T10:05:00.000Z' : null,
    voters: status === 'closed' ? 4 : 0,
  };
}

function followUp(init: Partial<FollowUp> & Pick<FollowUp, 'id' | 'itemId' | 'title'>): FollowUp {
  return {
    owner: { name: 'Maija Virtanen', memberId: 'm-fac' },
    status: 'open',
    createdAt: '2025-03-14T11:00:00.000Z',
    updatedAt: '2025-03-14T11:30:00.000Z',
    ...init,
  };
}

function fixture(): BoardExport {
  return {
    format: 'ideamill.board-export',
    version: 1,
    exportedAt: '2025-03-14T12:34:56.789Z',
    board: {
      id: '0195a1b2-0000-7000-8000-000000000001',
      title: BOARD_TITLE,
      template: 'customer-journey',
      language: 'fi',
      createdAt: '2025-03-14T07:55:00.000Z',
    },
    snapshot: null,
    members: [
      { id: 'm-fac', name: 'Maija Virtanen', role: 'facilitator' },
      { id: 'm-p1', name: 'Juha Korhonen', role: 'participant' },
      { id: 'm-p2', name: 'Aino Mäkinen', role: 'participant' },
      { id: 'm-p3', name: 'Pekka Nieminen', role: 'participant' },
      { id: 'm-v', name: 'Liisa Laine', role: 'viewer' },
    ],
    items: structuredClone(items),
    rounds: [
      {
        round: round('r1', 'Parhaat ideat', 'closed'),
        results: [
          { itemId: 'n1', votes: 5, rank: 1 },
          { itemId: 'n2', votes: 5, rank: 1 },
          { itemId: 'n4', votes: 2, rank: 3 },
        ],
        excluded: [{ itemId: 'n-deleted', votes: 3, reason: 'item_deleted' }],
      },
      {
        round: round('r2', 'Konseptit', 'closed'),
        results: [
          { itemId: 'c1', votes: 4, rank: 1 },
          { itemId: 'n2', votes: 1, rank: 2 },
        ],
        excluded: [],
      },
      { round: round('r3', 'Jatkokierros', 'open'), results: [], excluded: [] },
    ],
    followUps: [
      followUp({
        id: 'fu-1',
        itemId: 'c1',
        title: 'Pilotoi palveluluotsi, vaihe 1',
        owner: { name: 'Juha Korhonen', memberId: 'm-p1' },
        due: '2025-04-15',
        status: 'in_progress',
        notes: LONG_NOTES,
      }),
      followUp({
        id: 'fu-2',
        itemId: 'n2',
        title: 'Selvitä chatin kustannukset',
        owner: { name: 'Sari Ulkopuolinen', email: 'sari@example.fi' },
        status: 'open',
      }),
      followUp({
        id: 'fu-3',
        itemId: 'n1',
        title: 'Puhelinvalikon selkeytys',
        owner: { name: 'Aino Mäkinen', memberId: 'm-p2' },
        due: '2025-12-31',
        status: 'done',
      }),
      followUp({
        id: 'fu-4',
        itemId: 'n4',
        title: 'Jonotusajan mittaus',
        owner: { name: 'Pekka Nieminen', email: 'pekka.nieminen@example.fi' },
        due: '2025-05-02',
        status: 'dropped',
        notes: 'Mittari on jo olemassa.',
      }),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

function readCsv(body: string): Record<string, string>[] {
  // record_delimiter CRLF: a bare LF between records would merge two rows and fail the parse.
  return parseCsv(body, { bom: true, columns: true, record_delimiter: '\r\n' });
}

describe('CSV export with semicolons, for spreadsheets where 1,5 is a number', () => {
  it('holds the same rows as the comma-separated file, each field in its own column', () => {
    for (const table of ['items', 'followups'] as const) {
      const commas = readCsv(toCsv(fixture(), { table }));
      const semicolons = toCsv(fixture(), { table, separator: 'semicolon' });
      expect(semicolons.split('\r\n')[0]).toMatch(/^\uFEFFid;/);
      const parsed = parseCsv(semicolons, {
        bom: true,
        columns: true,
        delimiter: ';',
        record_delimiter: '\r\n',
      });
      expect(parsed).toEqual(commas);
    }
  });

  it('quotes a text with a semicolon in it, and leaves one with only a comma as it is', () => {
    const model = fixture();
    model.items = [
      { ...model.items.find((item) => item.id === 'n1')!, text: 'Soita; kysy, kuuntele' } as Item,
    ];
    const line = toCsv(model, { separator: 'semicolon' }).split('\r\n')[1]!;
    expect(line).toContain(';"Soita; kysy, kuuntele";');
    const plain = { ...model, items: [{ ...model.items[0]!, text: 'kysy, kuuntele' } as Item] };
    expect(toCsv(plain, { separator: 'semicolon' }).split('\r\n')[1]).toContain(';kysy, kuuntele;');
  });

  it('writes a fractional coordinate with a decimal comma, as such a spreadsheet reads a number (QA)', () => {
    const model = fixture();
    model.items = [
      { ...model.items.find((item) => item.id === 'n1')!, x: -400.5, y: 12.5 } as Item,
    ];
    expect(toCsv(model, { separator: 'semicolon' }).split('\r\n')[1]).toContain(';-400,5;12,5;');
    expect(toCsv(model).split('\r\n')[1]).toContain(',-400.5,12.5,');
  });

  it('is what the web page asks for where numbers are written with a decimal comma', () => {
    expect(spreadsheetSeparator('fi-FI')).toBe('semicolon');
    expect(spreadsheetSeparator('de-DE')).toBe('semicolon');
    expect(spreadsheetSeparator('en-US')).toBe('comma');
    expect(spreadsheetSeparator('not a locale!')).toBe('comma');
    expect(exportRoute('csv', undefined, 'fi-FI')).toBe('/export?format=csv&separator=semicolon');
    expect(exportRoute('csvFollowUps', 's1', 'fi')).toBe(
      '/export?format=csv&table=followups&separator=semicolon&snapshot=s1',
    );
    expect(exportRoute('csv', undefined, 'en-GB')).toBe('/export?format=csv');
    expect(exportRoute('md', undefined, 'fi-FI', 'UTC')).toBe('/export?format=md&tz=UTC');
  });
});

describe('CSV export', () => {
  const body = toCsv(fixture(), { table: 'items' });
  const rows = readCsv(body);
  const row = (id: string) => {
    const found = rows.find((r) => r.id === id);
    if (!found) throw new Error(`no row for ${id}`);
    return found;
  };

  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    expect(body.startsWith('\uFEFF')).toBe(true);
    expect(body.endsWith('\r\n')).toBe(true);
    // The one bare LF is the line break inside the quoted note n4.
    expect(body.match(/(?<!\r)\n/g)).toHaveLength(1);
    expect(rows).toHaveLength(fixture().items.length);
  });

  it('round-trips commas, quotes, line breaks and ä/ö through a real RFC 4180 parser', () => {
    expect(row('n4').text).toBe(CSV_NOTE);
    expect(row('n1').text).toBe('Asiakas ei tiedä, kenelle soittaa');
    expect(row('n2').author).toBe('Aino Mäkinen');
    expect(body).toContain('"Jonotus, ""odotus"" ja\nepätietoisuus – ärsyttää"');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(row('n5').text).toBe(`'=HYPERLINK("http://evil.example","klikkaa")`);
    expect(row('n6').text).toBe("'+1 tästä");
    expect(row('n7').text).toBe("'-1 huono idea");
    expect(row('n8').text).toBe("'@kaikki huom");
    // Coordinates are numbers we wrote, not user text: a negative one stays a number.
    expect(row('n8').x).toBe('-400');
    expect(row('n1').text).toBe('Asiakas ei tiedä, kenelle soittaa');
  });

  it('puts each item in its frame and counts its votes per closed round', () => {
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'id',
      'type',
      'frame',
      'text',
      'author',
      'x',
      'y',
      'color',
      'created_at',
      'stage',
      'votes: Parhaat ideat',
      'votes: Konseptit',
    ]);
    expect(row('n1')).toMatchObject({ frame: 'Ihmiset', 'votes: Parhaat ideat': '5' });
    expect(row('n11').frame).toBe('Ihmiset');
    expect(row('n2')).toMatchObject({
      frame: 'Ympäristöt (virtuaaliset ja fyysiset)',
      'votes: Parhaat ideat': '5',
      'votes: Konseptit': '1',
    });
    expect(row('c1')).toMatchObject({
      type: 'concept',
      text: 'Palveluluotsi',
      'votes: Konseptit': '4',
    });
    expect(row('n3')['votes: Parhaat ideat']).toBe('0');
    expect(row('n5').frame).toBe('');
    expect(row('n1').created_at).toBe(new Date(items[5]!.createdAt).toISOString());
  });

  it('calls a round with the default title by its number: headers stay English and stable (QA)', () => {
    const model = fixture();
    const [first, second] = model.rounds;
    if (!first || !second) throw new Error('fixture has two closed rounds');
    first.round.title = 'Kierros 1';
    second.round.title = 'Round 2';
    const [header] = toCsv(model, { table: 'items' })
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(header?.split(',').slice(-2)).toEqual(['votes: round 1', 'votes: round 2']);
    // A title of its own that happens to name another round's number is the round's title.
    second.round.title = 'Kierros 1';
    const [again] = toCsv(model, { table: 'items' })
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(again?.split(',').slice(-2)).toEqual(['votes: round 1', 'votes: Kierros 1']);
  });

  it('lists follow-ups with owner, due date and notes', () => {
    const followUps = readCsv(toCsv(fixture(), { table: 'followups' }));
    expect(followUps.map((r) => r.id)).toEqual(['fu-1', 'fu-2', 'fu-3', 'fu-4']);
    expect(Object.keys(followUps[0] ?? {})).toEqual([
      'id',
      'item_id',
      'item_text',
      'title',
      'owner_name',
      'owner_email',
      'due',
      'status',
      'notes',
      'created_at',
      'updated_at',
      'board',
    ]);
    expect(followUps[0]).toMatchObject({
      board: BOARD_TITLE,
      item_text: 'Palveluluotsi',
      owner_name: 'Juha Korhonen',
      due: '2025-04-15',
      status: 'in_progress',
      notes: LONG_NOTES,
    });
    expect(followUps[1]).toMatchObject({ owner_email: 'sari@example.fi', due: '' });
    expect(followUps[3]?.item_text).toBe(CSV_NOTE);
  });

  it('lists the concept cards with every field in full, their votes and who takes them forward (QA)', () => {
    const concepts = readCsv(toCsv(fixture(), { table: 'concepts' }));
    expect(concepts.map((r) => r.id)).toEqual(['c1']);
    expect(Object.keys(concepts[0] ?? {})).toEqual([
      'id',
      'concept',
      'name',
      'target_customer',
      'customer_need',
      'service_idea',
      'touchpoints',
      'customer_value',
      'organisation_value',
      'first_step',
      'text',
      'frame',
      'stage',
      'author',
      'created_at',
      'follow_up_owners',
      'votes: Parhaat ideat',
      'votes: Konseptit',
      'board',
    ]);
    expect(concepts[0]).toMatchObject({
      concept: 'Palveluluotsi',
      name: 'Palveluluotsi',
      target_customer: 'Ensimmäistä kertaa asioiva asiakas',
      first_step: 'Kahden viikon pilotti Tampereella',
      text: 'Syntyi tiimi A:n ideoista.',
      author: 'Maija Virtanen',
      follow_up_owners: 'Juha Korhonen',
      'votes: Parhaat ideat': '0',
      'votes: Konseptit': '4',
    });
    // The semicolon file holds the same.
    const semicolons = parseCsv(toCsv(fixture(), { table: 'concepts', separator: 'semicolon' }), {
      bom: true,
      columns: true,
      delimiter: ';',
      record_delimiter: '\r\n',
    });
    expect(semicolons).toEqual(concepts);
  });
});

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

describe('JSON export', () => {
  const schema = JSON.parse(readFileSync('docs/export.schema.json', 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('matches docs/export.schema.json and carries the whole model', () => {
    const parsed = JSON.parse(toJson(fixture()));
    expect(validate(parsed), ajv.errorsText(validate.errors)).toBe(true);
    expect(parsed).toEqual(fixture());
    const withSnapshot = {
      ...fixture(),
      snapshot: { id: 's-1', name: null, createdAt: '2025-03-14T12:00:00.000Z' },
    };
    expect(validate(JSON.parse(toJson(withSnapshot))), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('writes keys in the documented order whatever order the model was built in', () => {
    const model = fixture();
    const shuffled = JSON.parse(JSON.stringify(model), (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as BoardExport;
    expect(Object.keys(shuffled)[0]).toBe('followUps');
    expect(toJson(shuffled)).toBe(toJson(model));
    const parsed = JSON.parse(toJson(shuffled));
    expect(Object.keys(parsed)).toEqual([
      'format',
      'version',
      'exportedAt',
      'board',
      'snapshot',
      'members',
      'items',
      'rounds',
      'followUps',
    ]);
    expect(Object.keys(parsed.items.find((item: Item) => item.id === 'c1').fields)[0]).toBe('name');
    expect(toJson(model)).toMatch(/^\{\n {2}"format": "ideamill.board-export",\n/);
  });

  it('the schema rejects what is not a board export', () => {
    const broken = (change: (model: Record<string, unknown> & BoardExport) => void) => {
      const model = JSON.parse(toJson(fixture()));
      change(model);
      return validate(model);
    };
    expect(broken(() => {})).toBe(true);
    expect(broken((m) => Object.assign(m.items[0]!, { type: 'sticker' }))).toBe(false);
    expect(broken((m) => Object.assign(m.followUps[0]!, { status: 'finished' }))).toBe(false);
    expect(broken((m) => Object.assign(m.followUps[0]!, { due: '15.4.2025' }))).toBe(false);
    expect(broken((m) => Reflect.deleteProperty(m, 'version'))).toBe(false);
    expect(broken((m) => Reflect.deleteProperty(m.items[5]!, 'text'))).toBe(false);
    expect(broken((m) => Object.assign(m.items[5]!, { points: [1, 2] }))).toBe(false);
    expect(broken((m) => Object.assign(m, { version: 2 }))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// SVG
// ---------------------------------------------------------------------------------------------

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

/** fast-xml-parser's ordered output as a plain element tree. */
function toTree(nodes: XmlNode[]): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name || name === '#text' || name === '?xml') continue;
    const children = node[name] as XmlNode[];
    const text = children
      .filter((child) => '#text' in child)
      .map((child) => String(child['#text']))
      .join('');
    const attrs = Object.fromEntries(
      Object.entries(node[':@'] ?? {}).map(([key, value]) => [key.replace(/^@_/, ''), value]),
    );
    out.push({ name, attrs, children: toTree(children), text });
  }
  return out;
}

function all(elements: Element[]): Element[] {
  return elements.flatMap((element) => [element, ...all(element.children)]);
}

describe('SVG export', () => {
  const svg = toSvg(fixture());
  const parser = new XMLParser({
    ignoreAttributes: false,
    preserveOrder: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const tree = toTree(parser.parse(svg));
  const elements = all(tree);
  const byItem = (id: string) => {
    const found = elements.find((element) => element.attrs['data-item'] === id);
    if (!found) throw new Error(`no element for ${id}`);
    return found;
  };
  const textOf = (element: Element): string[] =>
    all([element])
      .filter((e) => e.name === 'tspan')
      .map((e) => e.text);

  it('is well-formed XML with the SVG namespace', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(tree).toHaveLength(1);
    expect(tree[0]?.name).toBe('svg');
    expect(tree[0]?.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(elements.find((e) => e.name === 'title')?.text).toBe(BOARD_TITLE);
  });

  it('keeps hostile note text as text: no script or img element, no broken attribute', () => {
    expect(textOf(byItem('n9'))).toEqual([SCRIPT_NOTE]);
    expect(textOf(byItem('n10'))).toEqual([ATTR_NOTE]);
    expect(elements.some((e) => e.name.toLowerCase() === 'script')).toBe(false);
    expect(elements.some((e) => e.name.toLowerCase() === 'img')).toBe(false);
    expect(svg).not.toMatch(/<script|<img/i);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // A hostile colour falls back to the default fill; every colour is a plain hex value.
    const rect = byItem('n12').children.find((e) => e.name === 'rect');
    expect(rect?.attrs.fill).toBe('#fff3a3');
    for (const element of elements) {
      for (const key of ['fill', 'stroke']) {
        const value = element.attrs[key];
        if (value !== undefined) expect(value).toMatch(/^(#[0-9a-f]{6}|none)$/);
      }
    }
  });

  it('draws frames with titles, wrapped notes and concept cards with their fields', () => {
    // In bold at 20 px, "Asiakkaan tunteet" is 207 px: wider than the lane's 196 px title column.
    expect(textOf(byItem('f-feel'))).toEqual(['Asiakkaan', 'tunteet']);
    expect(byItem('f-feel').children.find((e) => e.name === 'rect')?.attrs.fill).toBe('#fff0f3');
    // Its stages: a line down the lane where each begins.
    const lines = byItem('f-feel').children.filter((e) => e.name === 'line');
    expect(lines.map((e) => [e.attrs.x1, e.attrs.y1, e.attrs.x2, e.attrs.y2])).toEqual(
      ['220', '540', '860', '1180', '1500'].map((x) => [x, '720', x, '960']),
    );
    const wrapped = textOf(byItem('n4'));
    expect(wrapped.length).toBeGreaterThan(1);
    expect(wrapped.join(' ').replace(/\s+/g, ' ')).toBe(CSV_NOTE.replace(/\s+/g, ' '));
    const concept = textOf(byItem('c1'));
    expect(concept[0]).toBe('Palveluluotsi');
    expect(concept).toContain('Kohdeasiakas');
    expect(concept).toContain('Ensimmäistä kertaa asioiva asiakas');
    expect(concept).toContain('Ensimmäinen askel');
    // As on the board, whatever colour it carries: a white card with a pale blue title band.
    const fills = byItem('c1').children.map((e) => e.attrs.fill);
    expect(fills.slice(0, 2)).toEqual(['#ffffff', '#ddf4ff']);
  });

  it('draws strokes from their points and connectors as the board does: edge to edge, with an arrowhead', () => {
    expect(byItem('s1')).toMatchObject({
      name: 'polyline',
      attrs: { points: '100,900 150,950 200,920' },
    });
    // n1 (240,20 200×200) to c1 (2500,0 420×560): from where the line between the centres
    // leaves n1 to where it enters c1, ending in the board's arrowhead.
    expect(byItem('k1')).toMatchObject({
      name: 'line',
      attrs: {
        x1: '440',
        y1: '126.75',
        x2: '2500',
        y2: '265.82',
        'marker-end': 'url(#ideamill-arrow)',
      },
    });
    const marker = elements.find((e) => e.name === 'marker');
    expect(marker?.attrs).toMatchObject({ id: 'ideamill-arrow', orient: 'auto-start-reverse' });
    expect(marker?.children.find((e) => e.name === 'path')?.attrs.fill).toBe('#57606a');
    expect(elements.some((e) => e.attrs['data-item'] === 'k2')).toBe(false);
  });

  it('fits every item in the viewBox with a margin', () => {
    const [x, y, w, h] = (tree[0]?.attrs.viewBox ?? '').split(' ').map(Number);
    // Leftmost is n8 at x -400; rightmost c1 ends at 2920; topmost the title text at -140;
    // lowest n12 ends at 1300.
    expect([x, y, w, h]).toEqual([-440, -180, 2920 + 40 + 440, 1300 + 40 + 180]);
    const empty = toSvg({ ...fixture(), items: [] });
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(empty).toContain('viewBox="0 0 800 600"');
  });
});

describe('the picture in other scripts', () => {
  const JAPANESE =
    '顧客が窓口で待つ時間が長すぎるので、オンライン予約システムを導入して待ち時間を短縮し、スタッフの負担も減らす。';
  const CHINESE =
    '客户在柜台等待时间太长，我们应该引入在线预约系统，缩短等待时间，同时减轻员工负担。';
  const model = fixture();
  model.items.push(
    note('n-ja', JAPANESE, 4000, 0),
    note('n-zh', CHINESE, 4240, 0),
    note('n-flags', 'Maat: 🌍🇫🇮🇸🇪🇳🇴🇩🇰🇮🇸🇪🇪🇱🇻🇱🇹🇩🇪🇵🇱🇫🇷🇪🇸', 4480, 0),
    note('n-he', '3 רעיונות חדשים: צ׳אט, SMS', 4720, 0),
    note('n-en', 'Call center (2024): שלום', 4960, 0),
    {
      id: 'f-ja',
      type: 'frame',
      x: 4000,
      y: 300,
      w: 320,
      h: 240,
      color: '#f8f9fa',
      createdAt: at(),
      title: 'カスタマージャーニー：窓口での待ち時間と予約体験',
    },
    {
      id: 'c-zh',
      type: 'concept',
      x: 4400,
      y: 300,
      w: 300,
      h: 600,
      color: '#ffffff',
      createdAt: at(),
      title: '在线预约',
      text: '',
      fields: { name: '在线预约', customerNeed: CHINESE, serviceIdea: JAPANESE },
    } as Item,
  );
  const tree = toTree(
    new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false }).parse(
      toSvg(model),
    ),
  );
  const item = (id: string) => {
    const found = all(tree).find((element) => element.attrs['data-item'] === id);
    if (!found) throw new Error(`no element for ${id}`);
    return found;
  };
  /** Each line of the item's text, with how wide it is drawn by the export's own measure. */
  const lines = (id: string) =>
    all([item(id)])
      .filter((e) => e.name === 'text')
      .flatMap((text) =>
        text.children.map((tspan) => ({
          text: tspan.text,
          width:
            textWidth(tspan.text, text.attrs['font-weight'] === 'bold' ? 'bold' : 'normal') *
            Number(text.attrs['font-size']),
        })),
      );

  it('the lines of a Japanese or Chinese note fit the note, and none begins with "。" or "，"', () => {
    for (const id of ['n-ja', 'n-zh']) {
      const drawn = lines(id);
      for (const line of drawn) {
        // The note is 200 wide with 12 of padding each side.
        expect(line.width).toBeLessThanOrEqual(200 - 2 * 12 + 1e-6);
        expect(line.text).not.toMatch(/^[、。，．）」』】〕！？：；ー]/);
      }
      expect(drawn.length).toBeGreaterThan(3);
    }
    expect(
      lines('n-ja')
        .map((line) => line.text)
        .join(''),
    ).toBe(JAPANESE);
  });

  it('a long Japanese frame title is cut with "…" inside its frame, not across the next', () => {
    const [title, ...more] = lines('f-ja');
    expect(more).toEqual([]);
    expect(title?.text.endsWith('…')).toBe(true);
    expect(title?.width).toBeLessThanOrEqual(320 - 2 * 12 + 1e-6);
  });

  it('a concept card’s Chinese and Japanese fields stay within the card', () => {
    const drawn = lines('c-zh');
    expect(drawn.map((line) => line.text)).toContain('在线预约');
    for (const line of drawn) expect(line.width).toBeLessThanOrEqual(300 - 2 * 12 + 1e-6);
  });

  it('sets a text whose first letter is Hebrew or Arabic right to left, from the right edge (QA)', () => {
    const textOf = (id: string) => all([item(id)]).find((e) => e.name === 'text')!;
    const hebrew = textOf('n-he');
    expect(hebrew.attrs.direction).toBe('rtl');
    // The note is at x 4720, 200 wide, with 12 of padding: its text starts at the right edge.
    expect(hebrew.children.map((tspan) => tspan.attrs.x)).toEqual(
      hebrew.children.map(() => String(4720 + 200 - 12)),
    );
    // A Latin text with Hebrew in it stays left to right, from the left.
    const latin = textOf('n-en');
    expect(latin.attrs.direction).toBeUndefined();
    expect(latin.children[0]?.attrs.x).toBe(String(4960 + 12));
  });

  it('a row of flags wraps between flags, each flag whole', () => {
    const drawn = lines('n-flags').map((line) => line.text);
    expect(drawn.length).toBeGreaterThan(1);
    for (const line of drawn.slice(1)) expect(line).toMatch(/^(\p{Regional_Indicator}{2})+$/u);
  });
});

// ---------------------------------------------------------------------------------------------
// iCalendar
// ---------------------------------------------------------------------------------------------

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('iCalendar export', () => {
  const ics = toIcs(fixture());
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent');
  const event = (uid: string) => {
    const found = events.find((e) => e.getFirstPropertyValue('uid') === uid);
    if (!found) throw new Error(`no event ${uid}`);
    return found;
  };

  it('uses CRLF everywhere and folds lines at 75 octets without splitting a character', () => {
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = ics.slice(0, -2).split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // Folding did happen, and no fold cut a character: a JS string can only be cut between
    // UTF-16 units, so a cut emoji shows up as a lone surrogate (or U+FFFD once encoded).
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line).not.toMatch(LONE_SURROGATE);
      expect(line).not.toContain('\uFFFD');
    }
  });

  it('never cuts a character when folding, wherever the fold falls', () => {
    for (let shift = 0; shift < 8; shift++) {
      const line = `DESCRIPTION:${'x'.repeat(shift)}${'ä🙂👍🏽€'.repeat(30)}`;
      const physical = foldLine(line).split('\r\n');
      expect(physical.length).toBeGreaterThan(4);
      for (const part of physical) {
        expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
        expect(part).not.toMatch(LONE_SURROGATE);
      }
      expect(physical.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
    }
  });

  it("names a note of several lines on the description's one line for the item", () => {
    const model = fixture();
    model.items = model.items.map((item) =>
      item.id === 'n2' && item.type === 'note'
        ? { ...item, text: 'Chat-palvelu\nilta-aikaan\n\n  myös viikonloppuna' }
        : item,
    );
    model.followUps.push(
      followUp({ id: 'fu-lines', itemId: 'n2', title: 'Selvitä hinta', due: '2025-06-01' }),
    );
    const parsed = new ICAL.Component(ICAL.parse(toIcs(model)))
      .getAllSubcomponents('vevent')
      .find((e) => e.getFirstPropertyValue('uid') === 'fu-lines@ideamill');
    expect(String(parsed?.getFirstPropertyValue('description')).split('\n')).toEqual([
      'Vastuuhenkilö: Maija Virtanen',
      'Tila: Avoin',
      'Kohde: Chat-palvelu ilta-aikaan myös viikonloppuna',
      `Taulu: ${BOARD_TITLE}`,
    ]);
  });

  it('unfolding restores a long Finnish description with emoji exactly', () => {
    expect(event('fu-1@ideamill').getFirstPropertyValue('description')).toBe(
      [
        'Vastuuhenkilö: Juha Korhonen',
        'Tila: Työn alla',
        'Kohde: Palveluluotsi',
        `Muistiinpanot: ${LONG_NOTES}`,
        `Taulu: ${BOARD_TITLE}`,
      ].join('\n'),
    );
    // The same by hand: unfold, then undo TEXT escaping.
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    const raw = unfolded
      .split('\r\n')
      .find((line) => line.startsWith('DESCRIPTION:Vastuuhenkilö: Juha'));
    const text = raw
      ?.slice('DESCRIPTION:'.length)
      .replace(/\\([\\;,nN])/g, (_m, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
    expect(text).toContain(`Muistiinpanot: ${LONG_NOTES}\n`);
  });

  it('has one all-day event per dated follow-up, with stable UIDs and mapped statuses', () => {
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/Ideamill/);
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([
      'fu-1@ideamill',
      'fu-3@ideamill',
      'fu-4@ideamill',
    ]);
    const dates = (uid: string) => {
      const start = event(uid).getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = event(uid).getFirstPropertyValue('dtend') as ICAL.Time;
      return [start.isDate, start.toString(), end.toString()];
    };
    expect(dates('fu-1@ideamill')).toEqual([true, '2025-04-15', '2025-04-16']);
    expect(dates('fu-3@ideamill')).toEqual([true, '2025-12-31', '2026-01-01']);
    expect(ics).toContain('DTSTART;VALUE=DATE:20250415\r\n');
    expect(event('fu-1@ideamill').getFirstPropertyValue('summary')).toBe(
      'Pilotoi palveluluotsi, vaihe 1',
    );
    expect(event('fu-1@ideamill').getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event('fu-3@ideamill').getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event('fu-4@ideamill').getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(ics).toContain('DTSTAMP:20250314T123456Z\r\n');
    // Exporting again gives the same UIDs, so a calendar updates instead of duplicating.
    expect(toIcs(fixture())).toBe(ics);
  });

  it('a follow-up changed since the last export has a higher SEQUENCE, so a calendar takes the new date (QA)', () => {
    const sequenceOf = (model: BoardExport) => {
      const parsed = new ICAL.Component(ICAL.parse(toIcs(model)));
      const found = parsed
        .getAllSubcomponents('vevent')
        .find((e) => e.getFirstPropertyValue('uid') === 'fu-1@ideamill');
      return [
        found?.getFirstPropertyValue('sequence'),
        String(found?.getFirstPropertyValue('dtstart')),
      ];
    };
    const before = fixture();
    const after = fixture();
    const edited = after.followUps.find((candidate) => candidate.id === 'fu-1');
    if (!edited) throw new Error('fixture has fu-1');
    edited.due = '2025-04-22';
    edited.updatedAt = '2025-03-20T09:00:00.000Z';
    const [was, wasDate] = sequenceOf(before);
    const [is, isDate] = sequenceOf(after);
    expect([wasDate, isDate]).toEqual(['2025-04-15', '2025-04-22']);
    expect(typeof was).toBe('number');
    expect(is).toBeGreaterThan(Number(was));
  });
});

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/** The report's sections: heading text → the tokens up to the next heading. */
function sections(markdown: string): Map<string, Tokens.Generic[]> {
  const out = new Map<string, Tokens.Generic[]>();
  let current: Tokens.Generic[] = [];
  for (const token of marked.lexer(markdown)) {
    if (token.type === 'heading' && token.depth <= 3) {
      current = [];
      out.set(token.text, current);
    } else if (token.type !== 'space') {
      current.push(token);
    }
  }
  return out;
}

/** What a list's items say once rendered, as plain text. */
function listTexts(tokens: Tokens.Generic[] | undefined): string[] {
  const list = tokens?.find((token) => token.type === 'list') as Tokens.List | undefined;
  return (list?.items ?? []).map((item) =>
    marked
      .parseInline(item.text, { async: false })
      .replace(/<br>/g, '\n')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

function table(tokens: Tokens.Generic[] | undefined): string[][] {
  const found = tokens?.find((token) => token.type === 'table') as Tokens.Table | undefined;
  if (!found) throw new Error('no table');
  // Raw cell source with the backslash escapes undone: what a reader sees in the cell.
  return found.rows.map((row) => row.map((cell) => cell.text.replace(/\\(.)/g, '$1')));
}

describe('Markdown report', () => {
  const report = toMarkdown(fixture());
  const html = marked.parse(report, { async: false });
  const parts = sections(report);

  it('opens with the title, the export date and the members by role', () => {
    expect(report.startsWith(`# ${BOARD_TITLE}\n`)).toBe(true);
    expect(report).toContain('- Viety: 2025-03-14 12:34 UTC');
    // Those who took part; those who only watched apart (QA: an organiser exporting with a
    // viewer link was counted a participant of every team board).
    expect(report).toContain(
      '- Osallistujat: 4 (1 fasilitaattori, 3 osallistujaa)\n- Katselijat: 1\n',
    );
    expect(report).not.toContain('- Versio:');
    // People who joined again from other devices are members again: counted once by name (QA).
    const rejoined = fixture();
    for (let week = 0; week < 51; week++) {
      rejoined.members.push({ id: `m-p1-${week}`, name: 'Juha Korhonen', role: 'participant' });
    }
    expect(toMarkdown(rejoined)).toContain('- Osallistujat: 4 (1 fasilitaattori, 3 osallistujaa)');
    // A participant who also watched from a viewer link is counted once, as taking part.
    const alsoWatched = fixture();
    const viewer = alsoWatched.members.find((member) => member.role === 'viewer');
    const participant = alsoWatched.members.find((member) => member.role === 'participant');
    if (!viewer || !participant) throw new Error('the fixture has a viewer and a participant');
    viewer.name = participant.name;
    const counted = toMarkdown(alsoWatched);
    expect(counted).toContain('- Osallistujat: 4 (1 fasilitaattori, 3 osallistujaa)');
    expect(counted).not.toContain('- Katselijat:');
    // A saved version's report says which, in the words the history panel uses.
    const snapshot = { id: 's-1', name: 'Ennen lounasta', createdAt: '2025-03-14T11:00:00.000Z' };
    expect(toMarkdown({ ...fixture(), snapshot })).toContain(
      '- Versio: Ennen lounasta, 2025-03-14 11:00 UTC',
    );
  });

  it('names each note and concept card with its writer where the board shows names', () => {
    // n2 is Aino's, n1 Juha's, c1 Maija's; an author who is no longer a member has no name.
    const model = fixture();
    const anonymous = model.items.find((item) => item.id === 'n6');
    if (anonymous) delete anonymous.author;
    const gone = model.items.find((item) => item.id === 'n7');
    if (gone) gone.author = 'm-left';
    const named = toMarkdown(model, 'UTC', true);
    expect(named).toContain('- Chat-palvelu ilta-aikaan — *Aino Mäkinen*\n');
    expect(named).toContain('- Asiakas ei tiedä, kenelle soittaa — *Juha Korhonen*\n');
    expect(named).toContain(
      '### Palveluluotsi\n\n**Kierros 2: Konseptit — Sija 1, 4 ääntä** · Vastuuhenkilö: Juha Korhonen · *Kirjoittanut Maija Virtanen*\n\n- **Nimi:**',
    );
    // Revealed without names (no author), or written by someone taken off: no name.
    expect(named).toContain('- \\+1 tästä\n');
    expect(named).toContain('- \\-1 huono idea\n');
    // A name is text, never markup.
    model.members[2] = { id: 'm-p2', name: 'Aino *<b>*', role: 'participant' };
    expect(toMarkdown(model, 'UTC', true)).toContain(
      '- Chat-palvelu ilta-aikaan — *Aino \\*\\<b\\>\\**',
    );
    // Off (the board's default), nobody is named.
    const plain = toMarkdown(fixture());
    expect(plain).toContain('- Chat-palvelu ilta-aikaan\n');
    expect(plain).not.toContain('Kirjoittanut');
    expect(plain).not.toContain('Aino Mäkinen*');
  });

  it('says under each concept card its result in each round that gave it votes, and who takes it forward', () => {
    // c1 won r2 with 4 votes; Juha owns its follow-up. The board held two rounds: each is named.
    expect(report).toContain(
      '### Palveluluotsi\n\n**Kierros 2: Konseptit — Sija 1, 4 ääntä** · Vastuuhenkilö: Juha Korhonen\n\n- **Nimi:**',
    );
    // Votes in an earlier round too: both, in their order (a11y QA: only the last round's
    // result was told, and the main vote's winner stood unranked under a later, smaller one's).
    const twice = fixture();
    twice.rounds[0]?.results.push({ itemId: 'c1', votes: 2, rank: 3 });
    expect(toMarkdown(twice)).toContain(
      '**Kierros 1: Parhaat ideat — Sija 3, 2 ääntä** · **Kierros 2: Konseptit — Sija 1, 4 ääntä** ·',
    );
    // One round on the board: its result alone, unnamed.
    const once = fixture();
    once.rounds = once.rounds.slice(1, 2);
    expect(toMarkdown(once)).toContain('### Palveluluotsi\n\n**Sija 1, 4 ääntä** · Vastuuhenkilö');
    const model = fixture();
    model.followUps.push(
      followUp({ id: 'fu-u', itemId: 'c1', title: 'Kuka?', owner: { name: '' } }),
      followUp({
        id: 'fu-d',
        itemId: 'c1',
        title: 'Ei',
        owner: { name: 'Pekka Nieminen', memberId: 'm-p3' },
        status: 'dropped',
      }),
    );
    // Several owners, one nobody yet (in italics, never taken for a name); a dropped one is none.
    const english = toMarkdown({ ...model, board: { ...model.board, language: 'en' } });
    expect(english).toContain(
      '### Palveluluotsi\n\n**Round 2: Konseptit — Rank 1, 4 votes** · Owners: Juha Korhonen, *unassigned*\n\n',
    );
    // No votes and no follow-ups: nothing under the name but the fields.
    model.rounds = [];
    model.followUps = [];
    expect(toMarkdown(model)).toContain('### Palveluluotsi\n\n- **Nimi:**');
  });

  it('says which frame a round was held to and whether it was anonymous', () => {
    const model = fixture();
    const [first, second] = model.rounds;
    if (!first || !second) throw new Error('the fixture has two closed rounds');
    first.round = { ...first.round, frameId: 'f-people', anonymous: false };
    second.round = { ...second.round, frameId: 'f-gone' };
    const report = toMarkdown(model);
    expect(report).toContain('4 äänestäjää · vain kehyksessä ”Ihmiset”\n');
    expect(report).toContain('4 äänestäjää · vain kehyksessä ”Nimetön” · anonyymi\n');
    const english = toMarkdown({ ...model, board: { ...model.board, language: 'en' } });
    expect(english).toContain('4 voters · only in “Ihmiset”\n');
    expect(english).toContain('· anonymous\n');
  });

  it('lists each concept with every field under its Finnish label', () => {
    const concept = listTexts(parts.get('Palveluluotsi'));
    expect(concept).toEqual([
      '<strong>Nimi:</strong> Palveluluotsi',
      '<strong>Kohdeasiakas:</strong> Ensimmäistä kertaa asioiva asiakas',
      '<strong>Asiakkaan tarve:</strong> Tietää heti, minne kääntyä',
      '<strong>Palveluidea:</strong> Aulassa ja chatissa luotsi, joka ohjaa oikealle asiantuntijalle',
      '<strong>Kosketuspisteet:</strong> Aula, chat, puhelin',
      '<strong>Arvo asiakkaalle:</strong> Vähemmän odottelua ja epävarmuutta',
      '<strong>Arvo organisaatiolle:</strong> Vähemmän väärin ohjattuja yhteydenottoja',
      '<strong>Ensimmäinen askel:</strong> Kahden viikon pilotti Tampereella',
    ]);
  });

  it('leaves out the Name line of a card whose Name field is empty: its heading names it', () => {
    const model = fixture();
    const card = model.items.find((item) => item.id === 'c1') as Extract<Item, { type: 'concept' }>;
    // Spaces are no name; an empty field other than the name is still listed, as "—".
    card.fields = { ...card.fields, name: ' \n ', firstStep: '' };
    const concept = listTexts(sections(toMarkdown(model)).get('Palveluluotsi'));
    expect(concept.filter((line) => line.startsWith('<strong>Nimi:'))).toEqual([]);
    expect(concept).toHaveLength(7);
    expect(concept[0]).toBe('<strong>Kohdeasiakas:</strong> Ensimmäistä kertaa asioiva asiakas');
    expect(concept.at(-1)).toBe('<strong>Ensimmäinen askel:</strong> —');
    // A Name field with words (a stock client's, an older board's) keeps its line.
    card.fields = { ...card.fields, name: 'Luotsi' };
    expect(listTexts(sections(toMarkdown(model)).get('Palveluluotsi'))[0]).toBe(
      '<strong>Nimi:</strong> Luotsi',
    );
  });

  it('groups notes under their frame titles, by parent first and position second', () => {
    expect(listTexts(parts.get('Ihmiset'))).toEqual([
      'Asiakas ei tiedä, kenelle soittaa',
      'Henkilökunnan nimet näkyviin',
    ]);
    expect(listTexts(parts.get('Ympäristöt (virtuaaliset ja fyysiset)'))).toEqual([
      'Chat-palvelu ilta-aikaan',
    ]);
    expect(listTexts(parts.get('Esineet'))).toEqual([HOSTILE_MD]);
    expect(listTexts(parts.get('Asiakkaan tunteet'))).toEqual([CSV_NOTE]);
    const outside = listTexts(parts.get('Kehysten ulkopuolella'));
    expect(outside).toContain(SCRIPT_NOTE);
    expect(outside).toContain('+1 tästä');
    expect(outside).toContain('@kaikki huom');
  });

  it('escapes a hostile note so it cannot break a table or inject HTML', () => {
    expect(report).toContain('\\| \\# \\<b\\>lihavoitu\\</b\\>');
    expect(report).not.toContain('<b>');
    expect(html).not.toMatch(/<b>|<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('an address ends before the punctuation of its sentence and a ")" it did not open, however long the run', () => {
    expect(mdInline('See http://x.fi/a_(b)). Or mail a.b@c.fi!')).toBe(
      'See <http://x.fi/a_(b)>). Or mail <a.b@c.fi>!',
    );
    expect(mdInline('(http://x.fi/a)')).toBe('(<http://x.fi/a>)');
    // Runs of 100,000 (bench:export-text: 10–81 s each in the report before, every try of the
    // patterns ran to the run's end): the same cuts.
    const dots = '.'.repeat(100_000);
    expect(mdInline(`http://x${dots}`)).toBe(`<http://x>${dots}`);
    expect(mdInline(`http://x${dots}y`)).toBe(`<http://x${dots}y>`);
    const closers = ')'.repeat(100_000);
    expect(mdInline(`http://x${closers}`)).toBe(`<http://x>${closers}`);
    const word = 'x'.repeat(100_000);
    expect(mdInline(word)).toBe(word);
    expect(mdInline(`${word}@c.fi`)).toBe(`<${word}@c.fi>`);
  });

  it('gives every round its ranked results, ties shared, and says which votes were not counted', () => {
    expect(table(parts.get('Kierros 1: Parhaat ideat'))).toEqual([
      ['1', '5', 'Asiakas ei tiedä, kenelle soittaa'],
      ['1', '5', 'Chat-palvelu ilta-aikaan'],
      ['3', '2', 'Jonotus, "odotus" ja epätietoisuus – ärsyttää'],
    ]);
    const round1 = parts.get('Kierros 1: Parhaat ideat') ?? [];
    expect(round1.some((t) => t.type === 'blockquote' && /3 ääntä.*n-deleted/.test(t.text))).toBe(
      true,
    );
    expect(table(parts.get('Kierros 2: Konseptit'))).toEqual([
      ['1', '4', 'Palveluluotsi'],
      ['2', '1', 'Chat-palvelu ilta-aikaan'],
    ]);
    expect(parts.get('Kierros 3: Jatkokierros')?.[0]?.text).toMatch(/yhä auki/);
  });

  it('ends with the follow-up table: owners, due dates soonest first, statuses', () => {
    const rows = table(parts.get('Jatkotoimet'));
    expect(rows.map((row) => [row[0], row[2], row[3], row[4], row[5]])).toEqual([
      ['Pilotoi palveluluotsi, vaihe 1', 'Juha Korhonen', '—', '2025-04-15', 'Työn alla'],
      [
        'Jonotusajan mittaus',
        'Pekka Nieminen',
        '<pekka.nieminen@example.fi>',
        '2025-05-02',
        'Hylätty',
      ],
      ['Puhelinvalikon selkeytys', 'Aino Mäkinen', '—', '2025-12-31', 'Valmis'],
      ['Selvitä chatin kustannukset', 'Sari Ulkopuolinen', '<sari@example.fi>', '—', 'Avoin'],
    ]);
    for (const row of rows) expect(row).toHaveLength(7);
  });

  it('speaks English on an English board', () => {
    const english = toMarkdown({ ...fixture(), board: { ...fixture().board, language: 'en' } });
    expect(english).toContain('- Participants: 4 (1 facilitator, 3 participants)\n- Viewers: 1\n');
    expect(english).toContain('- **Target customer:** Ensimmäistä kertaa asioiva asiakas');
    expect(english).toContain('### Outside frames');
    expect(english).toContain('| Rank | Votes | Item |');
    expect(english).toMatch(
      /3 votes on an item deleted during the round \(n-deleted\) were not counted/,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// renderExport
// ---------------------------------------------------------------------------------------------

describe('concept sections on boards without concept cards (QA: a retrospective opened on them)', () => {
  const without = (template: 'retrospective' | 'concept-canvas' | 'customer-journey') => {
    const model = fixture();
    model.board.template = template;
    model.items = model.items.filter((item) => item.type !== 'concept');
    return model;
  };

  it('are left out of the report and the agenda of a board not made for concepts', () => {
    const model = without('retrospective');
    const labels = labelsFor(model.board.language);
    for (const text of [toMarkdown(model), toAgenda(model)]) {
      expect(text).not.toContain(labels.noConcepts);
      expect(text).not.toContain(`## ${labels.concepts}\n`);
      expect(text).not.toContain(`## ${labels.agenda.unownedConcepts}\n`);
    }
  });

  it('a retrospective’s and a journey’s report list their notes by frame, not as ideas', () => {
    const retro = toMarkdown(without('retrospective'));
    expect(retro).toContain('\n## Laput kehyksittäin\n');
    expect(retro).not.toContain('## Ideat kehyksittäin');
    expect(toMarkdown(without('concept-canvas'))).toContain('\n## Ideat kehyksittäin\n');
    // A journey's lanes hold touchpoints and feelings: notes too.
    expect(toMarkdown(without('customer-journey'))).toContain('\n## Laput kehyksittäin\n');
  });

  it('say there are none on a concept canvas, where that is news', () => {
    const model = without('concept-canvas');
    const labels = labelsFor(model.board.language);
    expect(toMarkdown(model)).toContain(`## ${labels.concepts}\n\n${labels.noConcepts}`);
    expect(toAgenda(model)).toContain(
      `## ${labels.agenda.unownedConcepts}\n\n${labels.noConcepts}`,
    );
  });
});

describe('the next meeting’s agenda', () => {
  const agenda = toAgenda(fixture());
  const parts = sections(agenda);
  const tasks = (heading: string) => {
    const list = parts.get(heading)?.find((token) => token.type === 'list') as
      | Tokens.List
      | undefined;
    return (list?.items ?? []).map((item) => ({
      checked: item.checked,
      text: listTexts([{ ...list!, items: [item] } as Tokens.Generic])[0]!.replace(/<[^>]+>/g, ''),
    }));
  };

  it('goes through open follow-ups by owner, what is done, the last vote, unowned concepts, other business', () => {
    expect([...parts.keys()]).toEqual([
      `Seuraava tapaaminen: ${BOARD_TITLE}`,
      'Jatkotoimet vastuuhenkilöittäin',
      'Juha Korhonen',
      'Sari Ulkopuolinen',
      'Valmiit',
      'Viimeisimmän äänestyksen tulos',
      'Konseptit, joita kukaan ei vielä vie eteenpäin',
      'Muut asiat',
    ]);
    expect(agenda).toContain('- Koottu taululta: 2025-03-14 12:34 UTC');
    expect(tasks('Juha Korhonen')).toEqual([
      {
        checked: false,
        text: expect.stringMatching(
          /^Pilotoi palveluluotsi, vaihe 1 — Palveluluotsi · Työn alla · määräpäivä 2025-04-15\nMuistiinpanot: Pilotti alkaa/,
        ),
      },
    ]);
    expect(tasks('Sari Ulkopuolinen')).toEqual([
      { checked: false, text: 'Selvitä chatin kustannukset — Chat-palvelu ilta-aikaan · Avoin' },
    ]);
    // Done is ticked; a dropped one is only counted.
    expect(tasks('Valmiit')).toEqual([
      {
        checked: true,
        text: 'Puhelinvalikon selkeytys — Asiakas ei tiedä, kenelle soittaa · Aino Mäkinen · valmis 2025-03-14',
      },
    ]);
    expect(agenda).toContain('1 jatkotoimi hylättiin.');
    expect(agenda).not.toContain('Jonotusajan mittaus');
  });

  it('marks what is overdue on the day it is made, and puts what nobody owns last', () => {
    const model = fixture();
    model.exportedAt = '2025-04-16T08:00:00.000Z';
    model.followUps.push(
      followUp({ id: 'fu-5', itemId: 'n6', title: 'Kuka tämän ottaa?', owner: { name: '' } }),
      followUp({
        id: 'fu-6',
        itemId: 'n2',
        title: 'Aamun kysely',
        owner: { name: 'Aino Mäkinen', memberId: 'm-p2' },
        due: '2025-04-16',
      }),
    );
    const later = sections(toAgenda(model));
    expect([...later.keys()].slice(1, 5)).toEqual([
      'Jatkotoimet vastuuhenkilöittäin',
      'Aino Mäkinen',
      'Juha Korhonen',
      'Sari Ulkopuolinen',
    ]);
    expect(toAgenda(model)).toMatch(/määräpäivä 2025-04-15 \*\*\(myöhässä\)\*\*/);
    // Due today is not yet late.
    expect(toAgenda(model)).toMatch(/määräpäivä 2025-04-16\n/);
    expect([...later.keys()][5]).toBe('*nimeämättä*');
  });

  it('carries the last closed round’s top results, not an open one’s', () => {
    const vote = parts.get('Viimeisimmän äänestyksen tulos')!;
    expect(vote[0]?.raw.trim()).toBe(
      'Kierros 2: Konseptit · päättyi 2025-03-14 10:05 UTC · 4 äänestäjää',
    );
    const ranked = listTexts(vote).map((text) => text.replace(/<[^>]+>/g, ''));
    // Each with who takes it forward, or that nobody does yet (QA: a week's winner went unowned).
    expect(ranked).toEqual([
      'Sija 1: Palveluluotsi, 4 ääntä · Vastuuhenkilö: Juha Korhonen',
      'Sija 2: Chat-palvelu ilta-aikaan, 1 ääni · Vastuuhenkilö: Sari Ulkopuolinen',
    ]);
    const unowned = fixture();
    unowned.followUps = unowned.followUps.filter((entry) => entry.itemId !== 'n2');
    unowned.followUps.push(
      followUp({ id: 'fu-nobody', itemId: 'n2', title: 'Kuka?', owner: { name: '' } }),
    );
    expect(
      listTexts(sections(toAgenda(unowned)).get('Viimeisimmän äänestyksen tulos'))[1]?.replace(
        /<[^>]+>/g,
        '',
      ),
    ).toBe('Sija 2: Chat-palvelu ilta-aikaan, 1 ääni · kukaan ei vielä vie eteenpäin');
    // Equal votes share a rank, and stay so where Markdown would renumber a numbered list.
    const tied = fixture();
    tied.rounds[1]!.results = [
      { itemId: 'c1', votes: 3, rank: 1 },
      { itemId: 'n2', votes: 3, rank: 1 },
      { itemId: 'n1', votes: 1, rank: 3 },
    ];
    const tiedHtml = marked.parse(toAgenda(tied), { async: false });
    expect(tiedHtml).not.toContain('<ol');
    expect(
      listTexts(sections(toAgenda(tied)).get('Viimeisimmän äänestyksen tulos')).map(
        (text) => text.replace(/<[^>]+>/g, '').split(':')[0],
      ),
    ).toEqual(['Sija 1', 'Sija 1', 'Sija 3']);
    const none = fixture();
    none.rounds = [];
    expect(toAgenda(none)).toContain('## Viimeisimmän äänestyksen tulos\n\nEi äänestyskierroksia.');
  });

  it('carries the last round anyone voted in past an empty one closed after it (QA)', () => {
    const model = fixture();
    const decided = model.rounds[1]!;
    const empty = {
      ...decided,
      round: { ...decided.round, id: 'r-empty', title: 'Tyhjä kierros', voters: 0 },
      results: decided.results.map((result) => ({ ...result, votes: 0 })),
    };
    model.rounds.push(empty);
    const vote = sections(toAgenda(model)).get('Viimeisimmän äänestyksen tulos')!;
    expect(vote[0]?.raw.trim()).toMatch(/^Kierros 2: Konseptit · /);
    expect(listTexts(vote).map((text) => text.replace(/<[^>]+>/g, ''))[0]).toBe(
      'Sija 1: Palveluluotsi, 4 ääntä · Vastuuhenkilö: Juha Korhonen',
    );
    // Where nobody voted in any, the last closed round says so.
    model.rounds = [empty];
    const alone = sections(toAgenda(model)).get('Viimeisimmän äänestyksen tulos')!;
    expect(alone.map((part) => part.raw.trim())).toEqual([
      'Kierros 1: Tyhjä kierros · päättyi 2025-03-14 10:05 UTC · 0 äänestäjää',
      'Ääniä ei annettu.',
    ]);
  });

  it('names an item by its first 80 letters, and lists what is done latest first with its day', () => {
    const model = fixture();
    const long = `${'Asiakas odottaa puhelimessa liian kauan '.repeat(5)}ja lopulta luovuttaa.`;
    model.items = model.items.map((item) =>
      item.id === 'n2' ? ({ ...item, text: long } as Item) : item,
    );
    model.followUps.push(
      followUp({
        id: 'fu-7',
        itemId: 'n1',
        title: 'Myöhemmin valmis',
        status: 'done',
        updatedAt: '2025-04-01T09:00:00.000Z',
      }),
    );
    const later = toAgenda(model);
    const line = later.split('\n').find((text) => text.includes('Selvitä chatin kustannukset'));
    expect(line).toContain(`— ${long.slice(0, 80).trimEnd()}… · Avoin`);
    const done = listTexts(sections(later).get('Valmiit'));
    expect(done.map((text) => text.replace(/<[^>]+>/g, '').split(' — ')[0])).toEqual([
      'Myöhemmin valmis',
      'Puhelinvalikon selkeytys',
    ]);
  });

  it('lists the concept cards that no follow-up, or only a dropped or unassigned one, takes forward', () => {
    expect(agenda).toContain('Jokaisella konseptikortilla on jatkotoimi ja vastuuhenkilö.');
    // Made from the top results and left without an owner: nobody takes it forward yet (QA).
    const unowned = fixture();
    unowned.followUps = unowned.followUps.map((entry) =>
      entry.itemId === 'c1' ? { ...entry, owner: { name: '' } } : entry,
    );
    expect(
      listTexts(sections(toAgenda(unowned)).get('Konseptit, joita kukaan ei vielä vie eteenpäin')),
    ).toEqual(['Palveluluotsi']);
    const model = fixture();
    model.followUps = model.followUps.map((entry) =>
      entry.itemId === 'c1' ? { ...entry, status: 'dropped' } : entry,
    );
    expect(
      listTexts(sections(toAgenda(model)).get('Konseptit, joita kukaan ei vielä vie eteenpäin')),
    ).toEqual(['Palveluluotsi']);
  });

  it('names the item once where a follow-up is titled with its words (made from the top results)', () => {
    const model = fixture();
    model.followUps.push(
      followUp({
        id: 'fu-same',
        itemId: 'n2',
        title: 'Chat-palvelu  ilta-aikaan',
        status: 'open',
        due: '2025-05-01',
      }),
      followUp({ id: 'fu-done', itemId: 'n2', title: 'Chat-palvelu ilta-aikaan', status: 'done' }),
    );
    const agenda = toAgenda(model);
    const lines = agenda.split('\n').filter((line) => line.includes('**Chat-palvelu'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^- \[ \] \*\*Chat-palvelu ilta-aikaan\*\* — Avoin · määräpäivä 2025-05-01/,
    );
    expect(lines[1]).toMatch(
      /^- \[x\] \*\*Chat-palvelu ilta-aikaan\*\* — Maija Virtanen · valmis /,
    );
    // A title of its own still names its item.
    expect(agenda).toContain('**Selvitä chatin kustannukset** — Chat-palvelu ilta-aikaan · Avoin');
    // The calendar's description, too, names no item that the summary already says.
    const event = toIcs(model)
      .split('BEGIN:VEVENT')
      .find((part) => part.includes('fu-same'));
    expect(event).toContain('SUMMARY:Chat-palvelu  ilta-aikaan');
    expect(event).not.toContain('Kohde:');
  });

  it('keeps hostile text as text, and speaks English on an English board', () => {
    const model = fixture();
    model.board = { ...model.board, language: 'en' };
    model.followUps[1] = { ...model.followUps[1]!, title: HOSTILE_MD, notes: SCRIPT_NOTE };
    const english = toAgenda(model);
    const tokens = marked.lexer(english);
    expect(JSON.stringify(tokens)).not.toMatch(/"type":"html"/);
    expect(english.startsWith(`# Next meeting: ${BOARD_TITLE}\n`)).toBe(true);
    expect([...sections(english).keys()]).toContain('Follow-ups, by owner');
    expect(english).toContain('## Other business');
    expect(english).toContain('1 follow-up was dropped.');
  });
});

describe('renderExport', () => {
  it('names the file after the board and sends the matching content type', () => {
    const model = fixture();
    expect(renderExport(model, 'md')).toMatchObject({
      contentType: 'text/markdown; charset=utf-8',
      filename: 'kehittamispaiva-asiakaspalvelu.md',
    });
    expect(renderExport(model, 'csv', { table: 'followups' })).toMatchObject({
      contentType: 'text/csv; charset=utf-8',
      filename: 'kehittamispaiva-asiakaspalvelu-followups.csv',
    });
    expect(renderExport(model, 'csv').filename).toBe('kehittamispaiva-asiakaspalvelu-items.csv');
    expect(renderExport(model, 'json').contentType).toBe('application/json; charset=utf-8');
    expect(renderExport(model, 'svg').contentType).toBe('image/svg+xml; charset=utf-8');
    expect(renderExport(model, 'ics').contentType).toBe(
      'text/calendar; charset=utf-8; method=PUBLISH',
    );
    expect(renderExport(model, 'csv', { table: 'followups' }).body).toBe(
      toCsv(model, { table: 'followups' }),
    );
  });

  it('slugs titles safely', () => {
    const named = (title: string) =>
      renderExport({ ...fixture(), board: { ...fixture().board, title } }, 'md').filename;
    expect(named('Development day')).toBe('development-day.md');
    expect(named('../"evil"\\name/ ; x')).toBe('evil-name-x.md');
    expect(named('会議')).toBe('board.md');
    const snapshot = {
      ...fixture(),
      snapshot: { id: 's1', name: 'Ennen äänestystä', createdAt: '2025-03-14T10:00:00.000Z' },
    };
    expect(renderExport(snapshot, 'ics').filename).toBe(
      'kehittamispaiva-asiakaspalvelu-snapshot-2025-03-14.ics',
    );
  });
});

describe('file names for titles in other scripts', () => {
  const titled = (title: string) => ({ ...fixture(), board: { ...fixture().board, title } });

  it('keeps the title in its own script beside the ASCII name, so boards’ files differ', () => {
    const names = (title: string) => {
      const { filename, unicodeFilename } = renderExport(titled(title), 'md');
      return [filename, unicodeFilename];
    };
    expect(names('会議 2024')).toEqual(['2024.md', '会議-2024.md']);
    expect(names('تحسين تجربة العملاء')).toEqual(['board.md', 'تحسين-تجربة-العملاء.md']);
    expect(names('🎉 Juhlat 🎉')).toEqual(['juhlat.md', '🎉-juhlat-🎉.md']);
    expect(names('Kehittämispäivä: asiakaspalvelu')).toEqual([
      'kehittamispaiva-asiakaspalvelu.md',
      'kehittämispäivä-asiakaspalvelu.md',
    ]);
    expect(names('Development day')).toEqual(['development-day.md', 'development-day.md']);
    const snapshot = {
      ...titled('会議'),
      snapshot: { id: 's1', name: 'v1', createdAt: '2025-03-14T10:00:00.000Z' },
    };
    expect(renderExport(snapshot, 'csv', { table: 'followups' }).unicodeFilename).toBe(
      '会議-snapshot-2025-03-14-followups.csv',
    );
  });

  it('is still safe: no slashes, quotes, controls or bidi overrides, and of limited length', () => {
    const named = (title: string) => renderExport(titled(title), 'svg').unicodeFilename;
    expect(named('../"会議"\\名前/ ; x\u0000\u0007')).toBe('会議-名前-x.svg');
    // U+202E would show "exe.svg" backwards as "gvs.exe".
    expect(named('a\u202Egvs.exe')).toBe('a-gvs-exe.svg');
    expect(named('\u200D')).toBe('board.svg');
    const long = named('顧'.repeat(100));
    expect(long).toBe(`${'顧'.repeat(60)}.svg`);
    const families = named('👨‍👩‍👧‍👦'.repeat(30));
    expect(Buffer.byteLength(families)).toBeLessThanOrEqual(180 + '.svg'.length);
    expect(families.replace(/\.svg$/, '')).toMatch(/^(👨‍👩‍👧‍👦)+$/u);
  });
});

// ---------------------------------------------------------------------------------------------
// What stock clients may write: every format still renders, and renders something valid
// ---------------------------------------------------------------------------------------------

describe('boards a stock client has written oddly', () => {
  const odd = (): BoardExport => {
    const model = fixture();
    const points = Array.from({ length: 300_000 }, (_, i) => (i % 2 === 0 ? i / 2 : -i / 2));
    model.items.push(
      {
        id: 's-huge',
        type: 'stroke',
        x: 0,
        y: 0,
        w: 0,
        h: 0,
        color: '#1f2328',
        createdAt: at(),
        points,
      },
      note('n-negative', 'Negative size', 100, 100, { w: -5, h: -10 }),
      note('n-tall', 'Very tall', 300, 100, { h: 1e308 }),
      note('n-word', 'x'.repeat(100_000), 500, 100),
    );
    model.rounds.push({ round: round('r4', 'Round 4', 'open'), results: [], excluded: [] });
    model.followUps.push(
      followUp({ id: 'fu-old', itemId: 'n1', title: 'Long ago', due: '0001-01-01' }),
      followUp({ id: 'fu-late', itemId: 'n1', title: 'Last day', due: '9999-12-31' }),
    );
    return model;
  };

  it('a stroke of 150,000 points is centred and drawn, in the spreadsheet and the picture', () => {
    const rows = readCsv(toCsv(odd(), { table: 'items' }));
    expect(rows.find((row) => row.id === 's-huge')).toBeDefined();
    const svg = toSvg(odd());
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('data-item="s-huge"');
  });

  it('the picture has no Infinity and no negative sizes, and a huge word is cut to its note', () => {
    const svg = toSvg(odd());
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/Infinity|NaN/);
    expect(svg).not.toMatch(/(width|height)="-/);
    const word = svg.slice(svg.indexOf('data-item="n-word"'));
    const spans = word.slice(0, word.indexOf('</g>')).match(/<tspan[^>]*>([^<]*)<\/tspan>/g) ?? [];
    expect(spans.length).toBeGreaterThan(1);
    expect(spans.at(-1)).toContain('…');
  });

  it('a note or a concept card with more words than room keeps them whole as its <title>', () => {
    const group = (svg: string, id: string) => {
      const from = svg.indexOf(`<g data-item="${id}">`);
      return svg.slice(from, svg.indexOf('</g>', from));
    };
    const model = fixture();
    const long = 'Soitto takaisin samana päivänä, ja soittajan nimi näkyy. '.repeat(12).trim();
    model.items.push(note('n-long', long, 0, 3000), note('n-short', 'Lyhyt', 400, 3000));
    const card = model.items.find((item) => item.id === 'c1') as Extract<Item, { type: 'concept' }>;
    card.fields = { ...card.fields, serviceIdea: long };
    const svg = toSvg(model);
    expect(XMLValidator.validate(svg)).toBe(true);
    const cutNote = group(svg, 'n-long');
    expect(cutNote).toContain('…</tspan>');
    expect(cutNote.startsWith(`<g data-item="n-long"><title>${long}</title>`)).toBe(true);
    expect(group(svg, 'n-short')).not.toContain('<title>');
    // The card: title, each field by its label, its text, a line each.
    const title = /<title>([^<]*)<\/title>/.exec(group(svg, 'c1'))?.[1] ?? '';
    expect(title.split('\n')).toEqual([
      'Palveluluotsi',
      'Nimi: Palveluluotsi',
      'Kohdeasiakas: Ensimmäistä kertaa asioiva asiakas',
      'Asiakkaan tarve: Tietää heti, minne kääntyä',
      `Palveluidea: ${long}`,
      'Kosketuspisteet: Aula, chat, puhelin',
      'Arvo asiakkaalle: Vähemmän odottelua ja epävarmuutta',
      'Arvo organisaatiolle: Vähemmän väärin ohjattuja yhteydenottoja',
      'Ensimmäinen askel: Kahden viikon pilotti Tampereella',
      'Syntyi tiimi A:n ideoista.',
    ]);
    // A card with room for everything has none.
    expect(group(toSvg(fixture()), 'c1')).not.toContain('<title>');
  });

  it('draws no Name field on a card whose Name field is empty, as the board does', () => {
    const group = (svg: string, id: string) => {
      const from = svg.indexOf(`<g data-item="${id}">`);
      return svg.slice(from, svg.indexOf('</g>', from));
    };
    const model = fixture();
    const card = model.items.find((item) => item.id === 'c1') as Extract<Item, { type: 'concept' }>;
    expect(group(toSvg(model), 'c1')).toContain('>Nimi</tspan>');
    card.fields = { ...card.fields, name: '' };
    const drawn = group(toSvg(model), 'c1');
    expect(drawn).not.toContain('>Nimi</tspan>');
    expect(drawn).not.toContain('>—</tspan>');
    expect(drawn).toContain('>Kohdeasiakas</tspan>');
  });

  it('the calendar keeps follow-ups due in the years 0001 and 9999', () => {
    const ics = toIcs(odd());
    expect(ics).toContain('DTSTART;VALUE=DATE:00010101\r\nDTEND;VALUE=DATE:00010102\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:99991231\r\nSUMMARY:Last day');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events.map((event) => event.getFirstPropertyValue('summary'))).toContain('Long ago');
  });

  it('a round named only by its number is headed once in the report', () => {
    const report = toMarkdown(odd());
    expect(report).toContain('### Kierros 4\n');
    expect(report).not.toContain('Kierros 4: Round 4');
    const english = toMarkdown({ ...odd(), board: { ...fixture().board, language: 'en' } });
    expect(english).toContain('### Round 4\n');
    expect(english).not.toContain('Round 4: Round 4');
  });
});

// ---------------------------------------------------------------------------------------------
// What the board shows: frames that overlap, stacking, counted words, unassigned follow-ups
// ---------------------------------------------------------------------------------------------

describe('frames and stacking as people see the board', () => {
  const T = (n: number) => T0 + 1000 * n;
  const lane = (id: string, title: string, y: number, n: number): ExportItem => ({
    id,
    type: 'frame',
    x: 0,
    y,
    w: 1820,
    h: 240,
    color: '#f8f9fa',
    createdAt: T(n),
    title,
  });
  const box = (id: string, title: string, at: [number, number, number, number], n: number) =>
    ({
      id,
      type: 'frame',
      x: at[0],
      y: at[1],
      w: at[2],
      h: at[3],
      color: '#f8f9fa',
      createdAt: T(n),
      title,
    }) satisfies ExportItem;
  const card = (id: string, text: string, x: number, y: number, n: number, extra = {}) =>
    ({ ...note(id, text, x, y, extra), createdAt: T(n) }) as ExportItem;
  /**
   * A customer journey's lanes, then a "Pikavoitot ⚡" frame drawn over three of them (the board
   * draws it on top: it is newer), a small frame wholly inside one lane, and two frames whose
   * `z` puts the newer one underneath.
   */
  const board = (): BoardExport => ({
    ...fixture(),
    items: [
      lane('l-people', 'Ihmiset', 0, 1),
      lane('l-env', 'Ympäristöt', 240, 2),
      lane('l-obj', 'Esineet', 480, 3),
      lane('l-prac', 'Toimintatavat', 720, 4),
      card('p1', 'Henkilökunta tervehtii', 247, 20, 10, { parent: 'l-people' }),
      box('f-quick', 'Pikavoitot ⚡', [907, 33, 800, 600], 20),
      // No parent; its centre (1400, 400) is in "Ympäristöt" and in "Pikavoitot", which covers it.
      card('q1', 'Soitto takaisin päivässä', 1300, 300, 21),
      box('f-bank', 'Ideapankki', [40, 500, 400, 200], 22),
      // Centre (175, 595): in "Esineet" and in "Ideapankki", drawn over it.
      card('b1', 'Selkeät opasteet', 100, 520, 23, { w: 150, h: 150 }),
      box('f-top', 'Päällä', [2100, 100, 200, 200], 5),
      { ...box('f-under', 'Alla', [2000, 0, 600, 600], 30), z: -1 },
      {
        id: 'k-arrow',
        type: 'connector',
        x: 0,
        y: 0,
        w: 0,
        h: 0,
        color: '#1f2328',
        createdAt: T(24),
        from: 'p1',
        to: 'b1',
      },
      // Older than q1 but brought to the front.
      card('front', 'Edessä', 1320, 320, 6, { z: 5 }),
    ],
    rounds: [],
    followUps: [],
  });

  it('the spreadsheet puts a frame inside another only when it lies wholly inside it', () => {
    const rows = readCsv(toCsv(board(), { table: 'items' }));
    const frameOf = (id: string) => rows.find((row) => row.id === id)?.frame;
    // The lanes are not inside "Pikavoitot", nor "Pikavoitot" inside a lane: they only overlap.
    expect(['l-people', 'l-env', 'l-obj', 'l-prac', 'f-quick'].map(frameOf)).toEqual([
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(frameOf('f-bank')).toBe('Esineet');
    // "Alla" is drawn under "Päällä" (z −1), so "Päällä" lies in it; not the other way round.
    expect(frameOf('f-top')).toBe('Alla');
    expect(frameOf('f-under')).toBe('');
  });

  it('an item without a parent belongs to the topmost frame around its centre, in every format', () => {
    const rows = readCsv(toCsv(board(), { table: 'items' }));
    const frameOf = (id: string) => rows.find((row) => row.id === id)?.frame;
    expect(frameOf('q1')).toBe('Pikavoitot ⚡');
    expect(frameOf('b1')).toBe('Ideapankki');
    expect(frameOf('p1')).toBe('Ihmiset');
    const parts = sections(toMarkdown(board()));
    expect(listTexts(parts.get('Pikavoitot ⚡'))).toEqual(['Soitto takaisin päivässä', 'Edessä']);
    expect(listTexts(parts.get('Ideapankki'))).toEqual(['Selkeät opasteet']);
    expect(listTexts(parts.get('Ympäristöt'))).toEqual([]);
    expect(listTexts(parts.get('Esineet'))).toEqual([]);
  });

  it('a note a stock client gave a negative width belongs to the frame it is drawn in', () => {
    // Drawn 0 wide at x 10 inside "Ihmiset" (as the board and the picture draw it), so its
    // centre is there too, not 50 units left of it outside every frame.
    const model = board();
    model.items.push(card('neg', 'Kapea', 10, 20, 40, { w: -100, h: 100 }));
    const rows = readCsv(toCsv(model, { table: 'items' }));
    expect(rows.find((row) => row.id === 'neg')?.frame).toBe('Ihmiset');
    expect(listTexts(sections(toMarkdown(model)).get('Ihmiset'))).toContain('Kapea');
  });

  it('the picture stacks items as the board does: frames, connectors, the rest, each by z and age', () => {
    const svg = toSvg(board());
    const order = [...svg.matchAll(/data-item="([^"]+)"/g)].map((match) => match[1]);
    expect(order).toEqual([
      'f-under',
      'l-people',
      'l-env',
      'l-obj',
      'l-prac',
      'f-top',
      'f-quick',
      'f-bank',
      'k-arrow',
      'p1',
      'q1',
      'b1',
      'front',
    ]);
  });

  it('JSON carries each item’s z and still matches the schema', () => {
    const schema = JSON.parse(readFileSync('docs/export.schema.json', 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const parsed = JSON.parse(toJson(board()));
    expect(validate(parsed), ajv.errorsText(validate.errors)).toBe(true);
    const z = (id: string) => parsed.items.find((item: { id: string }) => item.id === id)?.z;
    expect([z('f-under'), z('front'), z('q1')]).toEqual([-1, 5, undefined]);
  });
});

describe('counted words', () => {
  const oneOfEach = (language: 'en' | 'fi'): BoardExport => {
    const model = fixture();
    model.board = { ...model.board, language };
    model.rounds = [
      {
        round: { ...round('r1', 'Pikaäänestys', 'closed'), budget: 1, voters: 1 },
        results: [{ itemId: 'n1', votes: 1, rank: 1 }],
        excluded: [{ itemId: 'n-deleted', votes: 1, reason: 'item_deleted' }],
      },
      { round: round('r2', 'Konseptit', 'closed'), results: [], excluded: [] },
    ];
    return model;
  };

  it('the Finnish report says 1 ääni and 1 äänestäjä, and 5 ääntä and 4 äänestäjää', () => {
    const report = toMarkdown(oneOfEach('fi'));
    expect(report).toContain('· 1 ääni / henkilö · 1 äänestäjä · anonyymi\n');
    expect(report).toContain('· 5 ääntä / henkilö · 4 äänestäjää · anonyymi\n');
    expect(report).toContain('> 1 ääni kierroksen aikana poistetulle kohteelle');
    expect(report).not.toMatch(/\b1 (ääntä|äänestäjää)/);
  });

  it('the English report says 1 vote and 1 voter, and 5 votes and 4 voters', () => {
    const report = toMarkdown(oneOfEach('en'));
    expect(report).toContain('· 1 vote per person · 1 voter · anonymous\n');
    expect(report).toContain('· 5 votes per person · 4 voters · anonymous\n');
    expect(report).toContain('> 1 vote on an item deleted during the round');
    expect(report).not.toMatch(/\b1 (votes|voters)\b/);
  });

  it('the server’s own notes on a follow-up count votes right in both languages', () => {
    expect(BOARD_WORDS.en.fromRound('R', 1, 1)).toBe('“R”: #1, 1 vote');
    expect(BOARD_WORDS.en.fromRound('R', 2, 3)).toBe('“R”: #2, 3 votes');
    expect(BOARD_WORDS.fi.fromRound('K', 1, 1)).toBe('”K”: sija 1, 1 ääni');
    expect(BOARD_WORDS.fi.fromRound('K', 2, 3)).toBe('”K”: sija 2, 3 ääntä');
  });
});

describe('unassigned follow-ups', () => {
  const withUnassigned = (language: 'en' | 'fi'): BoardExport => {
    const model = fixture();
    model.board = { ...model.board, language };
    model.followUps = [
      followUp({
        id: 'fu-none',
        itemId: 'c1',
        title: 'Pilotoi palveluluotsi',
        owner: { name: '' },
        due: '2025-04-30',
        notes: 'Parhaat ideat: sija 1, 5 ääntä',
      }),
      ...model.followUps,
    ];
    return model;
  };

  it('the report says the follow-up is unassigned instead of naming anyone', () => {
    const fi = table(sections(toMarkdown(withUnassigned('fi'))).get('Jatkotoimet'));
    const row = fi.find((cells) => cells[0] === 'Pilotoi palveluluotsi');
    expect(row?.slice(2, 4)).toEqual(['*nimeämättä*', '—']);
    const en = toMarkdown(withUnassigned('en'));
    expect(en).toContain('| Pilotoi palveluluotsi | Palveluluotsi | *unassigned* | — |');
    // Rendered, it is emphasis: not a name someone could be called.
    expect(marked.parse(en, { async: false })).toContain('<td><em>unassigned</em></td>');
  });

  it('the calendar event says so in its summary and its description', () => {
    for (const [language, summary, line] of [
      ['fi', 'Pilotoi palveluluotsi (Vastuuhenkilö: nimeämättä)', 'Vastuuhenkilö: nimeämättä'],
      ['en', 'Pilotoi palveluluotsi (Owner: unassigned)', 'Owner: unassigned'],
    ] as const) {
      const ics = toIcs(withUnassigned(language));
      const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
      const event = events.find((e) => e.getFirstPropertyValue('uid') === 'fu-none@ideamill');
      expect(event?.getFirstPropertyValue('summary')).toBe(summary);
      expect(String(event?.getFirstPropertyValue('description')).split('\n')[0]).toBe(line);
    }
    // An owned follow-up keeps its title as it is.
    const owned = toIcs(withUnassigned('en'));
    expect(owned).toContain('SUMMARY:Pilotoi palveluluotsi\\, vaihe 1\r\n');
  });

  it('the spreadsheet leaves owner name and e-mail empty, and the JSON keeps the empty name', () => {
    const rows = readCsv(toCsv(withUnassigned('fi'), { table: 'followups' }));
    expect(rows[0]).toMatchObject({ id: 'fu-none', owner_name: '', owner_email: '' });
    const parsed = JSON.parse(toJson(withUnassigned('fi')));
    expect(parsed.followUps[0].owner).toEqual({ name: '' });
  });
});
