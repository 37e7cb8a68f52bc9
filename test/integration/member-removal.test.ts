import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListMembersResponse } from '../../shared/api.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import type { Round } from '../../shared/facilitation.ts';
import type { BoardExport, FollowUp } from '../../shared/follow-through.ts';
import { socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { listeningConnections, socketIoRefusal, yWebsocketRefusal } from '../helpers/listening.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ JOIN_RATE_PER_MIN: '100000' });
});
afterAll(async () => {
  await server.close();
});

describe('taking a member off a board', () => {
  it('closes every connection of theirs, their token opens nothing, and what they did stays', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const aino = await server.join(id, created.keys.participant, 'Aino');
    const bo = await server.join(id, created.keys.participant, 'Bo');

    // Aino writes a note, votes for it in a round that closes, and owns its follow-up.
    const ainoWriter = yWebsocketClient(server.url, id, aino.token);
    await ainoWriter.synced;
    const noteId = addItem(ainoWriter.doc, { type: 'note', x: 0, y: 0, text: 'Aino’s idea' });
    await waitFor(() => itemsOf(server.documents.open({ boardId: id }).doc).has(noteId));
    const round = await server.api<{ round: Round }>(`/api/boards/${id}/rounds`, {
      body: { budget: 2, anonymous: false },
      token: fia.token,
    });
    const roundId = round.body.round.id;
    const vote = await server.api(`/api/boards/${id}/rounds/${roundId}/votes`, {
      body: { itemId: noteId },
      token: aino.token,
    });
    expect(vote.status).toBe(200);
    await server.api(`/api/boards/${id}/rounds/${roundId}/close`, {
      method: 'POST',
      token: fia.token,
    });
    const followUp = await server.api<FollowUp>(`/api/boards/${id}/followups`, {
      body: { itemId: noteId, owner: { memberId: aino.member.id } },
      token: fia.token,
    });
    expect(followUp.status).toBe(201);

    // Aino over every way in, her private document too; Bo stays on the board throughout.
    ainoWriter.destroy();
    const told = listeningConnections(server.url, id, aino.token, [id, `${id}/private`]);
    const boClient = socketIoClient(server.url, id, bo.token);
    await Promise.all([told.ready, boClient.synced]);

    const removed = await server.api(`/api/boards/${id}/members/${aino.member.id}`, {
      method: 'DELETE',
      token: fia.token,
    });
    expect(removed.status).toBe(204);

    await waitFor(() => told.heard.length > 0 && told.rawHeard.length > 0, 'the news');
    expect([told.heard[0]?.code, told.rawHeard[0]?.code]).toEqual([
      'member_removed',
      'member_removed',
    ]);
    expect(await told.rawGone).toBe('io server disconnect');
    await waitFor(() => told.closes.length >= 2, 'both y-websocket connections closed');
    expect(told.closes.slice(0, 2)).toEqual([
      { code: 4401, reason: 'member_removed' },
      { code: 4401, reason: 'member_removed' },
    ]);
    told.destroy();

    // Her token opens nothing, over any way in.
    const read = await server.api<ErrorResponse>(`/api/boards/${id}`, { token: aino.token });
    // Said as it is, and only to the holder of her token: another board's token is invalid.
    expect([read.status, read.body.error.code]).toEqual([401, 'member_removed']);
    expect((await socketIoRefusal(server.url, id, aino.token))?.code).toBe('member_removed');
    expect(await yWebsocketRefusal(server.url, id, aino.token)).toEqual([4401, 'member_removed']);
    const elsewhere = await server.createBoard();
    const there = await server.api<ErrorResponse>(`/api/boards/${elsewhere.board.id}`, {
      token: aino.token,
    });
    expect([there.status, there.body.error.code]).toEqual([401, 'invalid_token']);

    // Bo is still on, and still syncing.
    addItem(boClient.doc, { type: 'note', x: 300, y: 0, text: 'Bo carries on' });
    const reader = socketIoClient(server.url, id, fia.token);
    await reader.synced;
    await waitFor(() => itemsOf(reader.doc).size === 2, 'Bo’s note relayed');

    // The members list no longer offers her; what she did keeps her name.
    const members = await server.api<ListMembersResponse>(`/api/boards/${id}/members`, {
      token: fia.token,
    });
    expect(members.body.members.map((member) => member.name)).toEqual(['Bo', 'Fia']);
    const exported = await server.api<BoardExport>(`/api/boards/${id}/export?format=json`, {
      token: fia.token,
    });
    // Marked as taken off, for a program reading the export (weekly-network QA); the others not.
    expect(exported.body.members.find((member) => member.name === 'Aino')).toMatchObject({
      id: aino.member.id,
      removed: true,
    });
    expect(
      exported.body.members.filter((member) => member.name !== 'Aino').map((m) => m.removed),
    ).toEqual([undefined, undefined]);
    // The report counts who took part: not her.
    const report = await fetch(`${server.url}/api/boards/${id}/export?format=md`, {
      headers: { authorization: `Bearer ${fia.token}` },
    });
    expect(await report.text()).toContain('- Participants: 2 (1 facilitator, 1 participant)\n');
    expect(exported.body.rounds[0]?.results[0]).toMatchObject({ itemId: noteId, votes: 1 });
    // Her follow-up can still be worked on, and still names her.
    const updated = await server.api<FollowUp>(`/api/boards/${id}/followups/${followUp.body.id}`, {
      method: 'PATCH',
      body: { status: 'in_progress' },
      token: fia.token,
    });
    expect([updated.status, updated.body.owner.name]).toEqual([200, 'Aino']);
    // Sent again as it is, her ownership stays; nothing new goes to her (QA review).
    const resent = await server.api<FollowUp>(`/api/boards/${id}/followups/${followUp.body.id}`, {
      method: 'PATCH',
      body: { owner: { memberId: aino.member.id }, status: 'done' },
      token: fia.token,
    });
    expect([resent.status, resent.body.owner.name]).toEqual([200, 'Aino']);
    const boNote = [...itemsOf(reader.doc).keys()].find((key) => key !== noteId)!;
    const fresh = await server.api<ErrorResponse>(`/api/boards/${id}/followups`, {
      body: { itemId: boNote, owner: { memberId: aino.member.id } },
      token: fia.token,
    });
    expect([fresh.status, fresh.body.error.code]).toEqual([404, 'member_not_found']);
    for (const client of [boClient, reader]) client.destroy();
  });

  it('a vote already on its way when its member is taken off is not counted (QA)', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const aino = await server.join(id, created.keys.participant, 'Aino');
    const writer = yWebsocketClient(server.url, id, fia.token);
    await writer.synced;
    const noteId = addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'Vote me' });
    await waitFor(() => itemsOf(server.documents.open({ boardId: id }).doc).has(noteId));
    writer.destroy();
    const round = await server.api<{ round: Round }>(`/api/boards/${id}/rounds`, {
      body: { budget: 3 },
      token: fia.token,
    });
    // Authenticated, queued for the turn's commit; then, in the same turn, taken off.
    const member = server.boards.authenticate(id, aino.token);
    const vote = server.facilitation.rounds.castVote(member, round.body.round.id, noteId);
    server.boards.removeMember(id, aino.member.id, server.boards.authenticate(id, fia.token));
    await expect(vote).rejects.toMatchObject({ code: 'member_removed' });
    const stored = server.db
      .prepare('SELECT count(*) FROM votes WHERE member_id = ?')
      .pluck()
      .get(aino.member.id);
    expect(stored).toBe(0);
  });

  it('is for facilitators, for another member of the same board, and only once', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const other = await server.boardWithMembers();
    const aino = await server.join(id, board.keys.participant, 'Aino');
    const fia = await server.api<{ me: { id: string } }>(`/api/boards/${id}`, {
      token: tokens.facilitator,
    });
    const otherMember = await server.join(other.board.board.id, other.board.keys.viewer, 'Olli');
    const del = (memberId: string, init: { token?: string; body?: unknown } = {}) =>
      server.api<ErrorResponse>(`/api/boards/${id}/members/${memberId}`, {
        method: 'DELETE',
        ...init,
      });
    const refusals = [
      [await del(aino.member.id, { token: tokens.participant }), 403, 'role_not_allowed'],
      [await del(aino.member.id, { token: tokens.viewer }), 403, 'role_not_allowed'],
      [await del(aino.member.id), 401, 'token_required'],
      [await del(fia.body.me.id, { token: tokens.facilitator }), 400, 'invalid_input'],
      [await del(otherMember.member.id, { token: tokens.facilitator }), 404, 'member_not_found'],
      [await del('no-such-member', { token: tokens.facilitator }), 404, 'member_not_found'],
      [
        await del(aino.member.id, { token: tokens.facilitator, body: { why: 'x' } }),
        400,
        'invalid_input',
      ],
    ] as const;
    for (const [answer, status, code] of refusals) {
      expect([answer.status, answer.body.error.code]).toEqual([status, code]);
    }
    // Nothing refused took her off.
    expect((await server.api(`/api/boards/${id}`, { token: aino.token })).status).toBe(200);
    expect((await del(aino.member.id, { token: tokens.facilitator })).status).toBe(204);
    const twice = await del(aino.member.id, { token: tokens.facilitator });
    expect([twice.status, twice.body.error.code]).toEqual([404, 'member_not_found']);
    // Joining again with the link makes a new member (a new link keeps her out).
    const back = await server.join(id, board.keys.participant, 'Aino');
    expect(back.member.id).not.toBe(aino.member.id);
  });
});

