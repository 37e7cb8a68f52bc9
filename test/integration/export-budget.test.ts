import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// A budget of 3 ms of building at once and 1 ms a second. Each export takes a millisecond when
// its turn comes, then is charged what it took: on a board of 500 notes more than the 2 ms left,
// so a member's second export cannot fit, whether asked for after the first or at the same time.
let server: TestServer;
let id: string;
let participantKey: string;
let tokens: Awaited<ReturnType<TestServer['boardWithMembers']>>['tokens'];

beforeAll(async () => {
  server = await startTestServer({ EXPORT_BURST_MS: '3', EXPORT_MS_PER_SEC: '1' });
  const created = await server.boardWithMembers('customer-journey');
  id = created.board.board.id;
  tokens = created.tokens;
  participantKey = created.board.keys.participant;
  const { doc } = server.documents.open({ boardId: id });
  doc.transact(() => {
    for (let i = 0; i < 500; i++) {
      addItem(doc, {
        type: 'note',
        x: (i % 25) * 230,
        y: Math.floor(i / 25) * 230,
        text: `Idea ${i}`,
      });
    }
  });
});
afterAll(async () => {
  await server.close();
});

const exportAs = (token: string, format = 'svg') =>
  server.api<ErrorResponse | string>(`/api/boards/${id}/export?format=${format}`, { token });

describe("a member's exports", () => {
  it('past the budget are 429 rate_limited with when to try again, and other members are not held up', async () => {
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof exportAs>> | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      const reply = await exportAs(tokens.viewer);
      statuses.push(reply.status);
      if (reply.status !== 200) refused = reply;
    }
    expect(statuses[0]).toBe(200);
    expect(statuses.length).toBeLessThanOrEqual(6);
    expect(refused?.status).toBe(429);
    const body = refused!.body as ErrorResponse;
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/exports of this board.*try again in \d+ s/);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another format is the same budget; another member has their own.
    expect((await exportAs(tokens.viewer, 'md')).status).toBe(429);
    expect((await exportAs(tokens.facilitator, 'md')).status).toBe(200);
  });

  it('asked for twenty at once are built one after another, so the budget holds for them too', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => exportAs(tokens.participant)),
    );
    const statuses = replies.map((reply) => reply.status);
    // Had they been built side by side, the three asked for first would all have been built.
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 429)).toHaveLength(19);
  });

  it('are counted in /metrics: built and refused by format, and the time each built one took', async () => {
    const count = async (series: string) => {
      const metrics = (await server.api<string>('/metrics')).body;
      const line = metrics.split('\n').find((each) => each.startsWith(`${series} `));
      return Number(line?.split(' ')[1] ?? 0);
    };
    const built = 'ideamill_exports_total{format="csv",outcome="built"}';
    const refused = 'ideamill_exports_total{format="csv",outcome="refused"}';
    const timed = 'ideamill_export_seconds_count{format="csv"}';
    expect([await count(built), await count(refused), await count(timed)]).toEqual([0, 0, 0]);
    const fresh = (await server.join(id, participantKey, 'Fresh')).token;
    expect((await exportAs(fresh, 'csv')).status).toBe(200);
    expect((await exportAs(fresh, 'csv')).status).toBe(429);
    expect([await count(built), await count(refused), await count(timed)]).toEqual([1, 1, 1]);
  });
});
