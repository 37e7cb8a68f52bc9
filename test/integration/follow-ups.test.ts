import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import type { CloseRoundResponse, RoundView } from '../../shared/facilitation.ts';
import type { FollowUp } from '../../shared/follow-through.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { connectMember, request } from '../helpers/members.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ JOIN_RATE_PER_MIN: '100000' });
});
afterAll(async () => {
  await server.close();
});

async function boardWithConcept() {
  const created = await server.createBoard({ template: 'concept-canvas' });
  const id = created.board.id;
  const fia = await server.join(id, created.keys.facilitator, 'Fia');
  const pia = await server.join(id, created.keys.participant, 'Pia');
  const olli = await server.join(id, created.keys.participant, 'Olli');
  const vera = await server.join(id, created.keys.viewer, 'Vera');
  const client = socketIoClient(server.url, id, fia.token);
  await client.synced;
  const note = addItem(client.doc, {
    type: 'note',
    x: 0,
    y: 0,
    text: 'Chat for new residents\nmore',
  });
  const second = addItem(client.doc, { type: 'note', x: 300, y: 0, text: 'Evening hours' });
  const third = addItem(client.doc, { type: 'note', x: 600, y: 0, text: 'Plain-language letters' });
  const reader = socketIoClient(server.url, id, vera.token);
  await waitFor(() => reader.doc.getMap('items').has(third), 'notes stored');
  client.destroy();
  reader.destroy();
  return { created, id, fia, pia, olli, vera, note, second, third };
}

const route = (id: string) => `/api/boards/${id}/followups`;