describe('who was taken off the board', () => {
  it('a facilitator lists them apart (with erased names as erased), nobody else does', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const pia = await server.join(id, created.keys.participant, 'Pia');
    const vilja = await server.join(id, created.keys.viewer, 'Vilja');
    const troll = await server.join(id, created.keys.participant, 'Troll');
    expect(await server.takeOff(id, fia.token, 'Troll')).toBe(204);
    expect(await server.takeOff(id, fia.token, 'Vilja')).toBe(204);
    const list = (token: string, query = '') =>
      server.api<ListMembersResponse & ErrorResponse>(`/api/boards/${id}/members${query}`, {
        token,
      });
    const names = (answer: { body: ListMembersResponse }) =>
      answer.body.members.map((member) => member.name);
    expect(names(await list(fia.token))).toEqual(['Fia', 'Pia']);
    expect(names(await list(fia.token, '?removed=false'))).toEqual(['Fia', 'Pia']);
    const removed = await list(fia.token, '?removed=true');
    expect(removed.status).toBe(200);
    // Sorted by name, as those on the board are; public fields only, and when each joined.
    const joinedAt = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);
    expect(removed.body.members).toEqual([
      { ...troll.member, joinedAt },
      { ...vilja.member, joinedAt },
    ]);
    const erased = await server.api(`/api/boards/${id}/members/${troll.member.id}`, {
      method: 'DELETE',
      token: fia.token,
      body: { erase: true },
    });
    expect(erased.status).toBe(204);
    expect(names(await list(fia.token, '?removed=true'))).toEqual(['(name erased)', 'Vilja']);

    const refused = await list(pia.token, '?removed=true');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'role_not_allowed']);
    const bad = await list(fia.token, '?removed=yes');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_input']);
    // Who asks comes first: without a token the query is not read (it was 400).
    const anonymous = await server.api<ErrorResponse>(`/api/boards/${id}/members?removed=yes`);
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'token_required']);
  });
});

