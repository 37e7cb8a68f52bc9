import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GZIP_FROM_BYTES } from '../../server/http/compressed-reply.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import type { BoardExport, Snapshot } from '../../shared/follow-through.ts';
import { socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { wireGet } from '../helpers/wire-get.ts';

let server: TestServer;
let id: string;
let tokens: Record<'facilitator' | 'participant' | 'viewer', string>;
let stockNote: string;
let snapshotId: string;

beforeAll(async () => {
  server = await startTestServer();
  const created = await server.boardWithMembers('idea-mill');
  id = created.board.board.id;
  tokens = created.tokens;
  // A note added the raw way by a stock Yjs client, without our helpers.
  const stock = yWebsocketClient(server.url, id, tokens.participant);
  await stock.synced;
  const note = new Y.Map<unknown>();
  note.set('type', 'note');
  note.set('x', 10);
  note.set('y', 20);
  note.set('w', 200);
  note.set('h', 200);
  note.set('color', '#caffbf');
  note.set('createdAt', Date.now());
  note.set('text', new Y.Text('Stock client idea'));
  stockNote = 'stock-note-1';
  itemsOf(stock.doc).set(stockNote, note);
  const reader = socketIoClient(server.url, id, tokens.viewer);
  await waitFor(() => itemsOf(reader.doc).has(stockNote), 'stock note stored');
  const snap = await server.api<Snapshot>(`/api/boards/${id}/snapshots`, {
    token: tokens.facilitator,
    body: { name: 'Only the stock note' },
  });
  snapshotId = snap.body.id;
  const later = addItem(stock.doc, { type: 'note', x: 0, y: 0, text: 'Added after the snapshot' });
  await waitFor(() => itemsOf(reader.doc).has(later), 'later note');
  const round = await server.api<{ round: { id: string } }>(`/api/boards/${id}/rounds`, {
    token: tokens.facilitator,
    body: { budget: 2 },
  });
  await server.api(`/api/boards/${id}/rounds/${round.body.round.id}/votes`, {
    token: tokens.participant,
    body: { itemId: stockNote },
  });
  await server.api(`/api/boards/${id}/rounds/${round.body.round.id}/close`, {
    token: tokens.facilitator,
    body: {},
  });
  await server.api(`/api/boards/${id}/followups`, {
    token: tokens.facilitator,
    body: { itemId: stockNote, owner: { name: 'Olli Owner' }, due: '2027-01-15' },
  });
  stock.destroy();
  reader.destroy();
});
afterAll(async () => {
  await server.close();
});

const get = (query: string, token = tokens.viewer) =>
  server.api<string>(`/api/boards/${id}/export?${query}`, { token });

describe('GET /api/boards/:id/export', () => {
  it.each([
    ['md', 'text/markdown'],
    ['csv', 'text/csv'],
    ['json', 'application/json'],
    ['svg', 'image/svg+xml'],
    ['ics', 'text/calendar'],
  ])(
    "%s comes with its content type and a file name, and holds the stock client's note",
    async (format, type) => {
      const { status, headers, body } = await get(`format=${format}`);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toContain(type);
      // A board's content, fetched with a member's token: no cache keeps it.
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('content-disposition')).toMatch(
        new RegExp(
          `^attachment; filename="workshop${format === 'csv' ? '-items' : ''}\\.${format}"$`,
        ),
      );
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      if (format === 'ics') {
        expect(text).toContain('DTSTART;VALUE=DATE:20270115');
        // RFC 5545 §3.7.2: METHOD in the file and the media type's method parameter go together.
        expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
        expect(headers.get('content-type')).toMatch(/;\s*method=PUBLISH/);
      } else expect(text).toContain('Stock client idea');
      // The picture shows what was decided at the note's foot: its vote and who took it on.
      if (format === 'svg') {
        expect(text).toMatch(
          /<g data-marks="stock-note-1"><g data-votes="1" data-rank="1"><title>Rank 1, 1 vote<\/title>.*<title>1 follow-up, owner: Olli Owner<\/title>/,
        );
      }
    },
  );

  it('agenda is the next meeting’s Markdown: the open follow-up by its owner, and the vote', async () => {
    const { status, headers, body } = await get('format=agenda');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(headers.get('content-disposition')).toBe('attachment; filename="workshop-agenda.md"');
    expect(body.startsWith('# Next meeting: Workshop\n')).toBe(true);
    expect(body).toContain('### Olli Owner\n\n- [ ] **');
    // Titled with its item's words (none given): the item is not named a second time.
    expect(body).toContain('- [ ] **Stock client idea** — Open · due 2027-01-15');
    expect(body).toContain('- **Rank 1:** Stock client idea, 1 vote · Owner: Olli Owner');
    // A blank board: no concept section to say it has no concept cards (QA).
    expect(body).not.toContain('No concept cards on this board.');
  });

  it('md and agenda show times on the clock of tz, with its offset; UTC without it', async () => {
    const { body: model } = await server.api<BoardExport>(`/api/boards/${id}/export?format=json`, {
      token: tokens.viewer,
    });
    const closedAt = model.rounds[0]?.round.closedAt ?? '';
    // sv-SE writes a date and time as ISO does: "2026-12-05 12:30:00".
    const helsinki = new Date(closedAt)
      .toLocaleString('sv-SE', { timeZone: 'Europe/Helsinki' })
      .slice(0, 16);
    const offset = /\(UTC\+0[23]:00\)/.source;
    for (const format of ['md', 'agenda']) {
      const zoned = await get(`format=${format}&tz=Europe%2FHelsinki`);
      expect(zoned.status).toBe(200);
      expect(zoned.body).toMatch(new RegExp(`closed ${helsinki} ${offset}`));
      expect(zoned.body).not.toMatch(/\d{2}:\d{2} UTC\b/);
      const utc = await get(`format=${format}`);
      expect(utc.body).toContain(`closed ${closedAt.slice(0, 16).replace('T', ' ')} UTC`);
    }
    const report = await get('format=md&tz=Europe/Helsinki');
    expect(report.body).toMatch(new RegExp(`- Exported: \\S+ \\S+ ${offset}\n`));
    // Machine formats keep UTC.
    const ics = await get('format=ics&tz=Europe/Helsinki');
    expect(ics.body).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  });

  it('refuses a tz that names no time zone with invalid_time_zone', async () => {
    for (const tz of ['Europe/Espoo', '%2B02:00', 'EET-2']) {
      const bad = await server.api<ErrorResponse>(`/api/boards/${id}/export?format=md&tz=${tz}`, {
        token: tokens.viewer,
      });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_time_zone']);
      expect(bad.body.error.message).toContain('tz');
    }
  });

  it('json is the complete model: items, rounds with results, follow-ups', async () => {
    const { body } = await server.api<BoardExport>(`/api/boards/${id}/export?format=json`, {
      token: tokens.participant,
    });
    expect(body.format).toBe('ideamill.board-export');
    expect(body.items.map((item) => item.id)).toContain(stockNote);
    expect(body.rounds[0]?.results).toEqual([
      { itemId: stockNote, votes: 1, rank: 1, label: 'Stock client idea' },
    ]);
    expect(body.followUps[0]).toMatchObject({ itemId: stockNote, owner: { name: 'Olli Owner' } });
    expect(body.members.map((m) => m.role).sort()).toEqual([
      'facilitator',
      'participant',
      'viewer',
    ]);
  });

  it('exports a snapshot: the items as they were then', async () => {
    const { body } = await server.api<BoardExport>(
      `/api/boards/${id}/export?format=json&snapshot=${snapshotId}`,
      { token: tokens.viewer },
    );
    expect(body.snapshot).toMatchObject({ id: snapshotId, name: 'Only the stock note' });
    const texts = JSON.stringify(body.items);
    expect(texts).toContain('Stock client idea');
    expect(texts).not.toContain('Added after the snapshot');
    const live = await get('format=md');
    expect(live.body).toContain('Added after the snapshot');
  });

  it('the follow-up table is a second CSV', async () => {
    const { body, headers } = await get('format=csv&table=followups');
    expect(headers.get('content-disposition')).toContain('workshop-followups.csv');
    expect(body).toContain('Olli Owner');
    expect(body).toContain('2027-01-15');
    // Separated by semicolons, for a spreadsheet where 1,5 is a number.
    const semicolons = await get('format=csv&table=followups&separator=semicolon');
    expect(semicolons.body.split('\r\n')[0]).toBe(
      'id;item_id;item_text;title;owner_name;owner_email;due;status;notes;created_at;updated_at;board',
    );
  });

  it('the picture stacks items by the z a client gave them, as the board does', async () => {
    const board = await server.boardWithMembers('blank');
    const boardId = board.board.board.id;
    const stock = yWebsocketClient(server.url, boardId, board.tokens.facilitator);
    await stock.synced;
    const frame = (key: string, x: number, z?: number) => {
      const map = new Y.Map<unknown>();
      for (const [field, value] of Object.entries({ type: 'frame', x, y: 0, w: 400, h: 300 })) {
        map.set(field, value);
      }
      map.set('color', '#f8f9fa');
      map.set('createdAt', Date.now());
      map.set('title', key);
      if (z !== undefined) map.set('z', z);
      itemsOf(stock.doc).set(key, map);
    };
    // The older frame was brought to the front; the newer one has no z (0).
    frame('front-frame', 0, 3);
    frame('plain-frame', 200);
    const reader = socketIoClient(server.url, boardId, board.tokens.viewer);
    await waitFor(() => itemsOf(reader.doc).has('plain-frame'), 'frames stored');
    stock.destroy();
    reader.destroy();
    const svg = await server.api<string>(`/api/boards/${boardId}/export?format=svg`, {
      token: board.tokens.viewer,
    });
    const order = [...svg.body.matchAll(/data-item="([^"]+)"/g)].map((match) => match[1]);
    expect(order).toEqual(['plain-frame', 'front-frame']);
    const json = await server.api<BoardExport>(`/api/boards/${boardId}/export?format=json`, {
      token: board.tokens.viewer,
    });
    expect(json.body.items.map((item) => [item.id, item.z])).toEqual([
      ['front-frame', 3],
      ['plain-frame', undefined],
    ]);
  });

  it('names the download in the title’s own script too (filename*), keeping the ASCII name', async () => {
    const disposition = async (title: string, query = 'format=md') => {
      const board = await server.createBoard({ title });
      const { token } = await server.join(board.board.id, board.keys.viewer);
      const reply = await server.api<string>(`/api/boards/${board.board.id}/export?${query}`, {
        token,
      });
      return reply.headers.get('content-disposition') ?? '';
    };
    const japanese = await disposition('会議 2024');
    expect(japanese).toBe(
      `attachment; filename="2024.md"; filename*=UTF-8''${encodeURIComponent('会議-2024.md')}`,
    );
    // What the web page does with it (client/src/workshop/download.ts).
    const star = /filename\*=UTF-8''([^;]+)/i.exec(japanese)?.[1] ?? '';
    expect(decodeURIComponent(star)).toBe('会議-2024.md');
    // Arabic and emoji titles no longer all download as board.md.
    const arabic = await disposition('تحسين تجربة العملاء', 'format=csv&table=followups');
    expect(arabic).toContain('filename="board-followups.csv"; filename*=UTF-8\'\'');
    expect(decodeURIComponent(arabic.split("''")[1] ?? '')).toBe(
      'تحسين-تجربة-العملاء-followups.csv',
    );
    const emoji = await disposition('🎉🚀');
    expect(decodeURIComponent(emoji.split("''")[1] ?? '')).toBe('🎉🚀.md');
    // RFC 8187's attr-char: nothing but percent-escapes and safe ASCII after UTF-8''.
    for (const header of [japanese, arabic, emoji]) {
      expect(header.split("''")[1]).toMatch(/^[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
    }
    // A title in plain ASCII keeps the one name it always had.
    expect(await disposition('Workshop')).toBe('attachment; filename="workshop.md"');
  });

  it('refuses bad formats, unknown snapshots and missing tokens with the error shape', async () => {
    const bad = await server.api<ErrorResponse>(`/api/boards/${id}/export?format=pdf`, {
      token: tokens.viewer,
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_input']);
    const tab = await server.api<ErrorResponse>(
      `/api/boards/${id}/export?format=csv&separator=tab`,
      { token: tokens.viewer },
    );
    expect([tab.status, tab.body.error.code]).toEqual([400, 'invalid_input']);
    expect(tab.body.error.message).toContain('separator');
    const none = await server.api<ErrorResponse>(`/api/boards/${id}/export?format=md`);
    expect([none.status, none.body.error.code]).toEqual([401, 'token_required']);
    const snap = await server.api<ErrorResponse>(
      `/api/boards/${id}/export?format=md&snapshot=nope`,
      { token: tokens.viewer },
    );
    expect([snap.status, snap.body.error.code]).toEqual([404, 'snapshot_not_found']);
  });
});

function rawGet(query: string, acceptEncoding?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${tokens.viewer}` };
  if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
  return wireGet(`${server.url}/api/boards/${id}/export?${query}`, headers);
}

describe('an export for a client that accepts gzip', () => {
  it('comes gzip’d, smaller, and inflates to the file a client that does not accept it gets', async () => {
    const plain = await rawGet('format=json');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.bytes.length).toBeGreaterThanOrEqual(GZIP_FROM_BYTES);

    const gzipped = await rawGet('format=json', 'gzip, deflate, br');
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gzipped.headers['content-type']).toBe(plain.headers['content-type']);
    expect(gzipped.headers['content-disposition']).toBe(plain.headers['content-disposition']);
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.bytes.length);
    expect(gzipped.bytes.length).toBeLessThan(plain.bytes.length / 2);
    // The same file but for the moment it was made.
    const file = (bytes: Buffer) => ({ ...JSON.parse(bytes.toString('utf8')), exportedAt: null });
    expect(file(zlib.gunzipSync(gzipped.bytes))).toEqual(file(plain.bytes));
  });

  it('comes as it is where gzip is refused (q=0) or only other encodings are named', async () => {
    for (const refusal of ['gzip;q=0', 'br', 'identity']) {
      const reply = await rawGet('format=svg', refusal);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-encoding']).toBeUndefined();
      expect(reply.bytes.toString('utf8')).toMatch(/^<\?xml|^<svg/);
    }
  });

  it('comes as it is when it is too small to gain from it', async () => {
    const small = await rawGet('format=agenda', 'gzip');
    expect(small.status).toBe(200);
    expect(small.bytes.length).toBeLessThan(GZIP_FROM_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.bytes.toString('utf8')).toContain('#');
  });
});
