import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { KEEP_NEWEST } from '../../server/follow-through/retention.ts';
import type { GetBoardResponse } from '../../shared/api.ts';
import { addItem, itemsOf, metaOf, NOTE_COLORS, readItems } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import type { Snapshot } from '../../shared/follow-through.ts';
import { socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ SNAPSHOT_INTERVAL_MS: '1000' });
});
afterAll(async () => {
  await server.close();
});

const sorted = (doc: Y.Doc) => readItems(doc).sort((a, b) => a.id.localeCompare(b.id));
const same = (a: Y.Doc, b: Y.Doc) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

describe('snapshots and restore', () => {
  it('restores for live clients on both transports without reconnecting, and can be undone', async () => {
    const { board, tokens } = await server.boardWithMembers('retrospective');
    const id = board.board.id;
    const sio = socketIoClient(server.url, id, tokens.facilitator);
    const yws = yWebsocketClient(server.url, id, tokens.participant);
    await Promise.all([sio.synced, yws.synced]);
    const keep = addItem(sio.doc, { type: 'note', x: 0, y: 0, text: 'version one' });
    await waitFor(() => itemsOf(yws.doc).has(keep), 'note everywhere');
    const v1 = sorted(sio.doc);
    const saved = await server.api<Snapshot>(`/api/boards/${id}/snapshots`, {
      token: tokens.participant,
      body: { name: 'Before lunch' },
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'Before lunch', reason: 'manual' });

    // Later changes: a new note, an edited note, a deleted frame (by the facilitator: the
    // template's frames are pinned).
    addItem(yws.doc, { type: 'note', x: 9, y: 9, text: 'after lunch' });
    (itemsOf(yws.doc).get(keep)!.get('text') as Y.Text).insert(0, 'edited ');
    const frame = readItems(sio.doc).find((item) => item.type === 'frame')!;
    expect(frame.pinned).toBe(true);
    itemsOf(sio.doc).delete(frame.id);
    await waitFor(() => same(sio.doc, yws.doc) && itemsOf(sio.doc).size === v1.length, 'v2 synced');
    const v2 = sorted(sio.doc);
    expect(v2).not.toEqual(v1);

    const refused = await server.api<ErrorResponse>(
      `/api/boards/${id}/snapshots/${saved.body.id}/restore`,
      { token: tokens.participant, body: {} },
    );
    expect([refused.status, refused.body.error.code]).toEqual([403, 'role_not_allowed']);
    // Everyone hears who restored: by id as well as by name, since names may repeat.
    const told = new Promise((resolve) => sio.provider.socket.once('board:restored', resolve));
    const facilitator = await server.api<GetBoardResponse>(`/api/boards/${id}`, {
      token: tokens.facilitator,
    });
    const restored = await server.api(`/api/boards/${id}/snapshots/${saved.body.id}/restore`, {
      token: tokens.facilitator,
      body: {},
    });
    expect(restored.status).toBe(200);
    expect(await told).toEqual({
      snapshotId: saved.body.id,
      by: facilitator.body.me.name,
      memberId: facilitator.body.me.id,
      undoSnapshotId: expect.any(String),
      // One note added since the version goes, one deleted since comes back, one edited reverts.
      removed: 1,
      added: 1,
      changed: 1,
    });
    // Same provider objects: nobody reconnected.
    await waitFor(
      () => JSON.stringify(sorted(sio.doc)) === JSON.stringify(v1),
      'socket.io restored',
    );
    await waitFor(
      () => JSON.stringify(sorted(yws.doc)) === JSON.stringify(v1),
      'y-websocket restored',
    );
    expect(sio.provider.socket.connected).toBe(true);

    // The restore took a snapshot of the board as it was: restoring that brings v2 back.
    const list = await server.api<{ snapshots: Snapshot[] }>(`/api/boards/${id}/snapshots`, {
      token: tokens.viewer,
    });
    const before = list.body.snapshots.find((s) => s.reason === 'before_restore')!;
    expect(before).toBeDefined();
    await server.api(`/api/boards/${id}/snapshots/${before.id}/restore`, {
      token: tokens.facilitator,
      body: {},
    });
    await waitFor(() => JSON.stringify(sorted(yws.doc)) === JSON.stringify(v2), 'v2 back');
    // And the live board keeps working afterwards.
    const after = addItem(yws.doc, { type: 'note', x: 1, y: 1, text: 'still live' });
    await waitFor(() => itemsOf(sio.doc).has(after), 'edit after restore');
    sio.destroy();
    yws.destroy();
  });

  it('a snapshot is taken before every voting round opens, and periodically while a board changes', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    await server.api(`/api/boards/${id}/rounds`, {
      token: tokens.facilitator,
      body: { budget: 1 },
    });
    const client = socketIoClient(server.url, id, tokens.facilitator);
    await client.synced;
    addItem(client.doc, { type: 'note', x: 0, y: 0, text: 'changing' });
    const list = async () =>
      (
        await server.api<{ snapshots: Snapshot[] }>(`/api/boards/${id}/snapshots`, {
          token: tokens.viewer,
        })
      ).body.snapshots;
    let snapshots = await list();
    expect(snapshots.map((s) => s.reason)).toContain('before_round');
    const started = Date.now();
    while (!snapshots.some((s) => s.reason === 'periodic') && Date.now() - started < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      snapshots = await list();
    }
    expect(snapshots.some((s) => s.reason === 'periodic')).toBe(true);
    // Unchanged boards are not snapshotted again.
    const count = snapshots.length;
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect((await list()).length).toBe(count);
    // A change that only deletes is a change (the state vector alone would not show it).
    itemsOf(client.doc).delete(Array.from(itemsOf(client.doc).keys())[0]!);
    const waited = Date.now();
    while ((await list()).length === count && Date.now() - waited < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect((await list()).length).toBe(count + 1);
    client.destroy();
  });

  it('unknown snapshot ids are 404, and a viewer cannot save one', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const unknown = await server.api<ErrorResponse>(`/api/boards/${id}/snapshots/nope/restore`, {
      token: tokens.facilitator,
      body: {},
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'snapshot_not_found']);
    // A restore is not acted on when its request is not what the API takes (QA: it was).
    const saved = await server.api<Snapshot>(`/api/boards/${id}/snapshots`, {
      token: tokens.facilitator,
      body: {},
    });
    const before = await server.api<{ snapshots: Snapshot[] }>(`/api/boards/${id}/snapshots`, {
      token: tokens.facilitator,
    });
    const bogus = await server.api<ErrorResponse>(
      `/api/boards/${id}/snapshots/${saved.body.id}/restore`,
      { token: tokens.facilitator, body: { bogus: true } },
    );
    expect([bogus.status, bogus.body.error.code]).toEqual([400, 'invalid_input']);
    const after = await server.api<{ snapshots: Snapshot[] }>(`/api/boards/${id}/snapshots`, {
      token: tokens.facilitator,
    });
    // A restore would have saved a "before restore" version first.
    expect(after.body.snapshots.length).toBe(before.body.snapshots.length);
    const viewer = await server.api<ErrorResponse>(`/api/boards/${id}/snapshots`, {
      token: tokens.viewer,
      body: {},
    });
    expect([viewer.status, viewer.body.error.code]).toEqual([403, 'role_not_allowed']);
  });

  it('a name of null saves an unnamed one, as a snapshot returns it; an empty name is 400', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const route = `/api/boards/${board.board.id}/snapshots`;
    const unnamed = await server.api<Snapshot>(route, {
      token: tokens.facilitator,
      body: { name: null },
    });
    expect([unnamed.status, unnamed.body.name, unnamed.body.reason]).toEqual([201, null, 'manual']);
    const empty = await server.api<ErrorResponse>(route, {
      token: tokens.facilitator,
      body: { name: '  ' },
    });
    expect([empty.status, empty.body.error.code]).toEqual([400, 'invalid_input']);
  });

  it('manual snapshots are kept for good, so a board takes ten at once, then one every 30 s, from participants and from facilitators each', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const save = (boardId: string, token: string) =>
      server.api<ErrorResponse>(`/api/boards/${boardId}/snapshots`, { token, body: {} });
    const statuses: number[] = [];
    for (let n = 0; n < 11; n++)
      statuses.push((await save(board.board.id, tokens.participant)).status);
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
    const refused = await save(board.board.id, tokens.participant);
    expect([refused.status, refused.body.error.code]).toEqual([429, 'rate_limited']);
    expect(refused.body.error.message).toMatch(/try again in \d+ s/);
    // The wait in the message is the one Retry-After gives a program (API.md's error table).
    const wait = Number(refused.body.error.message.match(/try again in (\d+) s/)?.[1]);
    expect(Number(refused.headers.get('retry-after'))).toBe(wait);
    // Participants who used up theirs do not keep the facilitator from saving a version
    // (QA: one participant's script could), and the facilitator's budget is as bounded.
    const facilitator: number[] = [];
    for (let n = 0; n < 11; n++)
      facilitator.push((await save(board.board.id, tokens.facilitator)).status);
    expect(facilitator).toEqual([...Array(10).fill(201), 429]);
    // Another board has its own.
    const other = await server.boardWithMembers();
    expect((await save(other.board.board.id, other.tokens.participant)).status).toBe(201);
  });
});

