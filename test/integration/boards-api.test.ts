import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CreateBoardResponse,
  GetBoardResponse,
  InvitationResponse,
  JoinBoardResponse,
  ListMembersResponse,
  NewKeyResponse,
  RenamedBoard,
} from '../../shared/api.ts';
import { itemsOf } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import { sleep, socketIoClient, waitFor } from '../helpers/clients.ts';
import { connectMember, request } from '../helpers/members.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ JOIN_RATE_PER_MIN: '1000' });
});
afterAll(async () => {
  await server.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('creating a board', () => {
  it('returns the board, three role keys and absolute links', async () => {
    const { status, body } = await server.api<CreateBoardResponse>('/api/boards', {
      body: { title: 'Kehittämispäivä', template: 'customer-journey', language: 'fi' },
    });
    expect(status).toBe(201);
    expect(body.board).toMatchObject({
      title: 'Kehittämispäivä',
      template: 'customer-journey',
      language: 'fi',
    });
    expect(body.board.id).toMatch(UUID);
    expect(Date.parse(body.board.createdAt)).not.toBeNaN();
    const keys = Object.values(body.keys);
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) expect(key.length).toBeGreaterThanOrEqual(40);
    expect(body.links.participant).toBe(
      `${server.url.replace('localhost', '127.0.0.1')}/b/${body.board.id}#key=${body.keys.participant}`,
    );
  });

  it('keeps a title on one line with nothing hidden in it, and refuses one with nothing to see (QA)', async () => {
    const made = await server.api<CreateBoardResponse>('/api/boards', {
      body: { title: ' Team\tday\r\n 3.12.\u202e ' },
    });
    expect(made.status).toBe(201);
    expect(made.body.board.title).toBe('Team day 3.12.');
    const blank = await server.api<ErrorResponse>('/api/boards', { body: { title: '\t\u200b' } });
    expect([blank.status, blank.body.error.code]).toEqual([400, 'invalid_input']);
  });

  it('defaults to a blank English board', async () => {
    const { body } = await server.api<CreateBoardResponse>('/api/boards', { body: { title: 'x' } });
    expect(body.board).toMatchObject({ template: 'blank', language: 'en' });
  });

  it.each([
    [{}, 'invalid_input'],
    [{ title: '' }, 'invalid_input'],
    [{ title: 'x', template: 'kanban' }, 'invalid_input'],
    [{ title: 'x', language: 'sv' }, 'invalid_input'],
    [{ title: 'x', extra: 1 }, 'invalid_input'],
    [[1, 2], 'invalid_input'],
  ])('refuses %j with 400 %s', async (input, code) => {
    const { status, body } = await server.api<ErrorResponse>('/api/boards', { body: input });
    expect(status).toBe(400);
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
  });

  it('refuses malformed JSON with 400 invalid_json', async () => {
    const { status, body } = await server.api<ErrorResponse>('/api/boards', { raw: '{"title":' });
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_json');
  });

  it.each(['null', '"x"', '42', 'true'])(
    'refuses the JSON value %s, which is not an object, with 400 invalid_input',
    async (raw) => {
      const { status, body } = await server.api<ErrorResponse>('/api/boards', { raw });
      expect(status).toBe(400);
      expect(body.error).toEqual({
        code: 'invalid_input',
        message: expect.stringMatching(/^The request body must be a JSON object/),
      });
    },
  );

  it('refuses a body that is not sent as JSON with 415, naming the content type it needs', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const response = await fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        // A Blob without a type: fetch sends no Content-Type at all.
        body: new Blob(['{"title":"Development day"}']),
      });
      expect(response.status).toBe(415);
      const body = (await response.json()) as ErrorResponse;
      expect(body.error.code).toBe('unsupported_media_type');
      expect(body.error.message).toContain('Content-Type: application/json');
    }
    // A board call reads its token before its body: the caller learns that first.
    const { board } = await server.createBoard();
    const lock = await fetch(`${server.url}/api/boards/${board.id}/lock`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"locked":true}',
    });
    expect(lock.status).toBe(401);
  });

  it('takes a POST without any body where the body is optional', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const { status } = await server.api(`/api/boards/${board.board.id}/snapshots`, {
      method: 'POST',
      token: tokens.facilitator,
    });
    expect(status).toBe(201);
  });

  it('refuses an oversized body with 413', async () => {
    const { status, body } = await server.api<ErrorResponse>('/api/boards', {
      body: { title: 'x'.repeat(5 * 1024 * 1024) },
    });
    expect(status).toBe(413);
    expect(body.error.code).toBe('payload_too_large');
  });

  it('stores only hashes of keys and tokens', async () => {
    const created = await server.createBoard();
    const joined = await server.join(created.board.id, created.keys.facilitator, 'Fia');
    const dump = server.db
      .prepare(
        `SELECT key_hash AS h FROM board_keys UNION ALL SELECT token_hash FROM members
         UNION ALL SELECT token_hash FROM member_devices`,
      )
      .all() as { h: Buffer }[];
    const stored = Buffer.concat(dump.map((row) => row.h)).toString('latin1');
    for (const secret of [...Object.values(created.keys), joined.token]) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(Buffer.from(secret, 'base64url').toString('latin1'));
    }
  });
});

