import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addItem } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import type { CloseRoundResponse, RoundView, VoteResponse } from '../../shared/facilitation.ts';
import { rankTallies } from '../../shared/ranking.ts';
import { socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { type ConnectedMember, connectAgain, connectMember, request } from '../helpers/members.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ JOIN_RATE_PER_MIN: '100000' });
});
afterAll(async () => {
  await server.close();
});

/** A board with a facilitator, some notes, a frame with one note in it, and a text item. */
async function votingBoard() {
  const { board, tokens } = await server.boardWithMembers();
  const id = board.board.id;
  const writer = socketIoClient(server.url, id, tokens.facilitator);
  await writer.synced;
  const notes: string[] = [];
  const add = (doc: Y.Doc) => {
    for (let i = 0; i < 6; i++)
      notes.push(addItem(doc, { type: 'note', x: i * 300, y: 0, text: `idea ${i}` }));
  };
  add(writer.doc);
  const frame = addItem(writer.doc, { type: 'frame', x: 0, y: 1000, w: 800, h: 600, title: 'F' });
  const inFrame = addItem(writer.doc, { type: 'note', x: 10, y: 1010, parent: frame, text: 'in' });
  // No parent, but inside the frame's area: a stock client's note counts by position.
  const inFrame2 = addItem(writer.doc, { type: 'note', x: 300, y: 1100, text: 'in too' });
  const text = addItem(writer.doc, { type: 'text', x: 0, y: -100, text: 'heading' });
  const reader = socketIoClient(server.url, id, tokens.viewer);
  await waitFor(() => reader.doc.getMap('items').has(text), 'items reach the server');
  writer.destroy();
  reader.destroy();
  return { board, tokens, id, notes, frame, inFrame, inFrame2, text };
}

const api = <T>(route: string, token: string, init: { method?: string; body?: unknown } = {}) =>
  server.api<T>(route, { ...init, token });