describe('automatic snapshots that would repeat the newest one', () => {
  // No periodic snapshots here: only the ones the test asks for.
  let quiet: TestServer;
  beforeAll(async () => {
    quiet = await startTestServer({ SNAPSHOT_INTERVAL_MS: '3600000' });
  });
  afterAll(async () => {
    await quiet.close();
  });

  it('before every round and every restore, changed or not; periodic ones only when the content changed', async () => {
    const { board, tokens } = await quiet.boardWithMembers('retrospective');
    const id = board.board.id;
    const reasons = async () =>
      (
        await quiet.api<{ snapshots: Snapshot[] }>(`/api/boards/${id}/snapshots`, {
          token: tokens.viewer,
        })
      ).body.snapshots.map((s) => s.name ?? s.reason);
    const round = async () => {
      const opened = await quiet.api<{ round: { id: string } }>(`/api/boards/${id}/rounds`, {
        token: tokens.facilitator,
        body: { budget: 1 },
      });
      expect(opened.status).toBe(201);
      const closed = await quiet.api(`/api/boards/${id}/rounds/${opened.body.round.id}/close`, {
        token: tokens.facilitator,
        method: 'POST',
      });
      expect(closed.status).toBe(200);
    };
    const periodic = () =>
      quiet.followThrough.snapshots.snapshotIfChanged(quiet.documents.open({ boardId: id }));

    // Three rounds, nothing changed in between: each has the board as it was before it.
    await round();
    await round();
    await round();
    expect(await reasons()).toEqual(['before_round', 'before_round', 'before_round']);
    // The periodic check finds nothing new to keep.
    expect(periodic()).toBeUndefined();

    // Saving a version keeps it, even when the board is what the newest snapshot holds.
    const lunch = await quiet.api<Snapshot>(`/api/boards/${id}/snapshots`, {
      token: tokens.participant,
      body: { name: 'Before lunch' },
    });
    expect(lunch.status).toBe(201);

    // A change: the periodic check keeps it, once.
    const client = socketIoClient(quiet.url, id, tokens.facilitator);
    await client.synced;
    const note = addItem(client.doc, { type: 'note', x: 0, y: 0, text: 'after lunch' });
    const onServer = () => itemsOf(quiet.documents.open({ boardId: id }).doc);
    await waitFor(() => onServer().has(note), 'the note on the server');
    expect(periodic()?.reason).toBe('periodic');
    expect(periodic()).toBeUndefined();

    // Content, not edit history: a note added and deleted again leaves the board as it was.
    const passing = addItem(client.doc, { type: 'note', x: 5, y: 5, text: 'passing thought' });
    await waitFor(() => onServer().has(passing), 'the passing note on the server');
    itemsOf(client.doc).delete(passing);
    await waitFor(() => !onServer().has(passing), 'the passing note gone');
    expect(periodic()).toBeUndefined();

    // A restore keeps the board as it was first, and so does the next, onto an unchanged board.
    for (let time = 0; time < 2; time++) {
      const restored = await quiet.api(`/api/boards/${id}/snapshots/${lunch.body.id}/restore`, {
        token: tokens.facilitator,
        body: {},
      });
      expect(restored.status).toBe(200);
    }
    await waitFor(() => !itemsOf(client.doc).has(note), 'the restore reaches the client');
    expect(await reasons()).toEqual([
      'before_restore',
      'before_restore',
      'periodic',
      'Before lunch',
      'before_round',
      'before_round',
      'before_round',
    ]);
    client.destroy();
  });

  it('are stored after any change a restore would bring back: meta, a concept field, z or colour alone', async () => {
    const { board, tokens } = await quiet.boardWithMembers();
    const id = board.board.id;
    const client = socketIoClient(quiet.url, id, tokens.facilitator);
    await client.synced;
    const count = async () =>
      (
        await quiet.api<{ snapshots: Snapshot[] }>(`/api/boards/${id}/snapshots`, {
          token: tokens.viewer,
        })
      ).body.snapshots.length;
    const onServer = () => quiet.documents.open({ boardId: id }).doc;
    const content = () =>
      JSON.stringify([itemsOf(onServer()).toJSON(), metaOf(onServer()).toJSON()]);
    const note = addItem(client.doc, { type: 'note', x: 0, y: 0, text: 'note' });
    const concept = addItem(client.doc, { type: 'concept', x: 500, y: 0 });
    await waitFor(() => itemsOf(onServer()).has(concept), 'the items on the server');
    /** How many snapshots the periodic check stores after `change`. */
    const periodicAfter = async (change?: () => void) => {
      const before = await count();
      const seen = content();
      if (change) {
        change();
        await waitFor(() => content() !== seen, 'the change on the server');
      }
      quiet.followThrough.snapshots.snapshotIfChanged(quiet.documents.open({ boardId: id }));
      return (await count()) - before;
    };
    const item = (itemId: string) => itemsOf(client.doc).get(itemId)!;
    expect(await periodicAfter()).toBe(1);
    expect(await periodicAfter()).toBe(0);
    expect(await periodicAfter(() => metaOf(client.doc).set('language', 'fi'))).toBe(1);
    expect(await periodicAfter(() => item(note).set('z', 7))).toBe(1);
    expect(await periodicAfter(() => item(note).set('color', NOTE_COLORS[3]))).toBe(1);
    const fields = item(concept).get('fields') as Y.Map<unknown>;
    expect(
      await periodicAfter(() => {
        const name = fields.get('name');
        if (name instanceof Y.Text) name.insert(0, 'Pilot');
        else fields.set('name', 'Pilot');
      }),
    ).toBe(1);
    client.destroy();
  });
});