describe('joining a board', () => {
  it('the key decides the role, and the token opens the board', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      const { status, body } = await server.api<JoinBoardResponse>(`/api/boards/${id}/join`, {
        body: { key: created.keys[role], name: `  ${role} person ` },
      });
      expect(status).toBe(200);
      expect(body.member).toMatchObject({ role, name: `${role} person` });
      expect(body.member.id).toMatch(UUID);
      expect(body.member.color).toMatch(/^#[0-9a-f]{6}$/);
      const me = await server.api<GetBoardResponse>(`/api/boards/${id}`, { token: body.token });
      expect(me.status).toBe(200);
      expect(me.body.me).toEqual(body.member);
      expect(me.body.board).toEqual(created.board);
    }
  });

  it('any member can list who has joined, and only their own board', async () => {
    const created = await server.createBoard();
    const other = await server.createBoard();
    const id = created.board.id;
    const bertta = await server.join(id, created.keys.viewer, 'Bertta');
    const aino = await server.join(id, created.keys.participant, 'Aino');
    // Aino again, from another device: a new member of the same name.
    const ainoAgain = await server.join(id, created.keys.participant, 'Aino');
    await server.join(other.board.id, other.keys.participant, 'Someone else');
    const { status, body } = await server.api<ListMembersResponse>(`/api/boards/${id}/members`, {
      token: bertta.token,
    });
    expect(status).toBe(200);
    // By name, and one name's members in the order they joined (API.md), each with when it
    // joined: what tells the two Ainos apart.
    expect(body.members).toEqual(
      [aino.member, ainoAgain.member, bertta.member].map((member) => ({
        ...member,
        joinedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      })),
    );
    const [first, second] = body.members;
    expect(Date.parse(first!.joinedAt)).toBeLessThanOrEqual(Date.parse(second!.joinedAt));
    expect(Math.abs(Date.parse(first!.joinedAt) - Date.now())).toBeLessThan(60_000);
    const foreign = await server.api<ErrorResponse>(`/api/boards/${other.board.id}/members`, {
      token: aino.token,
    });
    expect(foreign.status).toBe(401);
  });

  it('a wrong key is 401 invalid_key, an unknown board 404', async () => {
    const created = await server.createBoard();
    const wrong = await server.api<ErrorResponse>(`/api/boards/${created.board.id}/join`, {
      body: { key: 'not-the-key', name: 'Eve' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_key');
    const unknown = await server.api<ErrorResponse>(
      '/api/boards/01890000-0000-7000-8000-000000000000/join',
      { body: { key: created.keys.viewer, name: 'Eve' } },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('board_not_found');
    const garbage = await server.api<ErrorResponse>('/api/boards/not-an-id/join', {
      body: { key: 'x', name: 'Eve' },
    });
    expect(garbage.status).toBe(404);
    // A link to a board that is gone says so, whatever the form held (SPEC: unknown board 404).
    const incomplete = await server.api<ErrorResponse>(
      '/api/boards/01890000-0000-7000-8000-000000000000/join',
      { body: { key: created.keys.viewer } },
    );
    expect([incomplete.status, incomplete.body.error.code]).toEqual([404, 'board_not_found']);
  });

  it('a link says which board it opens and as what before anyone joins, and makes no member', async () => {
    const created = await server.createBoard({ title: 'Development day · Team 3' });
    const id = created.board.id;
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      const invitation = await server.api<InvitationResponse>(`/api/boards/${id}/invitation`, {
        body: { key: created.keys[role] },
      });
      expect(invitation.status).toBe(200);
      expect(invitation.body).toEqual({ board: created.board, role });
    }
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    expect((await server.members(id, fia.token)).map((m) => m.name)).toEqual(['Fia']);
    for (const [body, status, code] of [
      [{ key: 'not-the-key' }, 401, 'invalid_key'],
      [{}, 400, 'invalid_input'],
      [{ key: created.keys.viewer, name: 'Eve' }, 400, 'invalid_input'],
    ] as const) {
      const refused = await server.api<ErrorResponse>(`/api/boards/${id}/invitation`, { body });
      expect([refused.status, refused.body.error.code]).toEqual([status, code]);
    }
    const unknown = await server.api<ErrorResponse>(
      '/api/boards/01890000-0000-7000-8000-000000000000/invitation',
      { body: { key: created.keys.viewer } },
    );
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'board_not_found']);
  });

  it('a name is one line with nothing hidden in it: no direction overrides, controls or invisible names (QA)', async () => {
    const created = await server.createBoard();
    const join = (name: string) =>
      server.api<JoinBoardResponse & ErrorResponse>(`/api/boards/${created.board.id}/join`, {
        body: { key: created.keys.participant, name },
      });
    // Would read "Fran restored…" backwards over the rest of everyone's notice.
    expect((await join('\u202eFran')).body.member.name).toBe('Fran');
    expect((await join('Aino\nMäkinen\u0000')).body.member.name).toBe('Aino Mäkinen');
    // Emoji joined with U+200D stay whole.
    expect((await join('👩\u200d💻 Dev')).body.member.name).toBe('👩\u200d💻 Dev');
    // A region's flag is spelt with tag characters after 🏴: they stay there, and nowhere else.
    const scotland = '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}';
    expect((await join(`${scotland} Callum`)).body.member.name).toBe(`${scotland} Callum`);
    expect((await join('Cal\u{e0067}lum')).body.member.name).toBe('Callum');
    // One name however its accents were typed (NFD from some keyboards and file systems).
    expect((await join('Jose\u0301 Mari\u0301a')).body.member.name).toBe('Jos\u00e9 Mar\u00eda');
    for (const invisible of ['\u200b\u200b', '\u200d', '\u2066\u2069', '\u{e0067}']) {
      const refused = await join(invisible);
      expect([refused.status, refused.body.error.code]).toEqual([400, 'invalid_input']);
    }
  });

  it('a lone surrogate in a title or a name is answered as it is stored, as U+FFFD', async () => {
    // JSON may carry half of a UTF-16 pair, which UTF-8 (and so SQLite) cannot hold: the QA fuzz
    // saw the answers echo it while the board kept a replacement character.
    const created = await server.api<CreateBoardResponse>('/api/boards', {
      raw: '{"title":"Day \\ud800 one"}',
    });
    expect(created.body.board.title).toBe('Day \ufffd one');
    const joined = await server.api<JoinBoardResponse>(
      `/api/boards/${created.body.board.id}/join`,
      {
        raw: `{"key":"${created.body.keys.viewer}","name":"Ai\\udc00no"}`,
      },
    );
    expect(joined.body.member.name).toBe('Ai\ufffdno');
    const read = await server.api<GetBoardResponse>(`/api/boards/${created.body.board.id}`, {
      token: joined.body.token,
    });
    expect([read.body.board.title, read.body.me.name]).toEqual([
      created.body.board.title,
      joined.body.member.name,
    ]);
  });

  it('refuses a blank name', async () => {
    const created = await server.createBoard();
    const { status, body } = await server.api<ErrorResponse>(
      `/api/boards/${created.board.id}/join`,
      { body: { key: created.keys.viewer, name: '   ' } },
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_input');
  });
});

describe('member tokens', () => {
  it('no token is 401 token_required; a bad or other board token is 401 invalid_token', async () => {
    const a = await server.boardWithMembers();
    const b = await server.boardWithMembers();
    const route = `/api/boards/${a.board.board.id}`;
    const none = await server.api<ErrorResponse>(route);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('token_required');
    const bad = await server.api<ErrorResponse>(route, { token: 'nope' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('invalid_token');
    const other = await server.api<ErrorResponse>(route, { token: b.tokens.facilitator });
    expect(other.status).toBe(401);
    expect(other.body.error.code).toBe('invalid_token');
  });

  it('stays valid across a restart', async () => {
    const created = await server.createBoard();
    const joined = await server.join(created.board.id, created.keys.participant, 'Pekka');
    server = await server.restart();
    const me = await server.api<GetBoardResponse>(`/api/boards/${created.board.id}`, {
      token: joined.token,
    });
    expect(me.status).toBe(200);
    expect(me.body.me.name).toBe('Pekka');
  });
});

describe('operator settings and health', () => {
  it('ADMIN_TOKEN guards board creation', async () => {
    const guarded = await startTestServer({ ADMIN_TOKEN: 'operator-secret-123456' });
    try {
      const none = await guarded.api<ErrorResponse>('/api/boards', { body: { title: 'x' } });
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('admin_token_required');
      const wrong = await guarded.api<ErrorResponse>('/api/boards', {
        body: { title: 'x' },
        token: 'operator-secret-654321',
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.message).toMatch(/token sent is not the operator's ADMIN_TOKEN/);
      const right = await guarded.api('/api/boards', {
        body: { title: 'x' },
        token: 'operator-secret-123456',
      });
      expect(right.status).toBe(201);
    } finally {
      await guarded.close();
    }
  });

  it('CREATE_TOKEN lets the people given it create boards, and do nothing the operator does', async () => {
    const admin = 'operator-secret-123456';
    const create = 'facilitators-secret-123456';
    const guarded = await startTestServer({ ADMIN_TOKEN: admin, CREATE_TOKEN: create });
    try {
      const none = await guarded.api<ErrorResponse>('/api/boards', { body: { title: 'x' } });
      expect([none.status, none.body.error.code]).toEqual([401, 'create_token_required']);
      const wrong = await guarded.api<ErrorResponse>('/api/boards', {
        body: { title: 'x' },
        token: 'facilitators-secret-654321',
      });
      expect([wrong.status, wrong.body.error.code]).toEqual([401, 'create_token_required']);
      // Told apart by the message: one sent is not the right one; none was sent.
      expect(wrong.body.error.message).toMatch(/token sent is not this server's CREATE_TOKEN/);
      expect(none.body.error.message).toMatch(/needs its CREATE_TOKEN as a Bearer token/);
      const byFacilitator = await guarded.api<CreateBoardResponse>('/api/boards', {
        body: { title: 'Theirs' },
        token: create,
      });
      expect(byFacilitator.status).toBe(201);
      const byOperator = await guarded.api('/api/boards', { body: { title: 'x' }, token: admin });
      expect(byOperator.status).toBe(201);
      // It opens no board and deletes none: that stays the operator's.
      const id = byFacilitator.body.board.id;
      const read = await guarded.api<ErrorResponse>(`/api/boards/${id}`, { token: create });
      expect([read.status, read.body.error.code]).toEqual([401, 'invalid_token']);
      const deleted = await guarded.api<ErrorResponse>(`/api/boards/${id}`, {
        method: 'DELETE',
        token: create,
      });
      expect([deleted.status, deleted.body.error.code]).toEqual([401, 'invalid_token']);
      expect(
        (await guarded.api(`/api/boards/${id}`, { method: 'DELETE', token: admin })).status,
      ).toBe(204);
    } finally {
      await guarded.close();
    }

    // Set alone, it closes creation all the same, and guessing it is limited as guessing a
    // board's key is: after ten wrong tokens in a minute, the address waits, the right one too.
    const alone = await startTestServer({ CREATE_TOKEN: create });
    try {
      const none = await alone.api<ErrorResponse>('/api/boards', { body: { title: 'x' } });
      expect([none.status, none.body.error.code]).toEqual([401, 'create_token_required']);
      // A try without a token guesses nothing: the landing page's first, for each visitor.
      for (let visitor = 0; visitor < 20; visitor++) {
        const first = await alone.api('/api/boards', { body: { title: 'x' } });
        expect(first.status).toBe(401);
      }
      const right = await alone.api('/api/boards', { body: { title: 'x' }, token: create });
      expect(right.status).toBe(201);
      const guesses = [];
      for (let guess = 0; guess < 10; guess++) {
        guesses.push(
          (
            await alone.api('/api/boards', {
              body: { title: 'x' },
              token: `guess-${guess}-0123456789`,
            })
          ).status,
        );
      }
      expect(guesses.slice(0, 9)).toEqual(Array(9).fill(401));
      const limited = await alone.api<ErrorResponse>('/api/boards', {
        body: { title: 'x' },
        token: create,
      });
      expect([limited.status, limited.body.error.code]).toEqual([429, 'rate_limited']);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await alone.close();
    }
  });

  it('METRICS_TOKEN guards the metrics, and nothing else', async () => {
    const guarded = await startTestServer({ METRICS_TOKEN: 'scraper-secret-123456' });
    try {
      const none = await guarded.api<ErrorResponse>('/metrics');
      expect([none.status, none.body.error.code]).toEqual([401, 'metrics_token_required']);
      const wrong = await guarded.api<ErrorResponse>('/metrics', {
        token: 'scraper-secret-654321',
      });
      expect([wrong.status, wrong.body.error.code]).toEqual([401, 'metrics_token_required']);
      expect(wrong.body.error.message).toMatch(/token sent is not this server's METRICS_TOKEN/);
      const right = await guarded.api<string>('/metrics', { token: 'scraper-secret-123456' });
      expect(right.status).toBe(200);
      expect(right.body).toContain('ideamill_connections');
      // Health checks and creating boards need no metrics token.
      expect((await guarded.api('/healthz')).status).toBe(200);
      expect((await guarded.api('/api/boards', { body: { title: 'x' } })).status).toBe(201);
    } finally {
      await guarded.close();
    }
  });

  it('PUBLIC_URL builds the links', async () => {
    const proxied = await startTestServer({ PUBLIC_URL: 'https://ideamill.example.org/' });
    try {
      const { body } = await proxied.api<CreateBoardResponse>('/api/boards', {
        body: { title: 'x' },
      });
      expect(body.links.viewer).toBe(
        `https://ideamill.example.org/b/${body.board.id}#key=${body.keys.viewer}`,
      );
    } finally {
      await proxied.close();
    }
  });

  it('a room joins from one address at once; only ten times the failure limit caps joins (QA)', async () => {
    const strict = await startTestServer({ JOIN_RATE_PER_MIN: '5' });
    try {
      const created = await strict.createBoard();
      // A workshop behind one office address: everyone joins in the same minute.
      const room: number[] = [];
      for (let i = 0; i < 12; i++) {
        // Each page asks what the link opens before it joins: that uses up no join (review).
        const asked = await strict.api(`/api/boards/${created.board.id}/invitation`, {
          body: { key: created.keys.participant },
        });
        expect(asked.status).toBe(200);
        const joined = await strict.api(`/api/boards/${created.board.id}/join`, {
          body: { key: created.keys.participant, name: `Person ${i}` },
        });
        room.push(joined.status);
      }
      expect(room).toEqual(Array(12).fill(200));
      // Ten times as many as failures, though: nobody holding a link makes members without end.
      for (let i = 12; i < 50; i++) {
        const joined = await strict.api(`/api/boards/${created.board.id}/join`, {
          body: { key: created.keys.participant, name: `Person ${i}` },
        });
        room.push(joined.status);
      }
      expect(room.filter((status) => status === 200).length).toBe(50);
      const endless = await strict.api(`/api/boards/${created.board.id}/join`, {
        body: { key: created.keys.participant, name: 'One too many' },
      });
      expect(endless.status).toBe(429);
    } finally {
      await strict.close();
    }
  });

  it('failed joins are rate-limited per IP', async () => {
    const strict = await startTestServer({ JOIN_RATE_PER_MIN: '5' });
    try {
      const created = await strict.createBoard();
      // Guessing keys (or board ids) is what counts.
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const { status } = await strict.api(`/api/boards/${created.board.id}/join`, {
          body: { key: 'guess', name: 'Eve' },
        });
        statuses.push(status);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      // Asking what a key opens guesses keys as well as joining: the same budget.
      const asked = await strict.api(`/api/boards/${created.board.id}/invitation`, {
        body: { key: 'guess' },
      });
      expect(asked.status).toBe(429);
      const limited = await strict.api<ErrorResponse>(`/api/boards/${created.board.id}/join`, {
        body: { key: created.keys.viewer, name: 'Eve' },
      });
      expect(limited.body.error.code).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await strict.close();
    }
  });

  it('behind a proxy (TRUST_PROXY), a client cannot escape the limit with its own X-Forwarded-For', async () => {
    const proxied = await startTestServer({ JOIN_RATE_PER_MIN: '2', TRUST_PROXY: 'true' });
    try {
      const created = await proxied.createBoard();
      // The proxy appends the address it saw to whatever the client sent.
      const join = (forwardedFor: string) =>
        proxied.api(`/api/boards/${created.board.id}/join`, {
          body: { key: 'guess', name: 'Eve' },
          headers: { 'x-forwarded-for': forwardedFor },
        });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await join(`10.0.0.${i}, 203.0.113.7`)).status);
      expect(statuses).toEqual([401, 401, 429, 429]);
      // Another client behind the same proxy has a budget of its own.
      expect((await join('203.0.113.8')).status).toBe(401);
    } finally {
      await proxied.close();
    }
  });

  it("a request Node's parser refuses gets the API's JSON error too, and the server goes on (operator QA)", async () => {
    const long = await fetch(`${server.url}/api/boards/${'x'.repeat(20_000)}`);
    expect(long.status).toBe(431);
    expect(await long.json()).toEqual({
      error: { code: 'headers_too_large', message: expect.stringContaining('too long') },
    });
    const raw = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1', () =>
        socket.write('NOT HTTP AT ALL\r\n\r\n'),
      );
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(raw).toContain('{"error":{"code":"invalid_input"');
    expect((await server.api('/healthz')).status).toBe(200);
  });

  it('serves /healthz and Prometheus /metrics', async () => {
    const health = await server.api('/healthz');
    expect(health).toMatchObject({ status: 200, body: { ok: true } });
    const metrics = await server.api<string>('/metrics');
    expect(metrics.status).toBe(200);
    for (const name of [
      'ideamill_connections',
      'ideamill_boards_loaded',
      'ideamill_updates_applied_total',
      'ideamill_persist_seconds_bucket',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(metrics.body).toContain(name);
    }
  });

  it('unknown API routes are 404 route_not_found in the error shape', async () => {
    const { status, body } = await server.api<ErrorResponse>('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('route_not_found');
    const deeper = await server.api<ErrorResponse>('/api/boards/x/nothing-here', {
      method: 'POST',
    });
    expect([deeper.status, deeper.body.error.message]).toEqual([
      404,
      'There is no POST /api/boards/x/nothing-here.',
    ]);
  });

  it('a method a route does not take is 405 method_not_allowed, with Allow', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const cases: [string, string, string][] = [
      // The message names the whole path that was asked for.
      ['PUT', '/api/boards?x=1', 'POST'],
      ['GET', `/api/boards/${id}/join`, 'POST'],
      ['GET', `/api/boards/${id}/device-links`, 'POST'],
      ['DELETE', `/api/boards/${id}/device-links/take`, 'POST'],
      ['DELETE', `/api/boards/${id}/rounds`, 'GET, HEAD, POST'],
      ['POST', '/healthz', 'GET, HEAD'],
      ['PATCH', `/b/${id}`, 'GET, HEAD'],
    ];
    for (const [method, route, allow] of cases) {
      const response = await fetch(`${server.url}${route}`, { method });
      const body = (await response.json()) as ErrorResponse;
      const path = route.split('?')[0];
      expect([response.status, response.headers.get('allow'), body.error]).toEqual([
        405,
        allow,
        {
          code: 'method_not_allowed',
          message: `${path} does not take ${method}; it takes ${allow}.`,
        },
      ]);
    }
  });

  it('OPTIONS on any path the server serves is 204 with Allow and no body; elsewhere 404', async () => {
    const id = (await server.createBoard()).board.id;
    const cases: [string, string][] = [
      ['/api/boards', 'POST, OPTIONS'],
      [`/api/boards/${id}`, 'DELETE, GET, HEAD, PATCH, OPTIONS'],
      [`/api/boards/${id}/rounds`, 'GET, HEAD, POST, OPTIONS'],
      ['/healthz', 'GET, HEAD, OPTIONS'],
      [`/b/${id}`, 'GET, HEAD, OPTIONS'],
    ];
    for (const [route, allow] of cases) {
      const response = await fetch(`${server.url}${route}`, { method: 'OPTIONS' });
      expect([
        route,
        response.status,
        response.headers.get('allow'),
        await response.text(),
      ]).toEqual([route, 204, allow, '']);
    }
    // The y-websocket endpoint asked without an upgrade: it is there, and says how to use it.
    const plain = await fetch(`${server.url}/yjs/${id}?token=x`);
    expect([plain.status, ((await plain.json()) as ErrorResponse).error.code]).toEqual([
      426,
      'upgrade_required',
    ]);
    const nowhere = await fetch(`${server.url}/api/nothing`, { method: 'OPTIONS' });
    expect([nowhere.status, ((await nowhere.json()) as ErrorResponse).error.code]).toEqual([
      404,
      'route_not_found',
    ]);
  });
});

describe('what the browser is told to trust', () => {
  it('no other site may frame the board or run script in it, and nothing caches keys or tokens', async () => {
    const created = await server.createBoard();
    const answers = [
      await fetch(`${server.url}/`),
      await fetch(`${server.url}/b/${created.board.id}`),
      await fetch(`${server.url}/api/boards/${created.board.id}`),
    ];
    for (const answer of answers) {
      const policy = answer.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    }
    // The answers that hand out keys and tokens are kept by no cache.
    const made = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Cached?' }),
    });
    expect(made.status).toBe(201);
    expect(made.headers.get('cache-control')).toBe('no-store');
    const joined = await fetch(`${server.url}/api/boards/${created.board.id}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: created.keys.viewer, name: 'Vera' }),
    });
    expect(joined.headers.get('cache-control')).toBe('no-store');
  });

  it('sites the operator names in FRAME_ANCESTORS may frame the board, and only those', async () => {
    const framed = await startTestServer({
      FRAME_ANCESTORS: 'https://intranet.example.org  https://*.teams.example.com',
    });
    try {
      for (const route of ['/', '/api/healthz']) {
        const answer = await fetch(`${framed.url}${route}`);
        expect(answer.headers.get('content-security-policy')).toContain(
          'frame-ancestors https://intranet.example.org https://*.teams.example.com',
        );
        // X-Frame-Options can name no site: browsers follow frame-ancestors instead.
        expect(answer.headers.get('x-frame-options')).toBeNull();
      }
    } finally {
      await framed.close();
    }
  });
});

describe('a new link for a role', () => {
  it('replaces the role key: the old link joins no more, the new one does, and members stay', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const made = await server.api<NewKeyResponse>(`/api/boards/${id}/keys/participant`, {
      method: 'POST',
      token: tokens.facilitator,
    });
    expect(made.status).toBe(200);
    expect(made.body.role).toBe('participant');
    expect(made.body.key.length).toBeGreaterThanOrEqual(40);
    expect(made.body.key).not.toBe(board.keys.participant);
    // The same origin as the board's first links.
    expect(made.body.link).toBe(
      board.links.participant.replace(/#key=.*/, `#key=${made.body.key}`),
    );

    const old = await server.api<ErrorResponse>(`/api/boards/${id}/join`, {
      body: { key: board.keys.participant, name: 'Late Lauri' },
    });
    expect([old.status, old.body.error.code]).toEqual([401, 'invalid_key']);
    // Its join page says so too, before anyone types a name.
    const asked = await server.api<ErrorResponse>(`/api/boards/${id}/invitation`, {
      body: { key: board.keys.participant },
    });
    expect([asked.status, asked.body.error.code]).toEqual([401, 'invalid_key']);
    const invitation = await server.api<InvitationResponse>(`/api/boards/${id}/invitation`, {
      body: { key: made.body.key },
    });
    expect([invitation.status, invitation.body.role]).toEqual([200, 'participant']);
    const joined = await server.join(id, made.body.key, 'Lauri');
    expect(joined.member.role).toBe('participant');
    // Who joined with the old link is still a member, with the same token.
    const stays = await server.api<GetBoardResponse>(`/api/boards/${id}`, {
      token: tokens.participant,
    });
    expect([stays.status, stays.body.me.role]).toEqual([200, 'participant']);
    // The other roles' keys are untouched.
    expect((await server.join(id, board.keys.viewer, 'Vilja')).member.role).toBe('viewer');
    expect((await server.join(id, board.keys.facilitator, 'Fia')).member.role).toBe('facilitator');
  });

  it('is for facilitators only, for a role there is, and takes no body', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const post = (route: string, init: { token?: string; body?: unknown } = {}) =>
      server.api<ErrorResponse>(route, { method: 'POST', ...init });
    const refusals = [
      [
        await post(`/api/boards/${id}/keys/viewer`, { token: tokens.participant }),
        403,
        'role_not_allowed',
      ],
      [
        await post(`/api/boards/${id}/keys/viewer`, { token: tokens.viewer }),
        403,
        'role_not_allowed',
      ],
      [await post(`/api/boards/${id}/keys/viewer`), 401, 'token_required'],
      [
        await post(`/api/boards/${id}/keys/viewer`, { token: 'not-a-member-token' }),
        401,
        'invalid_token',
      ],
      [
        await post(`/api/boards/${id}/keys/admin`, { token: tokens.facilitator }),
        400,
        'invalid_input',
      ],
      [
        await post(`/api/boards/${id}/keys/viewer`, {
          token: tokens.facilitator,
          body: { role: 'x' },
        }),
        400,
        'invalid_input',
      ],
      [
        await post('/api/boards/not-a-board/keys/viewer', { token: tokens.facilitator }),
        404,
        'board_not_found',
      ],
    ] as const;
    for (const [answer, status, code] of refusals) {
      expect([answer.status, answer.body.error.code]).toEqual([status, code]);
    }
    // Nothing refused changed a key.
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      expect((await server.join(id, board.keys[role], role)).member.role).toBe(role);
    }
  });
});

describe("changing a board's language", () => {
  it('a facilitator puts a Finnish journey in English: its labels for everyone, its exports, kept across a restart; a label someone changed stays', async () => {
    const board = await server.createBoard({
      title: 'Kehittämispäivä · Tiimi 2',
      template: 'customer-journey',
      language: 'fi',
    });
    const id = board.board.id;
    const fia = await connectMember(server, id, board.keys.facilitator, 'Fia');
    const pia = await connectMember(server, id, board.keys.participant, 'Pia');
    const heard: RenamedBoard[] = [];
    pia.socket.on('board:renamed', (renamed) => heard.push(renamed));
    // Pia's page holds the board; Fia had renamed a lane her own way (pinned: a facilitator's).
    const watcher = socketIoClient(server.url, id, pia.token);
    const editor = socketIoClient(server.url, id, fia.token);
    await Promise.all([watcher.synced, editor.synced]);
    const lanes = () =>
      [...itemsOf(watcher.doc).values()]
        .filter((item) => item.get('type') === 'frame')
        .map((item) => item.get('title'));
    const people = [...itemsOf(editor.doc).values()].find((i) => i.get('title') === 'Ihmiset')!;
    people.set('title', 'Henkilöstö');
    await waitFor(() => lanes().includes('Henkilöstö'), 'the lane renamed');

    const patch = (body: unknown, token = fia.token) =>
      server.api<RenamedBoard & ErrorResponse>(`/api/boards/${id}`, {
        method: 'PATCH',
        token,
        body,
      });
    expect((await patch({ language: 'en' }, pia.token)).status).toBe(403);
    expect((await patch({ language: 'de' })).body.error.code).toBe('invalid_input');
    const changed = await patch({ language: 'en' });
    expect(changed.status).toBe(200);
    // The team's number in the title follows: "Tiimi 2" is "Team 2" in English.
    expect(changed.body.board).toEqual({
      ...board.board,
      title: 'Kehittämispäivä · Team 2',
      language: 'en',
    });
    await waitFor(() => heard.length === 1);
    expect(heard[0]?.board.language).toBe('en');
    // The template's lanes and stages in English on Pia's page; her own lane title stays.
    await waitFor(() => lanes().includes('Objects'), 'the labels arrive');
    expect(lanes()).toEqual([
      'Henkilöstö',
      'Environments (virtual and physical)',
      'Objects',
      'Practices',
      "Customer's feelings",
    ]);
    const report = await fetch(`${server.url}/api/boards/${id}/export?format=md`, {
      headers: { authorization: `Bearer ${pia.token}` },
    });
    const text = await report.text();
    expect(text).toContain('## Voting rounds');
    expect(text).not.toContain('Äänestyskierrokset');
    watcher.destroy();
    editor.destroy();
    for (const member of [fia, pia]) member.socket.disconnect();
    server = await server.restart();
    const read = await server.api<GetBoardResponse>(`/api/boards/${id}`, { token: fia.token });
    expect(read.body.board.language).toBe('en');
  });

  it('a title given with the language is kept as given, and everyone hears the change once', async () => {
    const board = await server.createBoard({ title: 'Päivä · Tiimi 2', language: 'fi' });
    const id = board.board.id;
    const fia = await connectMember(server, id, board.keys.facilitator, 'Fia');
    const heard: RenamedBoard[] = [];
    fia.socket.on('board:renamed', (renamed) => heard.push(renamed));
    const patch = (body: unknown) =>
      server.api<RenamedBoard>(`/api/boards/${id}`, { method: 'PATCH', token: fia.token, body });

    const both = await patch({ title: 'Service day · Tiimi 2', language: 'en' });
    expect(both.body.board).toMatchObject({ title: 'Service day · Tiimi 2', language: 'en' });
    // A second change, heard in order after the first: nothing came between them.
    await patch({ title: 'Service day' });
    await waitFor(() => heard.length >= 2);
    expect(heard.map((renamed) => [renamed.board.title, renamed.board.language])).toEqual([
      ['Service day · Tiimi 2', 'en'],
      ['Service day', 'en'],
    ]);
    // Nothing to change is no change, and nobody hears of it.
    await patch({ title: 'Service day', language: 'en' });
    await patch({ language: 'fi' });
    await waitFor(() => heard.length >= 3);
    expect(heard.map((renamed) => renamed.board.language)).toEqual(['en', 'en', 'fi']);
    fia.socket.disconnect();
  });
});

describe('renaming a board', () => {
  it('a facilitator renames it over HTTP or Socket.io: everyone connected hears it, and the board, its join page and its exports say the new title', async () => {
    const board = await server.createBoard({ title: 'Team 3' });
    const id = board.board.id;
    const fia = await connectMember(server, id, board.keys.facilitator, 'Fia');
    const pia = await connectMember(server, id, board.keys.participant, 'Pia');
    const heard: RenamedBoard[] = [];
    pia.socket.on('board:renamed', (renamed) => heard.push(renamed));

    const patched = await server.api<RenamedBoard>(`/api/boards/${id}`, {
      method: 'PATCH',
      token: fia.token,
      body: { title: '  Claims\tafter a storm ' },
    });
    expect(patched.status).toBe(200);
    // Kept on one line, as a title given at creation is.
    expect(patched.body.board).toEqual({ ...board.board, title: 'Claims after a storm' });
    await waitFor(() => heard.length === 1);
    expect(heard[0]?.board.title).toBe('Claims after a storm');

    const acked = await request<RenamedBoard>(fia.socket, 'board:rename', { title: 'Claims' });
    expect(acked).toEqual({ ok: true, data: { board: { ...board.board, title: 'Claims' } } });
    await waitFor(() => heard.length === 2);
    expect(heard[1]?.board.title).toBe('Claims');

    const read = await server.api<GetBoardResponse>(`/api/boards/${id}`, { token: pia.token });
    expect(read.body.board.title).toBe('Claims');
    const invitation = await server.api<InvitationResponse>(`/api/boards/${id}/invitation`, {
      body: { key: board.keys.viewer },
    });
    expect(invitation.body.board.title).toBe('Claims');
    const report = await fetch(`${server.url}/api/boards/${id}/export?format=md`, {
      headers: { authorization: `Bearer ${pia.token}` },
    });
    expect(await report.text()).toMatch(/^# Claims$/m);
    expect(report.headers.get('content-disposition')).toContain('claims');
    // A connection made later is welcomed with the title as it is now.
    const again = await connectMember(server, id, board.keys.viewer, 'Vilja');
    const welcome = again.traffic.find((packet) => packet.includes('board:welcome')) ?? '';
    expect(welcome).toContain('"title":"Claims"');
    for (const member of [fia, pia, again]) member.socket.disconnect();
  });

  it('only a facilitator or the operator, to a title with something in it, and nothing refused changes it', async () => {
    const admin = 'operator-secret-rename-1';
    const guarded = await startTestServer({ ADMIN_TOKEN: admin });
    try {
      const board = await guarded.createBoard({ title: 'Before' });
      const id = board.board.id;
      const tokens: Record<string, string> = {};
      for (const role of ['facilitator', 'participant', 'viewer'] as const) {
        tokens[role] = (await guarded.join(id, board.keys[role], role)).token;
      }
      const patch = (body: unknown, token?: string, route = `/api/boards/${id}`) =>
        guarded.api<ErrorResponse>(route, { method: 'PATCH', body, token });
      const refusals = [
        [await patch({ title: 'P' }, tokens.participant), 403, 'role_not_allowed'],
        [await patch({ title: 'V' }, tokens.viewer), 403, 'role_not_allowed'],
        [await patch({ title: 'N' }), 401, 'token_required'],
        [await patch({ title: ' \u200b ' }, tokens.facilitator), 400, 'invalid_input'],
        [await patch({ title: 'x'.repeat(201) }, tokens.facilitator), 400, 'invalid_input'],
        [await patch({ title: 'T', template: 'blank' }, tokens.facilitator), 400, 'invalid_input'],
        [await patch({}, tokens.facilitator), 400, 'invalid_input'],
        [await patch({ title: 'T' }, admin, '/api/boards/not-a-board'), 404, 'board_not_found'],
      ] as const;
      for (const [answer, status, code] of refusals) {
        expect([answer.status, answer.body.error.code]).toEqual([status, code]);
      }
      const participant = await connectMember(guarded, id, board.keys.participant, 'Pekka');
      const refused = await request(participant.socket, 'board:rename', { title: 'Mine' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'role_not_allowed' } });
      participant.socket.disconnect();
      const read = await guarded.api<GetBoardResponse>(`/api/boards/${id}`, {
        token: tokens.viewer,
      });
      expect(read.body.board.title).toBe('Before');

      // The operator, with ADMIN_TOKEN; the title outlives a restart.
      const renamed = await patch({ title: 'After' }, admin);
      expect(renamed.status).toBe(200);
      const restarted = await guarded.restart();
      const after = await restarted.api<GetBoardResponse>(`/api/boards/${id}`, {
        token: tokens.viewer,
      });
      expect(after.body.board.title).toBe('After');
      await restarted.close();
    } finally {
      await guarded.close().catch(() => {});
    }
  });
});

describe('when a board was last active (for the operator)', () => {
  it('is when it was made, then the last join, then when someone opened it, if only to look', async () => {
    const made = Date.now();
    const created = await server.createBoard();
    const id = created.board.id;
    const active = () => server.boards.lastActive().get(id)!;
    // Its creation (and its first state, stored in the same request, maybe a millisecond on).
    expect(active()).toBeGreaterThanOrEqual(Date.parse(created.board.createdAt));
    expect(active()).toBeGreaterThanOrEqual(made);
    await sleep(20);
    const beforeJoin = Date.now();
    const joined = await server.join(id, created.keys.viewer, 'Vilja');
    expect(active()).toBeGreaterThanOrEqual(beforeJoin);
    await sleep(20);
    // A viewer opens the board: nothing is written, but it was in use.
    const before = Date.now();
    const viewer = socketIoClient(server.url, id, joined.token);
    await viewer.synced;
    await expect.poll(active).toBeGreaterThanOrEqual(before);
    viewer.destroy();
  });
});