describe('opening rounds: bad input gets the right code', () => {
  it.each([
    [{ budget: 0 }, 400, 'invalid_input'],
    [{ budget: 100 }, 400, 'invalid_input'],
    [{ budget: 3, maxPerItem: 4 }, 400, 'invalid_input'],
    [{ budget: 3, itemTypes: ['hologram'] }, 400, 'invalid_input'],
    [{ budget: 3, frameId: 'no-such-frame' }, 404, 'frame_not_found'],
  ])('%j → %i %s', async (body, status, code) => {
    const { id, tokens } = await votingBoard();
    const response = await api<ErrorResponse>(`/api/boards/${id}/rounds`, tokens.facilitator, {
      body,
    });
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
  });

  it('a participant or viewer cannot open or close a round; a second open round is 409', async () => {
    const { id, tokens } = await votingBoard();
    const route = `/api/boards/${id}/rounds`;
    for (const token of [tokens.participant, tokens.viewer]) {
      const refused = await api<ErrorResponse>(route, token, { body: { budget: 3 } });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('role_not_allowed');
    }
    const opened = await api<RoundView>(route, tokens.facilitator, { body: { budget: 3 } });
    expect(opened.status).toBe(201);
    expect(opened.body.round).toMatchObject({
      status: 'open',
      budget: 3,
      maxPerItem: 3,
      anonymous: true,
      itemTypes: ['note', 'concept'],
    });
    const second = await api<ErrorResponse>(route, tokens.facilitator, { body: { budget: 3 } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('round_already_open');
    const close = `${route}/${opened.body.round.id}/close`;
    const byParticipant = await api<ErrorResponse>(close, tokens.participant, { body: {} });
    expect(byParticipant.status).toBe(403);
    expect(byParticipant.body.error.code).toBe('role_not_allowed');
  });
});

describe('opening rounds: a mistake is said as what to send', () => {
  it.each([
    [{}, 'budget: required, a number'],
    [{ budget: 1.5 }, 'budget: must be a whole number, not 1.5'],
    [{ budget: '3' }, 'budget: must be a number, not text'],
    [{ budget: 3, anonymous: 'yes' }, 'anonymous: must be true or false, not text'],
    [{ budget: 3, title: 7 }, 'title: must be text (a JSON string), not 7'],
  ])('%j → %s', async (body, message) => {
    const { id, tokens } = await votingBoard();
    const response = await api<ErrorResponse>(`/api/boards/${id}/rounds`, tokens.facilitator, {
      body,
    });
    expect([response.status, response.body.error]).toEqual([
      400,
      { code: 'invalid_input', message },
    ]);
  });
});

describe('the next round opens with the settings a round returned', () => {
  it('no frame and no timer as null; a frame and a timer as their values', async () => {
    const { id, tokens, frame } = await votingBoard();
    const route = `/api/boards/${id}/rounds`;
    const settingsOf = ({ round }: RoundView) => ({
      title: round.title,
      budget: round.budget,
      maxPerItem: round.maxPerItem,
      itemTypes: round.itemTypes,
      frameId: round.frameId,
      anonymous: round.anonymous,
      durationSec: round.durationSec,
    });
    const first = await api<RoundView>(route, tokens.facilitator, {
      body: { budget: 5, maxPerItem: 2, anonymous: false },
    });
    expect([first.body.round.frameId, first.body.round.durationSec]).toEqual([null, null]);
    await api(`${route}/${first.body.round.id}/close`, tokens.facilitator, { body: {} });
    const again = await api<RoundView>(route, tokens.facilitator, {
      body: { ...settingsOf(first.body), title: 'Again' },
    });
    expect(again.status).toBe(201);
    expect(settingsOf(again.body)).toEqual({ ...settingsOf(first.body), title: 'Again' });
    expect(again.body.round.closesAt).toBeNull();
    await api(`${route}/${again.body.round.id}/close`, tokens.facilitator, { body: {} });

    const inFrame = await api<RoundView>(route, tokens.facilitator, {
      body: { budget: 3, frameId: frame, durationSec: 600 },
    });
    await api(`${route}/${inFrame.body.round.id}/close`, tokens.facilitator, { body: {} });
    const repeated = await api<RoundView>(route, tokens.facilitator, {
      body: settingsOf(inFrame.body),
    });
    expect(repeated.status).toBe(201);
    expect(settingsOf(repeated.body)).toEqual(settingsOf(inFrame.body));
    expect(repeated.body.round.closesAt).not.toBeNull();
  });
});

describe('a round on a frame with frames in it', () => {
  it('takes votes on the notes of nested frames, by parent or where they lie, and no others', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const writer = socketIoClient(server.url, id, tokens.facilitator);
    await writer.synced;
    const doc = writer.doc;
    const outer = addItem(doc, { type: 'frame', x: 0, y: 0, w: 1000, h: 800, title: 'Ideas' });
    // Dropped in on the canvas (parent), and drawn inside by a client that sets none.
    const byParent = addItem(doc, {
      type: 'frame',
      ...{ x: 50, y: 100, w: 400, h: 300, title: 'A', parent: outer },
    });
    const byPlace = addItem(doc, { type: 'frame', x: 500, y: 100, w: 400, h: 300, title: 'B' });
    const elsewhere = addItem(doc, { type: 'frame', x: 2000, y: 0, w: 400, h: 300, title: 'C' });
    const inA = addItem(doc, { type: 'note', x: 60, y: 150, parent: byParent, text: 'a' });
    const inB = addItem(doc, { type: 'note', x: 510, y: 150, parent: byPlace, text: 'b' });
    const inC = addItem(doc, { type: 'note', x: 2010, y: 50, parent: elsewhere, text: 'c' });
    // Its frame deleted from under it: where it lies counts.
    const orphan = addItem(doc, { type: 'note', x: 300, y: 500, parent: 'gone', text: 'o' });
    const reader = socketIoClient(server.url, id, tokens.viewer);
    await waitFor(() => reader.doc.getMap('items').has(orphan), 'items reach the server');

    const route = `/api/boards/${id}/rounds`;
    const { body } = await api<RoundView>(route, tokens.facilitator, {
      body: { budget: 9, frameId: outer },
    });
    const vote = (itemId: string) =>
      api<ErrorResponse>(`${route}/${body.round.id}/votes`, tokens.participant, {
        body: { itemId },
      });
    for (const itemId of [inA, inB, orphan]) expect((await vote(itemId)).status).toBe(200);
    const outside = await vote(inC);
    expect([outside.status, outside.body.error.code]).toEqual([400, 'not_a_target']);

    // Group B dragged out of the round's frame takes its note along, out of the round.
    (doc.getMap('items').get(byPlace) as Y.Map<unknown>).set('x', 3000);
    const groupB = () => reader.doc.getMap('items').get(byPlace) as Y.Map<unknown>;
    await waitFor(() => groupB().get('x') === 3000, 'the move reaches the server');
    const movedOut = await vote(inB);
    expect([movedOut.status, movedOut.body.error.code]).toEqual([400, 'not_a_target']);
    reader.destroy();
    writer.destroy();
  });
});

describe('casting votes: every rule has its code', () => {
  it('unknown item, not a target, outside the frame, viewer, closed round, no vote to retract', async () => {
    const { id, tokens, notes, frame, inFrame, inFrame2, text } = await votingBoard();
    const route = `/api/boards/${id}/rounds`;
    const { body } = await api<RoundView>(route, tokens.facilitator, {
      body: { budget: 3, maxPerItem: 2, frameId: frame },
    });
    const votes = `${route}/${body.round.id}/votes`;
    const cases: [string, { itemId: string }, number, string][] = [
      [tokens.participant, { itemId: 'no-such-item' }, 404, 'item_not_found'],
      [tokens.participant, { itemId: text }, 400, 'not_a_target'],
      [tokens.participant, { itemId: notes[0]! }, 400, 'not_a_target'],
      [tokens.viewer, { itemId: inFrame }, 403, 'role_not_allowed'],
    ];
    for (const [token, vote, status, code] of cases) {
      const response = await api<ErrorResponse>(votes, token, { body: vote });
      expect([response.status, response.body.error.code]).toEqual([status, code]);
    }
    const ok = await api<VoteResponse>(votes, tokens.participant, { body: { itemId: inFrame } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ remaining: 2, myVotes: { [inFrame]: 1 } });
    const facilitatorVote = (itemId: string) =>
      api<ErrorResponse>(votes, tokens.facilitator, { body: { itemId } });
    expect((await facilitatorVote(inFrame)).status).toBe(200);
    expect((await facilitatorVote(inFrame)).status).toBe(200);
    const capped = await facilitatorVote(inFrame);
    expect([capped.status, capped.body.error.code]).toEqual([409, 'item_cap_reached']);
    expect((await facilitatorVote(inFrame2)).status).toBe(200);
    const exhausted = await facilitatorVote(inFrame2);
    expect([exhausted.status, exhausted.body.error.code]).toEqual([409, 'budget_exhausted']);
    const retract = await api<VoteResponse>(`${votes}/${inFrame}`, tokens.participant, {
      method: 'DELETE',
    });
    expect(retract.body.remaining).toBe(3);
    const none = await api<ErrorResponse>(`${votes}/${inFrame}`, tokens.participant, {
      method: 'DELETE',
    });
    expect([none.status, none.body.error.code]).toEqual([404, 'vote_not_found']);

    // The id in a retraction's path has a vote's limits (PROTOCOL.md: 200 characters).
    const long = await api<ErrorResponse>(`${votes}/${'x'.repeat(201)}`, tokens.participant, {
      method: 'DELETE',
    });
    expect([long.status, long.body.error.code]).toEqual([400, 'invalid_input']);
    // A close sent with a body that is not JSON is refused like any other, and does nothing.
    const plain = await fetch(`${server.url}${route}/${body.round.id}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.facilitator}`, 'content-type': 'text/plain' },
      body: 'close it',
    });
    expect([plain.status, ((await plain.json()) as ErrorResponse).error.code]).toEqual([
      415,
      'unsupported_media_type',
    ]);
    const bogus = await api<ErrorResponse>(`${route}/${body.round.id}/close`, tokens.facilitator, {
      body: { bogus: true },
    });
    expect([bogus.status, bogus.body.error.code]).toEqual([400, 'invalid_input']);
    const stillOpen = await api<RoundView>(`${route}/${body.round.id}`, tokens.facilitator);
    expect(stillOpen.body.round.status).toBe('open');

    await api(`${route}/${body.round.id}/close`, tokens.facilitator, { body: {} });
    const late = await api<ErrorResponse>(votes, tokens.participant, { body: { itemId: inFrame } });
    expect([late.status, late.body.error.code]).toEqual([409, 'round_closed']);
    const lateRetract = await api<ErrorResponse>(`${votes}/${inFrame}`, tokens.participant, {
      method: 'DELETE',
    });
    expect(lateRetract.body.error.code).toBe('round_closed');
    const unknown = await api<ErrorResponse>(`${route}/nope/votes`, tokens.participant, {
      body: { itemId: inFrame },
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'round_not_found']);
  });
});

