/**
 * The report's and the agenda's times on the reader's clock (QA, development day: the page
 * showed local times, the report UTC, two hours off in Helsinki). Machine formats stay UTC.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardSession } from '../../client/src/board/board-session.ts';
import { exportRoute, fetchExport } from '../../client/src/workshop/download.ts';
import { toAgenda } from '../../server/follow-through/exports/agenda.ts';
import { calendarDay, formatTimestamp } from '../../server/follow-through/exports/board-model.ts';
import { renderExport } from '../../server/follow-through/exports/index.ts';
import { toMarkdown } from '../../server/follow-through/exports/markdown.ts';
import type { Round } from '../../shared/facilitation.ts';
import { type BoardExport, isTimeZone } from '../../shared/follow-through.ts';

const WINTER = '2026-12-05T10:30:00.000Z';
const SUMMER = '2026-07-01T10:30:00.000Z';

describe('a moment in an export, for people', () => {
  it('is on the clock of the zone asked for, with its offset from UTC, summer time too', () => {
    expect(formatTimestamp(WINTER, 'Europe/Helsinki')).toBe('2026-12-05 12:30 (UTC+02:00)');
    expect(formatTimestamp(SUMMER, 'Europe/Helsinki')).toBe('2026-07-01 13:30 (UTC+03:00)');
    // Half hours, and zones west of Greenwich.
    expect(formatTimestamp(WINTER, 'Asia/Kolkata')).toBe('2026-12-05 16:00 (UTC+05:30)');
    expect(formatTimestamp(WINTER, 'America/St_Johns')).toBe('2026-12-05 07:00 (UTC-03:30)');
    // Late in the evening in UTC is the next morning in Helsinki.
    expect(formatTimestamp('2026-12-05T23:30:00.000Z', 'Europe/Helsinki')).toBe(
      '2026-12-06 01:30 (UTC+02:00)',
    );
    expect(calendarDay('2026-12-05T23:30:00.000Z', 'Europe/Helsinki')).toBe('2026-12-06');
  });

  it('is in UTC, as it always was, when no zone is asked for', () => {
    expect(formatTimestamp(WINTER)).toBe('2026-12-05 10:30 UTC');
    expect(formatTimestamp(SUMMER)).toBe('2026-07-01 10:30 UTC');
    expect(formatTimestamp(WINTER, 'UTC')).toBe('2026-12-05 10:30 UTC');
    expect(formatTimestamp('2026-12-05T23:59:59.999Z')).toBe('2026-12-05 23:59 UTC');
    expect(calendarDay('2026-12-05T23:30:00.000Z')).toBe('2026-12-05');
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });

  it('knows a zone by its IANA name, and no made-up one', () => {
    expect(isTimeZone('Europe/Helsinki')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Espoo')).toBe(false);
    expect(isTimeZone('+02:00')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

const round: Round = {
  id: 'r1',
  title: 'Round 1',
  status: 'closed',
  budget: 3,
  maxPerItem: 3,
  itemTypes: ['note'],
  frameId: null,
  anonymous: true,
  durationSec: null,
  openedAt: '2026-12-05T21:00:00.000Z',
  closesAt: null,
  closedAt: '2026-12-05T21:45:00.000Z',
  voters: 2,
};

/** Made late on 5 December in UTC: already the 6th in Helsinki. */
function model(): BoardExport {
  return {
    format: 'ideamill.board-export',
    version: 1,
    exportedAt: '2026-12-05T22:30:00.000Z',
    board: {
      id: 'b1',
      title: 'Kehittämispäivä',
      template: 'blank',
      language: 'en',
      createdAt: '2026-12-05T07:00:00.000Z',
    },
    snapshot: { id: 's1', name: 'Before lunch', createdAt: WINTER },
    members: [{ id: 'm1', name: 'Fran', role: 'facilitator' }],
    items: [
      {
        id: 'n1',
        type: 'note',
        x: 0,
        y: 0,
        w: 200,
        h: 200,
        color: '#fff3a3',
        createdAt: Date.parse(WINTER),
        text: 'Chat in the evening',
      } as BoardExport['items'][number],
    ],
    rounds: [{ round, results: [{ itemId: 'n1', votes: 2, rank: 1 }], excluded: [] }],
    followUps: [
      {
        id: 'f1',
        itemId: 'n1',
        title: 'Price the chat',
        owner: { name: 'Olli' },
        due: '2026-12-05',
        status: 'open',
        createdAt: WINTER,
        updatedAt: WINTER,
      },
      {
        id: 'f2',
        itemId: 'n1',
        title: 'Ask the night shift',
        owner: { name: 'Olli' },
        status: 'done',
        createdAt: WINTER,
        updatedAt: '2026-12-05T22:15:00.000Z',
      },
    ],
  };
}