describe('the history as connected clients see it', () => {
  // No periodic snapshots: every automatic one here comes from a round opening on a change.
  let quiet: TestServer;
  beforeAll(async () => {
    quiet = await startTestServer({ SNAPSHOT_INTERVAL_MS: '3600000' });
  });
  afterAll(async () => {
    await quiet.close();
  });

  async function board() {
    const { board, tokens } = await quiet.boardWithMembers();
    const id = board.board.id;
    const editor = socketIoClient(quiet.url, id, tokens.facilitator);
    await editor.synced;
    const onServer = () => itemsOf(quiet.documents.open({ boardId: id }).doc);
    const change = async () => {
      const note = addItem(editor.doc, { type: 'note', x: 0, y: 0, text: 'a change' });
      await waitFor(() => onServer().has(note), 'the note on the server');
    };
    /** A change, then a periodic snapshot (the timer's, taken now). */
    const periodicAfterAChange = async () => {
      await change();
      return quiet.followThrough.snapshots.take(id, { reason: 'periodic' });
    };
    /** A change, then a round: one `before_round` snapshot. */
    const roundAfterAChange = async (title?: string) => {
      await change();
      const opened = await quiet.api<{ round: { id: string; title: string } }>(
        `/api/boards/${id}/rounds`,
        { token: tokens.facilitator, body: { budget: 1, ...(title ? { title } : {}) } },
      );
      expect(opened.status).toBe(201);
      const closed = await quiet.api(`/api/boards/${id}/rounds/${opened.body.round.id}/close`, {
        token: tokens.facilitator,
        method: 'POST',
      });
      expect(closed.status).toBe(200);
      return opened.body.round;
    };
    const list = async () =>
      (
        await quiet.api<{ snapshots: Snapshot[] }>(`/api/boards/${id}/snapshots`, {
          token: tokens.viewer,
        })
      ).body.snapshots;
    return { id, tokens, editor, periodicAfterAChange, roundAfterAChange, list };
  }

  it('a snapshot thinned out by retention is announced to every open page, which can drop it', async () => {
    const { id, tokens, editor, periodicAfterAChange, list } = await board();
    // A viewer's page, listening as the history panel does.
    const viewer = socketIoClient(quiet.url, id, tokens.viewer);
    await viewer.synced;
    const created: Snapshot[] = [];
    const deleted: string[][] = [];
    viewer.provider.socket.on('snapshot:created', (snapshot) => created.push(snapshot));
    viewer.provider.socket.on('snapshot:deleted', ({ ids }) => deleted.push(ids));
    const saved = await quiet.api<Snapshot>(`/api/boards/${id}/snapshots`, {
      token: tokens.participant,
      body: { name: 'Kept forever' },
    });
    expect(saved.status).toBe(201);

    // The newest 10 periodic snapshots stay; of older ones, one per hour: the 12th periodic
    // snapshot taken within the hour lets the oldest go. (A round's or a restore's way back is
    // kept for 30 days: retention.ts.)
    for (let n = 0; n < KEEP_NEWEST + 1; n++) await periodicAfterAChange();
    await waitFor(() => created.length === KEEP_NEWEST + 2, 'every snapshot announced');
    expect(deleted).toEqual([]);
    await periodicAfterAChange();
    await waitFor(() => deleted.length === 1, 'the thinned snapshot announced');
    const oldest = created.find((s) => s.reason === 'periodic')!;
    expect(deleted).toEqual([[oldest.id]]);

    // What the page holds after applying both events is what the server lists.
    const seen = created.filter((s) => !deleted.flat().includes(s.id)).map((s) => s.id);
    const listed = (await list()).map((s) => s.id);
    expect(listed.sort()).toEqual(seen.sort());
    expect(listed).toContain(saved.body.id);
    expect(listed).not.toContain(oldest.id);
    const gone = await quiet.api<ErrorResponse>(
      `/api/boards/${id}/export?format=md&snapshot=${oldest.id}`,
      { token: tokens.viewer },
    );
    expect([gone.status, gone.body.error.code]).toEqual([404, 'snapshot_not_found']);
    viewer.destroy();
    editor.destroy();
  });

  it('a facilitator deletes a version that holds what should not be kept: gone for everyone, the board as it was (privacy QA)', async () => {
    const { id, tokens, editor, periodicAfterAChange, list } = await board();
    const viewer = socketIoClient(quiet.url, id, tokens.viewer);
    await viewer.synced;
    const deleted: string[][] = [];
    viewer.provider.socket.on('snapshot:deleted', ({ ids }) => deleted.push(ids));
    const note = addItem(editor.doc, { type: 'note', x: 0, y: 0, text: 'Matti is on sick leave' });
    await waitFor(() => itemsOf(quiet.documents.open({ boardId: id }).doc).has(note), 'stored');
    const saved = await quiet.api<Snapshot>(`/api/boards/${id}/snapshots`, {
      token: tokens.participant,
      body: { name: 'Before lunch' },
    });
    const newest = await periodicAfterAChange();
    itemsOf(editor.doc).delete(note);

    const del = (snapshotId: string, token: string) =>
      quiet.api<ErrorResponse>(`/api/boards/${id}/snapshots/${snapshotId}`, {
        method: 'DELETE',
        token,
      });
    for (const [answer, status, code] of [
      [await del(saved.body.id, tokens.participant), 403, 'role_not_allowed'],
      [await del(saved.body.id, tokens.viewer), 403, 'role_not_allowed'],
      [await del('no-such-version', tokens.facilitator), 404, 'snapshot_not_found'],
    ] as const) {
      expect([answer.status, answer.body.error.code]).toEqual([status, code]);
    }
    expect((await del(saved.body.id, tokens.facilitator)).status).toBe(204);
    // Over Socket.io as over HTTP: the newest one, which the next automatic one is compared with.
    const answer = await new Promise<{ ok: boolean }>((resolve) =>
      editor.provider.socket.emit('snapshot:delete', { snapshotId: newest.id }, resolve),
    );
    expect(answer.ok).toBe(true);
    await waitFor(() => deleted.length === 2, 'both deletions announced');
    expect(deleted).toEqual([[saved.body.id], [newest.id]]);
    // History goes on: the next automatic version is taken as ever.
    const next = await periodicAfterAChange();
    const listed = (await list()).map((snapshot) => snapshot.id);
    expect(listed).toEqual([next.id]);
    expect(listed).not.toContain(saved.body.id);
    expect(listed).not.toContain(newest.id);
    const gone = await quiet.api<ErrorResponse>(
      `/api/boards/${id}/export?format=md&snapshot=${saved.body.id}`,
      { token: tokens.facilitator },
    );
    expect([gone.status, gone.body.error.code]).toEqual([404, 'snapshot_not_found']);
    // No version left holds the note; the board is as it was.
    for (const snapshotId of listed) {
      const md = await quiet.api<string>(
        `/api/boards/${id}/export?format=md&snapshot=${snapshotId}`,
        { token: tokens.facilitator },
      );
      expect(md.body).not.toContain('sick leave');
    }
    expect(readItems(quiet.documents.open({ boardId: id }).doc).length).toBeGreaterThan(0);
    viewer.destroy();
    editor.destroy();
  });

  it('a snapshot taken before a voting round names that round', async () => {
    const { editor, roundAfterAChange, list } = await board();
    const named = await roundAfterAChange('First pick');
    const untitled = await roundAfterAChange();
    const [second, first] = await list();
    expect(first).toMatchObject({
      reason: 'before_round',
      name: null,
      round: { id: named.id, title: 'First pick' },
    });
    // A round opened without a title is named by the server ("Round 2"): so is its snapshot.
    expect(second).toMatchObject({
      reason: 'before_round',
      round: { id: untitled.id, title: untitled.title },
    });
    expect(untitled.title).toMatch(/2/);
    // The server stopped between a round's snapshot and the round: nothing names a round
    // that never opened (as if the second round's row had never been written).
    quiet.db.prepare('DELETE FROM rounds WHERE id = ?').run(untitled.id);
    const [unnamed] = await list();
    expect(unnamed).toMatchObject({ id: second!.id, reason: 'before_round' });
    expect(unnamed).not.toHaveProperty('round');
    editor.destroy();
  });
});