describe('50 members voting at once, over HTTP and Socket.io', () => {
  it('never exceeds a budget or a cap, and the results equal a recount', async () => {
    const { id, board, tokens, notes } = await votingBoard();
    const members: ConnectedMember[] = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        connectMember(server, id, board.keys.participant, `member ${i}`),
      ),
    );
    const opened = await api<RoundView>(`/api/boards/${id}/rounds`, tokens.facilitator, {
      body: { budget: 5, maxPerItem: 2 },
    });
    const roundId = opened.body.round.id;

    // Every member fires 12 votes at once, three on each of four notes: the per-item cap (2)
    // and the budget (5) both refuse some. Notes alternate between the two transports.
    type Outcome = { member: string; itemId: string; ok: boolean; code?: string };
    const outcomes = await Promise.all(
      members.flatMap((member, m) =>
        Array.from({ length: 12 }, async (_, k): Promise<Outcome> => {
          const which = Math.floor(k / 3);
          const itemId = notes[(m + which) % notes.length]!;
          if (which % 2 === 1) {
            const r = await server.api<VoteResponse & ErrorResponse>(
              `/api/boards/${id}/rounds/${roundId}/votes`,
              { body: { itemId }, token: member.token },
            );
            return { member: member.id, itemId, ok: r.status === 200, code: r.body.error?.code };
          }
          const ack = await request<VoteResponse>(member.socket, 'round:vote', { roundId, itemId });
          return {
            member: member.id,
            itemId,
            ok: ack.ok,
            code: ack.ok ? undefined : ack.error.code,
          };
        }),
      ),
    );

    const accepted = outcomes.filter((o) => o.ok);
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused.length).toBe(50 * 7);
    for (const o of refused) expect(['budget_exhausted', 'item_cap_reached']).toContain(o.code);
    const perMember = new Map<string, number>();
    const perMemberItem = new Map<string, number>();
    for (const o of accepted) {
      perMember.set(o.member, (perMember.get(o.member) ?? 0) + 1);
      const key = `${o.member}/${o.itemId}`;
      perMemberItem.set(key, (perMemberItem.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perMember.values())).toBe(5);
    expect(Math.max(...perMemberItem.values())).toBe(2);
    // 4 notes × cap 2 = 8 possible, budget 5: everyone ends with exactly 5.
    expect(accepted).toHaveLength(50 * 5);

    const closed = await api<CloseRoundResponse>(
      `/api/boards/${id}/rounds/${roundId}/close`,
      tokens.facilitator,
      { body: {} },
    );
    const recount = new Map<string, number>();
    for (const o of accepted) recount.set(o.itemId, (recount.get(o.itemId) ?? 0) + 1);
    expect(closed.body.results.map(({ label: _, ...result }) => result)).toEqual(
      rankTallies(recount),
    );
    expect(closed.body.round.voters).toBe(50);
    for (const member of members) member.socket.close();
  });
});

