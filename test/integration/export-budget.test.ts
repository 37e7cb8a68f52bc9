import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../shared/errors.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// A budget of 5 ms of building at once and 1 ms a second: each export costs at least the
// millisecond its turn takes, so a member's sixth export in a row cannot fit.
let server: TestServer;
let id: string;
let tokens: Awaited<ReturnType<TestServer['boardWithMembers']>>['tokens'];

beforeAll(async () => {
  server = await startTestServer({ EXPORT_BURST_MS: '5', EXPORT_MS_PER_SEC: '1' });
  const created = await server.boardWithMembers('customer-journey');
  id = created.board.board.id;
  tokens = created.tokens;
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
});