describe('the report and the agenda, for a reader in Helsinki', () => {
  it('the report gives its export, version and round times on the reader’s clock', () => {
    const report = toMarkdown(model(), 'Europe/Helsinki');
    expect(report).toContain('- Exported: 2026-12-06 00:30 (UTC+02:00)');
    expect(report).toContain('- Version: Before lunch, 2026-12-05 12:30 (UTC+02:00)');
    expect(report).toContain('closed 2026-12-05 23:45 (UTC+02:00)');
    expect(report).not.toContain('UTC ');
    // As before without a zone.
    expect(toMarkdown(model())).toContain('- Exported: 2026-12-05 22:30 UTC');
  });

  it('the agenda counts overdue and done by the reader’s day, not the UTC one', () => {
    const agenda = toAgenda(model(), 'Europe/Helsinki');
    expect(agenda).toContain('- Prepared from the board: 2026-12-06 00:30 (UTC+02:00)');
    expect(agenda).toContain('due 2026-12-05 **(overdue)**');
    expect(agenda).toContain('done 2026-12-06');
    expect(agenda).toContain('closed 2026-12-05 23:45 (UTC+02:00)');
    const utc = toAgenda(model());
    expect(utc).toContain('- Prepared from the board: 2026-12-05 22:30 UTC');
    expect(utc).not.toContain('(overdue)');
    expect(utc).toContain('done 2026-12-05');
  });

  it('leaves the machine formats in UTC whatever the zone', () => {
    for (const format of ['json', 'csv', 'ics', 'svg'] as const) {
      expect(renderExport(model(), format, { timeZone: 'Europe/Helsinki' }).body).toBe(
        renderExport(model(), format).body,
      );
    }
    expect(renderExport(model(), 'md', { timeZone: 'Europe/Helsinki' }).body).toContain(
      '(UTC+02:00)',
    );
  });
});

describe('what the web page asks for', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('the page sends its zone with the report and the agenda, not with machine formats', () => {
    expect(exportRoute('md', undefined, 'fi-FI', 'Europe/Helsinki')).toBe(
      '/export?format=md&tz=Europe%2FHelsinki',
    );
    expect(exportRoute('agenda', 's1', 'en-GB', 'Europe/London')).toBe(
      '/export?format=agenda&snapshot=s1&tz=Europe%2FLondon',
    );
    expect(exportRoute('json', undefined, 'fi-FI', 'Europe/Helsinki')).toBe('/export?format=json');
    expect(exportRoute('csv', undefined, 'fi-FI', 'Europe/Helsinki')).toBe(
      '/export?format=csv&separator=semicolon',
    );
  });

  it('the page takes the report in UTC where the server does not know its zone', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return url.includes('tz=')
        ? Response.json(
            { error: { code: 'invalid_time_zone', message: 'tz: not known' } },
            { status: 400 },
          )
        : new Response('# Report\n', { status: 200 });
    });
    const session = { board: { id: 'b1' }, token: 't' } as BoardSession;
    const response = await fetchExport(session, '/export?format=md&tz=America%2FNew_Zone');
    expect(await response.text()).toBe('# Report\n');
    expect(asked).toEqual([
      '/api/boards/b1/export?format=md&tz=America%2FNew_Zone',
      '/api/boards/b1/export?format=md',
    ]);
  });
});