describe("anonymous rounds keep tallies and others' votes on the server until they close", () => {
  it("a participant's raw traffic (Socket.io frames and HTTP bodies) holds none of it", async () => {
    const { id, board, notes } = await votingBoard();
    const [popular, second, mine] = notes as [string, string, string];
    const watcher = await connectMember(server, id, board.keys.participant, 'Watcher');
    const others = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        connectMember(server, id, board.keys.participant, `o${i}`),
      ),
    );
    const facilitator = await connectMember(server, id, board.keys.facilitator, 'Fia');
    const opened = await request<RoundView>(facilitator.socket, 'round:open', { budget: 3 });
    if (!opened.ok) throw new Error(opened.error.message);
    const roundId = opened.data.round.id;

    for (const other of others) {
      await request(other.socket, 'round:vote', { roundId, itemId: popular });
      await request(other.socket, 'round:vote', { roundId, itemId: popular });
      await request(other.socket, 'round:vote', { roundId, itemId: second });
    }
    const myVote = await request<VoteResponse>(watcher.socket, 'round:vote', {
      roundId,
      itemId: mine,
    });
    expect(myVote).toEqual({ ok: true, data: { remaining: 2, myVotes: { [mine]: 1 } } });
    const viaHttp = await server.api<RoundView>(`/api/boards/${id}/rounds/${roundId}`, {
      token: watcher.token,
    });
    const list = await server.api(`/api/boards/${id}/rounds`, { token: watcher.token });
    await waitFor(() => watcher.traffic.some((t) => t.includes('"voters":5')), 'progress');

    // Every event and reply the watcher got (the board document itself names every item, so
    // its binary frames are not searched), and every HTTP body.
    const seen = [...watcher.traffic, JSON.stringify(viaHttp.body), JSON.stringify(list.body)];
    expect(watcher.traffic.length).toBeGreaterThan(5);
    for (const text of seen) {
      expect(text).not.toContain(popular);
      expect(text).not.toContain(second);
      expect(text).not.toContain('"results"');
      expect(text).not.toContain('participation');
      for (const other of others) expect(text).not.toContain(other.id);
    }
    expect(viaHttp.body).toMatchObject({
      myVotes: { [mine]: 1 },
      remaining: 2,
      round: { voters: 5 },
    });
    // The facilitator sees participation: how many each used, not on what.
    expect(facilitator.traffic.some((t) => t.includes('round:participation'))).toBe(true);
    expect(facilitator.traffic.filter((t) => t.includes('round:')).join('')).not.toContain(popular);

    // After closing, the same channel carries the results: the check above could see them.
    await request(facilitator.socket, 'round:close', { roundId });
    await waitFor(() => watcher.traffic.some((t) => t.includes('round:closed')), 'closed');
    const closedEvent = watcher.traffic.find((t) => t.includes('round:closed'))!;
    expect(closedEvent).toContain(popular);
    expect(closedEvent).toContain('"results"');
    for (const m of [watcher, facilitator, ...others]) m.socket.close();
  });

  it('a vote that changes nothing everyone sees is announced to facilitators only', async () => {
    const { id, board, notes } = await votingBoard();
    const watcher = await connectMember(server, id, board.keys.participant, 'Watcher');
    const voter = await connectMember(server, id, board.keys.participant, 'Voter');
    const facilitator = await connectMember(server, id, board.keys.facilitator, 'Fia');
    const opened = await request<RoundView>(facilitator.socket, 'round:open', { budget: 3 });
    if (!opened.ok) throw new Error(opened.error.message);
    const roundId = opened.data.round.id;
    const events = (member: ConnectedMember, name: string) =>
      member.traffic.filter((t) => t.includes(`"${name}"`));
    // Three votes, each after the last one's progress went out (progress is at most every 100 ms).
    for (const [i, itemId] of notes.slice(0, 3).entries()) {
      await request(voter.socket, 'round:vote', { roundId, itemId });
      await waitFor(
        () => events(facilitator, 'round:participation').length === i + 1,
        `participation after vote ${i + 1}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The count of voters went from 0 to 1 once; the second and third votes left it there.
    expect(events(watcher, 'round:progress')).toHaveLength(1);
    expect(events(watcher, 'round:progress')[0]).toContain('"voters":1');
    expect(events(facilitator, 'round:participation').at(-1)).toContain('"used":3');
    for (const m of [watcher, voter, facilitator]) m.socket.close();
  });

  it("relays no participant's cursor, selection or view while it is open, so no cursor on a dot says whose vote it is (QA)", async () => {
    const { id, board, tokens, notes } = await votingBoard();
    const facilitator = await connectMember(server, id, board.keys.facilitator, 'Fia');
    const ville = await server.join(id, board.keys.participant, 'Ville');
    // A stock client publishes whatever it likes; the server decides what others see.
    const voter = yWebsocketClient(server.url, id, ville.token);
    const watcher = socketIoClient(server.url, id, tokens.participant);
    await Promise.all([voter.synced, watcher.synced]);
    const seen = () =>
      watcher.provider.awareness.getStates().get(voter.doc.clientID) as
        | { cursor?: { x: number } | null; selection?: string[]; mark?: number }
        | undefined;
    const publish = (state: object) =>
      voter.provider.awareness.setLocalState({
        ...voter.provider.awareness.getLocalState(),
        ...state,
      });
    const open = async (anonymous: boolean) => {
      const opened = await request<RoundView>(facilitator.socket, 'round:open', {
        budget: 2,
        anonymous,
      });
      if (!opened.ok) throw new Error(opened.error.message);
      return opened.data.round.id;
    };
    const close = (roundId: string) => request(facilitator.socket, 'round:close', { roundId });

    const anonymous = await open(true);
    publish({ cursor: { x: 5, y: 5 }, selection: [notes[0]], mark: 1 });
    await waitFor(() => seen()?.mark === 1, 'the state sent during the anonymous round');
    expect([seen()?.cursor, seen()?.selection]).toEqual([null, []]);
    await close(anonymous);
    publish({ cursor: { x: 6, y: 6 }, mark: 2 });
    await waitFor(() => seen()?.mark === 2, 'the state sent once it closed');
    expect(seen()?.cursor?.x).toBe(6);

    // A public round shows tallies as they come: cursors show too.
    const open2 = await open(false);
    publish({ cursor: { x: 7, y: 7 }, mark: 3 });
    await waitFor(() => seen()?.mark === 3, 'the state sent during a public round');
    expect(seen()?.cursor?.x).toBe(7);
    await close(open2);
    // Asked after a restart, the server reads whether one is open from the store.
    const third = await open(true);
    server = await server.restart();
    voter.destroy();
    watcher.destroy();
    const again = yWebsocketClient(server.url, id, ville.token);
    const watching = socketIoClient(server.url, id, tokens.participant);
    await Promise.all([again.synced, watching.synced]);
    again.provider.awareness.setLocalState({ cursor: { x: 8, y: 8 }, mark: 4 });
    await waitFor(
      () =>
        (watching.provider.awareness.getStates().get(again.doc.clientID) as { mark?: number })
          ?.mark === 4,
      'the state sent after the restart',
    );
    expect(
      (watching.provider.awareness.getStates().get(again.doc.clientID) as { cursor?: unknown })
        .cursor,
    ).toBeNull();
    const fia = await connectMember(server, id, board.keys.facilitator, 'Fia');
    await request(fia.socket, 'round:close', { roundId: third });
    again.destroy();
    watching.destroy();
    fia.socket.close();
    facilitator.socket.close();
  });

  it('a round that is not anonymous shows live tallies to everyone', async () => {
    const { id, board, notes } = await votingBoard();
    const facilitator = await connectMember(server, id, board.keys.facilitator, 'Fia');
    const voter = await connectMember(server, id, board.keys.participant, 'Ville');
    const opened = await request<RoundView>(facilitator.socket, 'round:open', {
      budget: 2,
      anonymous: false,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    await request(voter.socket, 'round:vote', { roundId: opened.data.round.id, itemId: notes[0] });
    await waitFor(() => voter.traffic.some((t) => t.includes('"results"')), 'live tallies');
    const listed = await request<RoundView[]>(voter.socket, 'round:list');
    expect(listed.ok && listed.data[0]?.results).toEqual([{ itemId: notes[0], votes: 1, rank: 1 }]);
    // A body sent with a list anyway: still answered (it used to take the body for the ack),
    // refused for a field the list does not take (PROTOCOL.md, Requests), listed for `{}`.
    for (const event of ['round:list', 'followup:list', 'snapshot:list'] as const) {
      const answered = await request<unknown[]>(voter.socket, event, { junk: 1 });
      expect([event, answered]).toMatchObject([
        event,
        { ok: false, error: { code: 'invalid_input' } },
      ]);
      expect((await request<unknown[]>(voter.socket, event, {})).ok, event).toBe(true);
    }
    facilitator.socket.close();
    voter.socket.close();
  });
});

describe("a member's votes reach all of their connections", () => {
  it('a vote from one tab or over HTTP updates the others; the tab that voted has its answer', async () => {
    const { id, board, notes, tokens } = await votingBoard();
    const round = await api<RoundView>(`/api/boards/${id}/rounds`, tokens.facilitator, {
      body: { budget: 3 },
    });
    const roundId = round.body.round.id;
    const tabA = await connectMember(server, id, board.keys.participant, 'Pia');
    const tabB = await connectAgain(server, id, tabA);
    const someoneElse = await connectMember(server, id, board.keys.participant, 'Olli');
    const listen = (tab: ConnectedMember) => {
      const received: unknown[] = [];
      tab.socket.on('round:mine', (payload) => received.push(payload));
      return received;
    };
    const heardA = listen(tabA);
    const heardB = listen(tabB);
    const heardElse = listen(someoneElse);

    const voted = await request<VoteResponse>(tabA.socket, 'round:vote', {
      roundId,
      itemId: notes[0],
    });
    expect(voted).toEqual({ ok: true, data: { remaining: 2, myVotes: { [notes[0]!]: 1 } } });
    await waitFor(() => heardB.length === 1, 'the other tab hears of the vote');
    expect(heardB[0]).toEqual({ roundId, remaining: 2, myVotes: { [notes[0]!]: 1 } });

    const votes = `/api/boards/${id}/rounds/${roundId}/votes`;
    const overHttp = await api<VoteResponse>(votes, tabA.token, { body: { itemId: notes[1] } });
    expect(overHttp.body.remaining).toBe(1);
    await waitFor(() => heardA.length === 1 && heardB.length === 2, 'both tabs hear');
    const afterHttp = { roundId, remaining: 1, myVotes: { [notes[0]!]: 1, [notes[1]!]: 1 } };
    expect(heardA[0]).toEqual(afterHttp);
    expect(heardB[1]).toEqual(afterHttp);

    const retracted = await request<VoteResponse>(tabB.socket, 'round:retract', {
      roundId,
      itemId: notes[0],
    });
    expect(retracted.ok && retracted.data.remaining).toBe(2);
    await waitFor(() => heardA.length === 2, 'the first tab hears of the retraction');
    expect(heardA[1]).toEqual({ roundId, remaining: 2, myVotes: { [notes[1]!]: 1 } });

    // A round trip on each connection: anything still on its way would have arrived by now.
    for (const tab of [tabA, tabB, someoneElse]) await request(tab.socket, 'round:list');
    expect(heardA).toHaveLength(2);
    expect(heardB).toHaveLength(2);
    expect(heardElse).toEqual([]);
    for (const tab of [tabA, tabB, someoneElse]) tab.socket.close();
  });
});

describe('results and the clock', () => {
  it('results are identical after a restart, and votes on deleted items are left out and said so', async () => {
    const { id, tokens, notes } = await votingBoard();
    const route = `/api/boards/${id}/rounds`;
    const { body } = await api<RoundView>(route, tokens.facilitator, { body: { budget: 3 } });
    const votes = `${route}/${body.round.id}/votes`;
    await api(votes, tokens.participant, { body: { itemId: notes[0] } });
    await api(votes, tokens.participant, { body: { itemId: notes[1] } });
    await api(votes, tokens.facilitator, { body: { itemId: notes[1] } });
    await api(votes, tokens.facilitator, { body: { itemId: notes[2] } });
    // notes[2] is deleted during the round.
    const editor = socketIoClient(server.url, id, tokens.facilitator);
    await editor.synced;
    editor.doc.getMap('items').delete(notes[2]!);
    const reader = socketIoClient(server.url, id, tokens.viewer);
    await reader.synced;
    await waitFor(() => !reader.doc.getMap('items').has(notes[2]!), 'deleted');
    editor.destroy();
    reader.destroy();
    const closed = await api<CloseRoundResponse>(
      `${route}/${body.round.id}/close`,
      tokens.facilitator,
      {
        body: {},
      },
    );
    // Each result keeps what its item was called at the close.
    expect(closed.body.results).toEqual([
      { itemId: notes[1], votes: 2, rank: 1, label: 'idea 1' },
      { itemId: notes[0], votes: 1, rank: 2, label: 'idea 0' },
    ]);
    expect(closed.body.excluded).toEqual([{ itemId: notes[2], votes: 1, reason: 'item_deleted' }]);

    server = await server.restart();
    const after = await api<RoundView>(`${route}/${body.round.id}`, tokens.participant);
    expect(after.body.results).toEqual(closed.body.results);
    expect(after.body.excluded).toEqual(closed.body.excluded);
    expect(after.body.round).toEqual(closed.body.round);
    // Several rounds stay as history.
    await api(route, tokens.facilitator, { body: { budget: 1 } });
    const history = await api<{ rounds: RoundView[] }>(route, tokens.participant);
    expect(history.body.rounds.map((r) => r.round.status)).toEqual(['closed', 'open']);

    // The winner deleted after the close: the report still says what won.
    const deleter = socketIoClient(server.url, id, tokens.participant);
    await deleter.synced;
    deleter.doc.getMap('items').delete(notes[1]!);
    const check = socketIoClient(server.url, id, tokens.viewer);
    await waitFor(() => check.doc.getMap('items').has(notes[0]!), 'synced');
    await waitFor(() => !check.doc.getMap('items').has(notes[1]!), 'winner deleted');
    deleter.destroy();
    check.destroy();
    const report = await server.api<string>(`/api/boards/${id}/export?format=md`, {
      token: tokens.facilitator,
    });
    expect(String(report.body)).toContain('| 1 | 2 | idea 1 (deleted item) |');
  });

  it('a round with a duration closes by itself', async () => {
    const { id, board, tokens, notes } = await votingBoard();
    const watcher = await connectMember(server, id, board.keys.participant, 'W');
    const { body } = await api<RoundView>(`/api/boards/${id}/rounds`, tokens.facilitator, {
      body: { budget: 1, durationSec: 1 },
    });
    await api(`/api/boards/${id}/rounds/${body.round.id}/votes`, tokens.participant, {
      body: { itemId: notes[0] },
    });
    await waitFor(
      () => watcher.traffic.some((t) => t.includes('round:closed')),
      'auto close',
      5000,
    );
    const after = await api<RoundView>(`/api/boards/${id}/rounds/${body.round.id}`, tokens.viewer);
    expect(after.body.round.status).toBe('closed');
    expect(after.body.round.closedAt).toBe(after.body.round.closesAt);
    expect(after.body.results).toEqual([{ itemId: notes[0], votes: 1, rank: 1, label: 'idea 0' }]);
    watcher.socket.close();
  });

  it('votes that arrive just after the deadline, before the timer runs, still leave it closed', async () => {
    const { id, board, tokens, notes } = await votingBoard();
    const voters = await Promise.all(
      [1, 2, 3].map((n) => connectMember(server, id, board.keys.participant, `V${n}`)),
    );
    const { body } = await api<RoundView>(`/api/boards/${id}/rounds`, tokens.facilitator, {
      body: { budget: 5, durationSec: 1 },
    });
    const closesAt = Date.parse(body.round.closesAt!);
    await new Promise((resolve) => setTimeout(resolve, closesAt - Date.now() - 100));
    const answers = voters.map((voter) =>
      request<VoteResponse>(voter.socket, 'round:vote', {
        roundId: body.round.id,
        itemId: notes[0],
      }),
    );
    // This process is the server's too: held past the deadline, it reads the votes before its
    // timer's turn comes.
    while (Date.now() < closesAt + 20) {}
    for (const answer of await Promise.all(answers)) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'round_closed' } });
    }
    await waitFor(
      () => voters[0]!.traffic.some((t) => t.includes('round:closed')),
      'round:closed',
      5000,
    );
    const after = await api<RoundView>(`/api/boards/${id}/rounds/${body.round.id}`, tokens.viewer);
    expect(after.body.round.status).toBe('closed');
    expect(after.body.round.closedAt).toBe(body.round.closesAt);
    const closedEvents = voters[0]!.traffic.filter((t) => t.includes('round:closed'));
    expect(closedEvents).toHaveLength(1);
    for (const voter of voters) voter.socket.close();
  });

  it('a round whose time ran out while the clock jumped ahead closes at the next vote, and the next round opens (QA, time)', async () => {
    const { id, tokens, notes } = await votingBoard();
    const { body } = await api<RoundView>(`/api/boards/${id}/rounds`, tokens.facilitator, {
      body: { budget: 1, durationSec: 600 },
    });
    // The machine slept ten minutes (a VM suspended and resumed): the wall clock jumps, while
    // the round's timer, on the monotonic clock, still has ten minutes to go.
    const jump = 601_000;
    const realNow = Date.now;
    Date.now = () => realNow() + jump;
    try {
      const late = await api<ErrorResponse>(
        `/api/boards/${id}/rounds/${body.round.id}/votes`,
        tokens.participant,
        { body: { itemId: notes[0] } },
      );
      expect([late.status, late.body.error.code]).toEqual([409, 'round_closed']);
      await expect
        .poll(
          async () =>
            (await api<RoundView>(`/api/boards/${id}/rounds/${body.round.id}`, tokens.viewer)).body
              .round.status,
          { timeout: 3000 },
        )
        .toBe('closed');
      const after = await api<RoundView>(
        `/api/boards/${id}/rounds/${body.round.id}`,
        tokens.viewer,
      );
      expect(after.body.round.closedAt).toBe(body.round.closesAt);
      // Another round past an overdue one's deadline opens without closing it by hand.
      const again = await api<RoundView>(`/api/boards/${id}/rounds`, tokens.facilitator, {
        body: { budget: 1, durationSec: 60 },
      });
      expect(again.status).toBe(201);
    } finally {
      Date.now = realNow;
    }
  });

  it('a round past its deadline does not block the next one from opening (QA, time)', async () => {
    const { id, tokens } = await votingBoard();
    const { body } = await api<RoundView>(`/api/boards/${id}/rounds`, tokens.facilitator, {
      body: { budget: 1, durationSec: 600 },
    });
    const realNow = Date.now;
    Date.now = () => realNow() + 601_000;
    try {
      const next = await api<RoundView>(`/api/boards/${id}/rounds`, tokens.facilitator, {
        body: { budget: 1 },
      });
      expect(next.status).toBe(201);
      const before = await api<RoundView>(
        `/api/boards/${id}/rounds/${body.round.id}`,
        tokens.viewer,
      );
      expect([before.body.round.status, before.body.round.closedAt]).toEqual([
        'closed',
        body.round.closesAt,
      ]);
    } finally {
      Date.now = realNow;
    }
  });

  it('a round whose time ran out while the server was down is closed at start', async () => {
    const { id, tokens, notes } = await votingBoard();
    const { body } = await api<RoundView>(`/api/boards/${id}/rounds`, tokens.facilitator, {
      body: { budget: 1, durationSec: 1 },
    });
    await api(`/api/boards/${id}/rounds/${body.round.id}/votes`, tokens.participant, {
      body: { itemId: notes[3] },
    });
    const { dataDir, env } = server;
    await server.close();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    server = await startTestServer(env, dataDir);
    const after = await api<RoundView>(`/api/boards/${id}/rounds/${body.round.id}`, tokens.viewer);
    expect(after.body.round.status).toBe('closed');
    expect(after.body.round.closedAt).toBe(body.round.closesAt);
    expect(after.body.results).toEqual([{ itemId: notes[3], votes: 1, rank: 1, label: 'idea 3' }]);
  });
});