describe("erasing a member's name at their request", () => {
  it('names them "(name erased)" wherever the board named them, e-mail gone, what they did kept', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const aino = await server.join(id, created.keys.participant, 'Aino Virtanen');
    const writer = socketIoClient(server.url, id, aino.token);
    const watcher = socketIoClient(server.url, id, fia.token);
    await Promise.all([writer.synced, watcher.synced]);
    const noteId = addItem(writer.doc, {
      type: 'note',
      x: 0,
      y: 0,
      text: 'Shorter queues',
      author: aino.member.id,
    });
    await waitFor(() => itemsOf(watcher.doc).has(noteId), 'the note');
    writer.destroy();
    // One follow-up given to her as a member, one to her name typed in with her address, and
    // one to someone else.
    for (const owner of [
      { memberId: aino.member.id },
      { name: 'aino virtanen ', email: 'aino.virtanen@kunta.example' },
      { name: 'Bo', email: 'bo@kunta.example' },
    ]) {
      const owned = await server.api(`/api/boards/${id}/followups`, {
        body: { itemId: noteId, title: 'Pilot it', owner },
        token: fia.token,
      });
      expect(owned.status).toBe(201);
    }
    const changed: FollowUp[] = [];
    watcher.provider.socket.on('followup:changed', (followUp: FollowUp) => changed.push(followUp));

    const erase = await server.api(`/api/boards/${id}/members/${aino.member.id}`, {
      method: 'DELETE',
      body: { erase: true },
      token: fia.token,
    });
    expect(erase.status).toBe(204);
    // Taken off the board as well.
    const after = await server.api<ErrorResponse>(`/api/boards/${id}`, { token: aino.token });
    expect([after.status, after.body.error.code]).toEqual([401, 'member_removed']);
    // Everyone on the board sees the follow-up change, without her name or address.
    await waitFor(() => changed.length === 2, 'the follow-up changes');
    expect(changed.map((followUp) => followUp.owner)).toEqual([
      { name: '(name erased)', memberId: aino.member.id },
      { name: '(name erased)' },
    ]);

    const json = await server.api<BoardExport>(`/api/boards/${id}/export?format=json`, {
      token: fia.token,
    });
    expect(json.body.members.find((m) => m.id === aino.member.id)?.name).toBe('(name erased)');
    expect(json.body.items.find((item) => item.id === noteId)?.author).toBe(aino.member.id);
    for (const format of ['json', 'md', 'csv', 'ics', 'agenda']) {
      const exported = await server.api<string>(`/api/boards/${id}/export?format=${format}`, {
        token: fia.token,
      });
      const text =
        typeof exported.body === 'string' ? exported.body : JSON.stringify(exported.body);
      expect([format, /aino/i.test(text)]).toEqual([format, false]);
    }
    const stored = [
      ...server.db.prepare('SELECT name FROM members WHERE board_id = ?').pluck().all(id),
      ...server.db
        .prepare(
          "SELECT owner_name || ' ' || coalesce(owner_email, '') FROM follow_ups WHERE board_id = ?",
        )
        .pluck()
        .all(id),
    ];
    expect(stored.join(' ')).not.toMatch(/aino/i);
    expect(stored.join(' ')).toContain('bo@kunta.example');
    watcher.destroy();
  });

  it('in the board’s language, also for one taken off before, by the operator too; not oneself', async () => {
    const operated = await startTestServer({ ADMIN_TOKEN: 'operator-token-of-sixteen-chars' });
    try {
      const created = await operated.createBoard({ language: 'fi' });
      const id = created.board.id;
      const fia = await operated.join(id, created.keys.facilitator, 'Fia');
      const aino = await operated.join(id, created.keys.participant, 'Aino');
      const del = (memberId: string, token: string, body?: unknown) =>
        operated.api<ErrorResponse>(`/api/boards/${id}/members/${memberId}`, {
          method: 'DELETE',
          token,
          ...(body === undefined ? {} : { body }),
        });
      expect((await del(aino.member.id, fia.token)).status).toBe(204);
      // Weeks later she asks for her name to go. The operator finds her id among those taken
      // off (operator QA: nothing listed members for ADMIN_TOKEN), and erases it.
      const list = (query: string) =>
        operated.api<ListMembersResponse>(`/api/boards/${id}/members${query}`, {
          token: 'operator-token-of-sixteen-chars',
        });
      expect((await list('')).body.members.map((m) => m.name)).toEqual(['Fia']);
      expect((await list('?removed=true')).body.members.map((m) => m.id)).toEqual([aino.member.id]);
      expect(
        (await del(aino.member.id, 'operator-token-of-sixteen-chars', { erase: true })).status,
      ).toBe(204);
      const json = await operated.api<BoardExport>(`/api/boards/${id}/export?format=json`, {
        token: fia.token,
      });
      expect(json.body.members.find((m) => m.id === aino.member.id)?.name).toBe('(nimi poistettu)');
      const self = await del(fia.member.id, fia.token, { erase: true });
      expect([self.status, self.body.error.code]).toEqual([400, 'invalid_input']);
      const bad = await del(aino.member.id, fia.token, { erase: 'yes' });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_input']);
    } finally {
      await operated.close();
    }
  });
});