describe('follow-ups', () => {
  it('a facilitator assigns one to a member; the title defaults to the item text', async () => {
    const { id, fia, pia, note } = await boardWithConcept();
    const { status, body } = await server.api<FollowUp>(route(id), {
      token: fia.token,
      body: { itemId: note, owner: { memberId: pia.member.id }, due: '2026-12-15' },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      itemId: note,
      title: 'Chat for new residents',
      owner: { name: 'Pia', memberId: pia.member.id },
      due: '2026-12-15',
      status: 'open',
    });
    const listed = await server.api<{ followUps: FollowUp[] }>(route(id), { token: pia.token });
    expect(listed.body.followUps).toEqual([body]);
  });

  it('takes an owner back as a follow-up returns it: a member with their name, nobody as { name: "" }', async () => {
    const { id, fia, pia, note, second } = await boardWithConcept();
    const first = await server.api<FollowUp>(route(id), {
      token: fia.token,
      body: { itemId: note, owner: { memberId: pia.member.id } },
    });
    // A script giving the next winner the same owner sends the owner it read.
    const copied = await server.api<FollowUp>(route(id), {
      token: fia.token,
      body: { itemId: second, owner: first.body.owner },
    });
    expect([copied.status, copied.body.owner]).toEqual([
      201,
      { name: 'Pia', memberId: pia.member.id },
    ]);
    // The name beside a member id is the member's as the script last read it: theirs now wins.
    const stale = await server.api<FollowUp>(`${route(id)}/${copied.body.id}`, {
      method: 'PATCH',
      token: fia.token,
      body: { owner: { memberId: pia.member.id, name: 'Pia (old name)' } },
    });
    expect([stale.status, stale.body.owner]).toEqual([
      200,
      { name: 'Pia', memberId: pia.member.id },
    ]);
    const unassigned = await server.api<FollowUp>(`${route(id)}/${first.body.id}`, {
      method: 'PATCH',
      token: fia.token,
      body: { owner: { name: '' } },
    });
    expect([unassigned.status, unassigned.body.owner]).toEqual([200, { name: '' }]);
    const kept = await server.api<FollowUp>(`${route(id)}/${first.body.id}`, {
      method: 'PATCH',
      token: fia.token,
      body: { owner: unassigned.body.owner, status: 'in_progress' },
    });
    expect([kept.status, kept.body.owner, kept.body.status]).toEqual([
      200,
      { name: '' },
      'in_progress',
    ]);
  });

  it('takes fields a form sent empty as none: due "" clears the date, email "" is no e-mail', async () => {
    const { id, fia, note } = await boardWithConcept();
    const made = await server.api<FollowUp>(route(id), {
      token: fia.token,
      body: { itemId: note, owner: { name: 'Pekka', email: '' }, due: '', notes: '' },
    });
    expect(made.status).toBe(201);
    expect(made.body.owner).toEqual({ name: 'Pekka' });
    expect(['due' in made.body, 'notes' in made.body]).toEqual([false, false]);
    // A form left blank altogether, and nulls as PATCH takes them: nobody, no date, no notes.
    const blank = await server.api<FollowUp>(route(id), {
      token: fia.token,
      body: { itemId: note, owner: { name: '', email: '' }, due: null, notes: null },
    });
    expect([blank.status, blank.body.owner, 'due' in blank.body, 'notes' in blank.body]).toEqual([
      201,
      { name: '' },
      false,
      false,
    ]);
    // A body DELETE does not take is refused, and the follow-up stays (it was deleted).
    const deleteWithBody = await server.api<ErrorResponse>(`${route(id)}/${blank.body.id}`, {
      method: 'DELETE',
      token: fia.token,
      body: { confirm: false },
    });
    expect([deleteWithBody.status, deleteWithBody.body.error.code]).toEqual([400, 'invalid_input']);
    const listed = await server.api<{ followUps: FollowUp[] }>(route(id), { token: fia.token });
    expect(listed.body.followUps.map((f) => f.id)).toContain(blank.body.id);
    const dated = await server.api<FollowUp>(`${route(id)}/${made.body.id}`, {
      method: 'PATCH',
      token: fia.token,
      body: { due: '2027-01-15' },
    });
    expect(dated.body.due).toBe('2027-01-15');
    const cleared = await server.api<FollowUp>(`${route(id)}/${made.body.id}`, {
      method: 'PATCH',
      token: fia.token,
      body: { due: '' },
    });
    expect([cleared.status, 'due' in cleared.body]).toEqual([200, false]);
    // A date that is not one says so once (it said "use YYYY-MM-DD", "not a calendar date" and
    // "use a four-digit year from 1900 on" at once), and an empty title says what is empty.
    const notADate = await server.api<ErrorResponse>(`${route(id)}/${made.body.id}`, {
      method: 'PATCH',
      token: fia.token,
      body: { due: '15.1.2027' },
    });
    expect([notADate.status, notADate.body.error.message]).toEqual([400, 'due: use YYYY-MM-DD']);
    const noTitle = await server.api<ErrorResponse>(`${route(id)}/${made.body.id}`, {
      method: 'PATCH',
      token: fia.token,
      body: { title: ' ' },
    });
    expect([noTitle.status, noTitle.body.error.message]).toEqual([
      400,
      'title: title must not be empty',
    ]);
  });

  it.each([
    ['a bare string', 'Pia'],
    ['an empty object', {}],
    ['a member id and a name of no one', { memberId: '', name: 'Pia' }],
  ])('an owner that is %s is 400, saying what an owner is', async (_, owner) => {
    const { id, fia, note } = await boardWithConcept();
    const { status, body } = await server.api<ErrorResponse>(route(id), {
      token: fia.token,
      body: { itemId: note, owner },
    });
    expect([status, body.error.code]).toEqual([400, 'invalid_input']);
    expect(body.error.message).toMatch(/^owner/);
    expect(body.error.message).not.toMatch(/Invalid input/);
  });

  it('over Socket.io, a lone surrogate in a title is answered as it is stored, as U+FFFD', async () => {
    const { created, id, note } = await boardWithConcept();
    const fia = await connectMember(server, id, created.keys.facilitator, 'Fia 2');
    const made = await request<FollowUp>(fia.socket, 'followup:create', {
      itemId: note,
      title: 'Call \ud800 back',
      owner: { name: 'Ann\udc00a' },
    });
    expect(made.ok && [made.data.title, made.data.owner.name]).toEqual([
      'Call \ufffd back',
      'Ann\ufffda',
    ]);
    const listed = await request<FollowUp[]>(fia.socket, 'followup:list');
    expect(listed.ok && listed.data.map((f) => f.title)).toEqual(['Call \ufffd back']);
    fia.socket.close();
  });

  it('a free-text owner with an e-mail, edited live for every client', async () => {
    const { created, id, fia, second } = await boardWithConcept();
    const watcher = await connectMember(server, id, created.keys.viewer, 'Watcher');
    const { body } = await server.api<FollowUp>(route(id), {
      token: fia.token,
      body: {
        itemId: second,
        title: 'Pilot evening hours',
        owner: { name: 'Maija Mallikas', email: 'maija@example.org' },
      },
    });
    expect(body.owner).toEqual({ name: 'Maija Mallikas', email: 'maija@example.org' });
    const patched = await server.api<FollowUp>(`${route(id)}/${body.id}`, {
      method: 'PATCH',
      token: fia.token,
      body: { status: 'in_progress', due: '2027-01-31', notes: 'Budget asked' },
    });
    expect(patched.body).toMatchObject({
      status: 'in_progress',
      due: '2027-01-31',
      notes: 'Budget asked',
    });
    await waitFor(
      () =>
        watcher.traffic.some((t) => t.includes('followup:changed') && t.includes('in_progress')),
      'live update',
    );
    const cleared = await server.api<FollowUp>(`${route(id)}/${body.id}`, {
      method: 'PATCH',
      token: fia.token,
      body: { due: null, notes: null },
    });
    expect(cleared.body.due).toBeUndefined();
    expect(cleared.body.notes).toBeUndefined();
    const removed = await server.api(`${route(id)}/${body.id}`, {
      method: 'DELETE',
      token: fia.token,
    });
    expect(removed.status).toBe(204);
    await waitFor(() => watcher.traffic.some((t) => t.includes('followup:deleted')), 'deleted');
    watcher.socket.close();
  });

  it('a participant may change status and notes of their own follow-ups only', async () => {
    const { id, fia, pia, olli, vera, note } = await boardWithConcept();
    const { body } = await server.api<FollowUp>(route(id), {
      token: fia.token,
      body: { itemId: note, owner: { memberId: pia.member.id } },
    });
    const patch = (token: string, changes: unknown) =>
      server.api<FollowUp & ErrorResponse>(`${route(id)}/${body.id}`, {
        method: 'PATCH',
        token,
        body: changes,
      });
    const own = await patch(pia.token, { status: 'done', notes: 'Shipped' });
    expect([own.status, own.body.status]).toEqual([200, 'done']);
    const title = await patch(pia.token, { title: 'Mine now' });
    expect([title.status, title.body.error.code]).toEqual([403, 'role_not_allowed']);
    const someoneElses = await patch(olli.token, { status: 'dropped' });
    expect([someoneElses.status, someoneElses.body.error.code]).toEqual([403, 'role_not_allowed']);
    const viewer = await patch(vera.token, { status: 'dropped' });
    expect([viewer.status, viewer.body.error.code]).toEqual([403, 'role_not_allowed']);
    const create = await server.api<ErrorResponse>(route(id), {
      token: pia.token,
      body: { itemId: note, owner: { name: 'x' } },
    });
    expect([create.status, create.body.error.code]).toEqual([403, 'role_not_allowed']);
    const remove = await server.api<ErrorResponse>(`${route(id)}/${body.id}`, {
      method: 'DELETE',
      token: pia.token,
    });
    expect([remove.status, remove.body.error.code]).toEqual([403, 'role_not_allowed']);
    const read = await server.api<{ followUps: FollowUp[] }>(route(id), { token: vera.token });
    expect(read.body.followUps[0]?.status).toBe('done');
  });

  it.each([
    [{ due: '2026-02-30' }, 400, 'invalid_input'],
    [{ due: '15.12.2026' }, 400, 'invalid_input'],
    // "27" typed into a date field's year (QA): no one means the year 27.
    [{ due: '0027-03-15' }, 400, 'invalid_input'],
    [{ due: '0000-01-01' }, 400, 'invalid_input'],
    [{ status: 'finished' }, 400, 'invalid_input'],
    [{ owner: { name: 'x', email: 'not-an-email' } }, 400, 'invalid_input'],
    [{ owner: { memberId: 'nobody' } }, 404, 'member_not_found'],
    [{ itemId: 'no-such-item' }, 404, 'item_not_found'],
  ])('bad input %j → %i %s', async (change, status, code) => {
    const { id, fia, note } = await boardWithConcept();
    const { status: got, body } = await server.api<ErrorResponse>(route(id), {
      token: fia.token,
      body: { itemId: note, owner: { name: 'Someone' }, ...change },
    });
    expect([got, body.error.code]).toEqual([status, code]);
  });

  it('unknown follow-up ids are 404; a follow-up of another board is not reachable', async () => {
    const a = await boardWithConcept();
    const b = await boardWithConcept();
    const { body } = await server.api<FollowUp>(route(a.id), {
      token: a.fia.token,
      body: { itemId: a.note, owner: { name: 'x' } },
    });
    const other = await server.api<ErrorResponse>(`${route(b.id)}/${body.id}`, {
      method: 'PATCH',
      token: b.fia.token,
      body: { status: 'done' },
    });
    expect([other.status, other.body.error.code]).toEqual([404, 'follow_up_not_found']);
  });

  it('creates follow-ups from the top N of a closed round in one call (ties included), over Socket.io too', async () => {
    const { created, id, fia, pia, olli, note, second, third } = await boardWithConcept();
    const rounds = `/api/boards/${id}/rounds`;
    const opened = await server.api<RoundView>(rounds, { token: fia.token, body: { budget: 3 } });
    const votes = `${rounds}/${opened.body.round.id}/votes`;
    for (const [token, itemId] of [
      [pia.token, note],
      [pia.token, note],
      [olli.token, second],
      [olli.token, second],
      [fia.token, third],
    ] as const) {
      await server.api(votes, { token, body: { itemId } });
    }
    const early = await server.api<ErrorResponse>(`${route(id)}/from-round`, {
      token: fia.token,
      body: { roundId: opened.body.round.id, top: 2 },
    });
    expect([early.status, early.body.error.code]).toEqual([409, 'round_still_open']);
    const closed = await server.api<CloseRoundResponse>(`${rounds}/${opened.body.round.id}/close`, {
      token: fia.token,
      body: {},
    });
    expect(closed.body.results.map((r) => r.rank)).toEqual([1, 1, 3]);

    const socket = await connectMember(server, id, created.keys.facilitator, 'Fia 2');
    const made = await request<FollowUp[]>(socket.socket, 'followup:from-round', {
      roundId: opened.body.round.id,
      top: 1,
      due: '2027-02-01',
    });
    if (!made.ok) throw new Error(made.error.message);
    expect(made.data.map((f) => f.itemId).sort()).toEqual([note, second].sort());
    // Nobody is made the owner: the facilitator who asked assigns each one afterwards.
    expect(made.data.every((f) => f.due === '2027-02-01')).toBe(true);
    expect(made.data.map((f) => f.owner)).toEqual([{ name: '' }, { name: '' }]);
    expect(made.data.map((f) => f.title).sort()).toEqual([
      'Chat for new residents',
      'Evening hours',
    ]);
    expect(made.data.find((f) => f.itemId === note)?.notes).toBe('“Round 1”: #1, 2 votes');
    // Asked again, with a wider top: only the item that had none gets one.
    const again = await request<FollowUp[]>(socket.socket, 'followup:from-round', {
      roundId: opened.body.round.id,
      top: 3,
    });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.data.map((f) => [f.itemId, f.notes])).toEqual([[third, '“Round 1”: #3, 1 vote']]);
    const all = await server.api<{ followUps: FollowUp[] }>(route(id), { token: fia.token });
    expect(all.body.followUps).toHaveLength(3);
    socket.socket.close();
  });

  it('a winner deleted after its round closed still gets its follow-up, named as it was (QA)', async () => {
    const { id, fia, note, second } = await boardWithConcept();
    const rounds = `/api/boards/${id}/rounds`;
    const opened = await server.api<RoundView>(rounds, { token: fia.token, body: { budget: 3 } });
    const votes = `${rounds}/${opened.body.round.id}/votes`;
    await server.api(votes, { token: fia.token, body: { itemId: note } });
    await server.api(votes, { token: fia.token, body: { itemId: note } });
    await server.api(votes, { token: fia.token, body: { itemId: second } });
    await server.api(`${rounds}/${opened.body.round.id}/close`, { token: fia.token, body: {} });
    // A co-facilitator tidies the board: the winning note goes.
    const client = socketIoClient(server.url, id, fia.token);
    await client.synced;
    client.doc.getMap('items').delete(note);
    const reader = socketIoClient(server.url, id, fia.token);
    await reader.synced;
    await waitFor(() => !reader.doc.getMap('items').has(note), 'the deletion is stored');
    client.destroy();
    reader.destroy();
    const made = await server.api<{ followUps: FollowUp[] }>(`${route(id)}/from-round`, {
      token: fia.token,
      body: { roundId: opened.body.round.id, top: 2 },
    });
    expect(made.status).toBe(201);
    expect(made.body.followUps.map((f) => [f.itemId, f.title])).toEqual([
      [note, 'Chat for new residents'],
      [second, 'Evening hours'],
    ]);
  });

  it('follow-ups from a round are unassigned unless the request names an owner, and the exports say so', async () => {
    const { created, id, fia, pia, note, second, third } = await boardWithConcept();
    const rounds = `/api/boards/${id}/rounds`;
    const opened = await server.api<RoundView>(rounds, { token: fia.token, body: { budget: 3 } });
    const votes = `${rounds}/${opened.body.round.id}/votes`;
    for (const [token, itemId] of [
      [pia.token, note],
      [pia.token, note],
      [pia.token, second],
      [fia.token, third],
      [fia.token, third],
      [fia.token, third],
    ] as const) {
      await server.api(votes, { token, body: { itemId } });
    }
    await server.api(`${rounds}/${opened.body.round.id}/close`, { token: fia.token, body: {} });
    const fromRound = (body: object) =>
      server.api<{ followUps: FollowUp[] }>(`${route(id)}/from-round`, {
        token: fia.token,
        body: { roundId: opened.body.round.id, ...body },
      });

    // As the web board asks (no owner): the winner goes out with nobody's name on it.
    const first = await fromRound({ top: 1, due: '2027-03-01' });
    expect(first.status).toBe(201);
    expect(first.body.followUps.map((f) => [f.itemId, f.owner])).toEqual([[third, { name: '' }]]);
    // Naming an owner still works, and null says "nobody" in so many words.
    const named = await fromRound({ top: 2, owner: { memberId: pia.member.id } });
    expect(named.body.followUps.map((f) => [f.itemId, f.owner])).toEqual([
      [note, { name: 'Pia', memberId: pia.member.id }],
    ]);
    // A due date a form sent empty is none.
    const explicit = await fromRound({ top: 3, owner: null, due: '' });
    expect(explicit.body.followUps.map((f) => [f.itemId, f.owner, 'due' in f])).toEqual([
      [second, { name: '' }, false],
    ]);

    // An owner can be taken off again, and a follow-up can be made without one.
    const [assigned] = named.body.followUps;
    const unassign = await server.api<FollowUp>(`${route(id)}/${assigned?.id}`, {
      method: 'PATCH',
      token: fia.token,
      body: { owner: null },
    });
    expect([unassign.status, unassign.body.owner]).toEqual([200, { name: '' }]);
    const bare = await server.api<FollowUp>(route(id), {
      token: fia.token,
      body: { itemId: note, title: 'Ask the residents' },
    });
    expect([bare.status, bare.body.owner]).toEqual([201, { name: '' }]);
    // Nobody owns it, so no participant may change it as "theirs".
    const claim = await server.api<ErrorResponse>(`${route(id)}/${bare.body.id}`, {
      method: 'PATCH',
      token: pia.token,
      body: { status: 'done' },
    });
    expect([claim.status, claim.body.error.code]).toEqual([403, 'role_not_allowed']);

    // Stored as such: after a restart the list and the exports still say "unassigned".
    server = await server.restart();
    const listed = await server.api<{ followUps: FollowUp[] }>(route(id), { token: fia.token });
    expect(listed.body.followUps.map((f) => f.owner)).toEqual([
      { name: '' },
      { name: '' },
      { name: '' },
      { name: '' },
    ]);
    const exported = (format: string, table = '') =>
      server.api<string>(`/api/boards/${id}/export?format=${format}${table}`, {
        token: fia.token,
      });
    const report = (await exported('md')).body;
    expect(report).not.toContain('| Fia |');
    expect(report).toMatch(
      /\| Plain-language letters \| Plain-language letters \| \*unassigned\* \| — \| 2027-03-01 \|/,
    );
    const csv = (await exported('csv', '&table=followups')).body;
    expect(csv.split('\r\n')[1]?.split(',').slice(3, 6)).toEqual([
      'Plain-language letters',
      '',
      '',
    ]);
    const ics = (await exported('ics')).body;
    expect(ics).toContain('SUMMARY:Plain-language letters (Owner: unassigned)\r\n');
    expect(ics).toContain('DESCRIPTION:Owner: unassigned\\nStatus: Open');
    expect(created.board.language).toBe('en');
  });

  it("a Finnish board gets the server's own words in Finnish", async () => {
    const created = await server.createBoard({ language: 'fi' });
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const client = socketIoClient(server.url, id, fia.token);
    await client.synced;
    const blank = addItem(client.doc, { type: 'note', x: 0, y: 0, text: '' });
    const rounds = `/api/boards/${id}/rounds`;
    const opened = await server.api<RoundView>(rounds, { token: fia.token, body: { budget: 2 } });
    expect(opened.body.round.title).toBe('Kierros 1');
    const vera = await server.join(id, created.keys.viewer, 'Vera');
    const reader = socketIoClient(server.url, id, vera.token);
    await waitFor(() => reader.doc.getMap('items').has(blank), 'the note stored');
    reader.destroy();
    const voted = await server.api(`${rounds}/${opened.body.round.id}/votes`, {
      token: fia.token,
      body: { itemId: blank },
    });
    expect(voted.status).toBe(200);
    await server.api(`${rounds}/${opened.body.round.id}/close`, { token: fia.token, body: {} });
    const made = await server.api<{ followUps: FollowUp[] }>(`${route(id)}/from-round`, {
      token: fia.token,
      body: { roundId: opened.body.round.id, top: 1 },
    });
    expect(made.body.followUps.map((f) => [f.title, f.notes])).toEqual([
      ['Jatkotoimi', '”Kierros 1”: sija 1, 1 ääni'],
    ]);
    client.destroy();
  });

  it('acknowledged follow-ups survive a restart', async () => {
    const { id, fia, note } = await boardWithConcept();
    const { body } = await server.api<FollowUp>(route(id), {
      token: fia.token,
      body: { itemId: note, owner: { name: 'Durable Dora' }, due: '2027-03-03' },
    });
    server = await server.restart();
    const listed = await server.api<{ followUps: FollowUp[] }>(route(id), { token: fia.token });
    expect(listed.body.followUps).toEqual([body]);
  });
});
