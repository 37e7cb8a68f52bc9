import { afterAll, beforeAll, expect, it } from 'vitest';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import type { BoardState } from '../../shared/facilitation.ts';
import { waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { connectMember, request } from '../helpers/members.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

it('the shared timer runs on the server clock: start, pause, resume, reset, seen by all', async () => {
  const created = await server.createBoard();
  const id = created.board.id;
  const fia = await connectMember(server, id, created.keys.facilitator, 'Fia');
  const pia = await connectMember(server, id, created.keys.participant, 'Pia');
  const started = await request<BoardState>(fia.socket, 'timer:control', {
    action: 'start',
    durationSec: 300,
  });
  if (!started.ok) throw new Error(started.error.message);
  const { timer, serverNow } = started.data;
  expect(timer.status).toBe('running');
  if (timer.status === 'running') expect(timer.endsAt - serverNow).toBeGreaterThan(299_000);
  await waitFor(() => pia.traffic.some((t) => t.includes('"status":"running"')), 'pia sees timer');

  const paused = await request<BoardState>(fia.socket, 'timer:control', { action: 'pause' });
  expect(paused.ok && paused.data.timer.status).toBe('paused');
  if (paused.ok && paused.data.timer.status === 'paused') {
    expect(paused.data.timer.remainingMs).toBeGreaterThan(290_000);
    expect(paused.data.timer.remainingMs).toBeLessThanOrEqual(300_000);
  }
  const resumed = await request<BoardState>(fia.socket, 'timer:control', { action: 'resume' });
  expect(resumed.ok && resumed.data.timer.status).toBe('running');
  const reset = await request<BoardState>(fia.socket, 'timer:control', { action: 'reset' });
  expect(reset.ok && reset.data.timer).toEqual({ status: 'idle' });

  const refused = await request(pia.socket, 'timer:control', { action: 'start', durationSec: 5 });
  expect(refused).toMatchObject({ ok: false, error: { code: 'role_not_allowed' } });
  const bad = await request(fia.socket, 'timer:control', { action: 'start', durationSec: -1 });
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  fia.socket.close();
  pia.socket.close();
});

it('the phase is broadcast, kept across a restart, and sent to whoever connects', async () => {
  const created = await server.createBoard();
  const id = created.board.id;
  const fia = await server.join(id, created.keys.facilitator, 'Fia');
  const set = await server.api<BoardState>(`/api/boards/${id}/phase`, {
    body: { phase: 'cluster' },
    token: fia.token,
  });
  expect(set.body.phase).toBe('cluster');
  const custom = await server.api<BoardState>(`/api/boards/${id}/phase`, {
    body: { phase: 'Coffee break ☕' },
    token: fia.token,
  });
  expect(custom.body.phase).toBe('Coffee break ☕');
  server = await server.restart();
  const pia = await connectMember(server, id, created.keys.participant, 'Pia');
  await waitFor(() => pia.traffic.some((t) => t.includes('board:state')), 'state on connect');
  expect(pia.traffic.find((t) => t.includes('board:state'))).toContain('Coffee break ☕');
  const byParticipant = await server.api<ErrorResponse>(`/api/boards/${id}/phase`, {
    body: { phase: 'vote' },
    token: pia.token,
  });
  expect([byParticipant.status, byParticipant.body.error.code]).toEqual([403, 'role_not_allowed']);
  pia.socket.close();
});

it("writers' names: a reveal with names shows them, one without hides them, a facilitator switches them; kept across a restart", async () => {
  const created = await server.createBoard();
  const id = created.board.id;
  const fia = await server.join(id, created.keys.facilitator, 'Fia');
  const pia = await server.join(id, created.keys.participant, 'Pia');
  const state = async () =>
    (await server.api<BoardState>(`/api/boards/${id}/state`, { token: pia.token })).body;
  const silent = (body: object) =>
    server.api(`/api/boards/${id}/silent-writing`, { body, token: fia.token });
  expect((await state()).showNames).toBe(false);

  await silent({ action: 'start' });
  await silent({ action: 'reveal', anonymous: false });
  expect(await state()).toMatchObject({ silentWriting: false, showNames: true });
  await silent({ action: 'start' });
  await silent({ action: 'reveal', anonymous: true });
  expect((await state()).showNames).toBe(false);

  // A facilitator switches them over HTTP, and everyone connected hears it.
  const seen = await connectMember(server, id, created.keys.participant, 'Pia 2');
  const shown = await server.api<BoardState>(`/api/boards/${id}/names`, {
    body: { shown: true },
    token: fia.token,
  });
  expect([shown.status, shown.body.showNames]).toEqual([200, true]);
  await waitFor(
    () => seen.traffic.some((t) => t.includes('board:state') && t.includes('"showNames":true')),
    'the change reaches the board',
  );
  server = await server.restart();
  expect((await state()).showNames).toBe(true);

  // Over Socket.io too; a participant may not, nor a body of another shape.
  const fiaLive = await connectMember(server, id, created.keys.facilitator, 'Fia 2');
  const hidden = await request<BoardState>(fiaLive.socket, 'board:names', { shown: false });
  expect(hidden.ok && hidden.data.showNames).toBe(false);
  const byParticipant = await server.api<ErrorResponse>(`/api/boards/${id}/names`, {
    body: { shown: true },
    token: pia.token,
  });
  expect([byParticipant.status, byParticipant.body.error.code]).toEqual([403, 'role_not_allowed']);
  const bad = await server.api<ErrorResponse>(`/api/boards/${id}/names`, {
    body: { shown: 'yes' },
    token: fia.token,
  });
  expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_input']);
  expect((await state()).showNames).toBe(false);
  seen.socket.close();
  fiaLive.socket.close();
});

it('"bring everyone to me" sends the facilitator\'s viewport to every client', async () => {
  const created = await server.createBoard();
  const id = created.board.id;
  const fia = await connectMember(server, id, created.keys.facilitator, 'Fia');
  const pia = await connectMember(server, id, created.keys.participant, 'Pia');
  const viewport = { x: 120, y: -40, zoom: 1.5 };
  const sent = await request(fia.socket, 'presence:summon', { viewport });
  expect(sent).toEqual({ ok: true, data: {} });
  await waitFor(() => pia.traffic.some((t) => t.includes('presence:summoned')), 'summoned');
  const event = pia.traffic.find((t) => t.includes('presence:summoned'))!;
  expect(JSON.parse(event.slice(event.indexOf('[')))).toEqual([
    'presence:summoned',
    { memberId: fia.id, name: 'Fia', viewport },
  ]);
  const refused = await request(pia.socket, 'presence:summon', { viewport });
  expect(refused).toMatchObject({ ok: false, error: { code: 'role_not_allowed' } });
  fia.socket.close();
  pia.socket.close();
});

it('every request event answers, also one sent with its callback alone (PROTOCOL.md, Requests)', async () => {
  const created = await server.createBoard();
  const fia = await connectMember(server, created.board.id, created.keys.facilitator, 'Fia');
  // No answer within a few seconds would fail the test by its own timeout.
  const bare = async (event: Parameters<typeof request>[1]) => ({
    event,
    answer: await request(fia.socket, event),
  });
  const answers = await Promise.all([
    bare('silent:start'),
    bare('snapshot:create'),
    bare('round:list'),
    bare('board:lock'),
    bare('round:vote'),
  ]);
  expect(answers.map(({ event, answer }) => [event, answer.ok])).toEqual([
    ['silent:start', true],
    ['snapshot:create', true],
    ['round:list', true],
    ['board:lock', false],
    ['round:vote', false],
  ]);
  expect(answers[3]?.answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  // What the callback alone started really happened.
  const state = await server.api<BoardState>(`/api/boards/${created.board.id}/state`, {
    token: fia.token,
  });
  expect(state.body.silentWriting).toBe(true);
  expect((await request(fia.socket, 'silent:reveal')).ok).toBe(true);
  // As over HTTP, a body with fields the request does not take is refused.
  const extra = await request(fia.socket, 'silent:start', { anonymous: true });
  expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  // A list too (they answered a list for any payload).
  for (const event of ['round:list', 'followup:list', 'snapshot:list'] as const) {
    for (const payload of [{ bogus: 1 }, 'garbage']) {
      const listed = await request(fia.socket, event, payload);
      expect([event, listed]).toMatchObject([
        event,
        { ok: false, error: { code: 'invalid_input' } },
      ]);
    }
    expect((await request(fia.socket, event, {})).ok).toBe(true);
  }
  // A request that does not exist is answered too, and binary is no request's body (operator
  // QA: the first waited for ever, the second listed a Buffer's methods as unknown keys).
  const unknown = await request(fia.socket, 'no:such' as never, { a: 1 });
  expect(unknown).toEqual({
    ok: false,
    error: { code: 'invalid_input', message: 'There is no request "no:such".' },
  });
  const binary = await request(fia.socket, 'snapshot:create', Buffer.from([1, 2, 3]));
  expect(binary).toEqual({
    ok: false,
    error: {
      code: 'invalid_input',
      message: 'A snapshot:create request is JSON, not binary data.',
    },
  });
  fia.socket.close();
});

it("the Markdown report names each note's writer while the board shows names, and nobody otherwise", async () => {
  const created = await server.createBoard();
  const id = created.board.id;
  const fia = await server.join(id, created.keys.facilitator, 'Fia');
  const pia = await server.join(id, created.keys.participant, 'Pia Writer');
  const writer = yWebsocketClient(server.url, id, pia.token);
  await writer.synced;
  const note = addItem(writer.doc, {
    type: 'note',
    x: 0,
    y: 0,
    text: 'Evening chat service',
    author: pia.member.id,
  });
  const reader = yWebsocketClient(server.url, id, fia.token);
  await waitFor(() => itemsOf(reader.doc).has(note), 'the note is stored');
  const report = async () => {
    const response = await fetch(`${server.url}/api/boards/${id}/export?format=md`, {
      headers: { authorization: `Bearer ${fia.token}` },
    });
    expect(response.status).toBe(200);
    return response.text();
  };
  const before = await report();
  expect(before).toContain('- Evening chat service\n');
  expect(before).not.toContain('Pia Writer');

  await server.api(`/api/boards/${id}/names`, { body: { shown: true }, token: fia.token });
  expect(await report()).toContain('- Evening chat service — *Pia Writer*\n');
  await server.api(`/api/boards/${id}/names`, { body: { shown: false }, token: fia.token });
  expect(await report()).not.toContain('Pia Writer');
  writer.destroy();
  reader.destroy();
});
