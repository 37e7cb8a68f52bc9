import Database from 'better-sqlite3';
import * as encoding from 'lib0/encoding';
import { v5 as uuidv5 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SocketIoProvider } from '../../client/src/sync/socketio-provider.ts';
import { addItem, type Item, itemsOf, readItems } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import type { BoardRestored } from '../../shared/events.ts';
import type { BoardState, RevealResponse, SilentProgress } from '../../shared/facilitation.ts';
import type { Snapshot } from '../../shared/follow-through.ts';
import { placeNewNote } from '../../shared/note-placement.ts';
import { onSameSpot } from '../../shared/note-spots.ts';
import { sleep, socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { connectAgain, connectMember, request } from '../helpers/members.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ JOIN_RATE_PER_MIN: '100000' });
});
afterAll(async () => {
  await server.close();
});

function privateClient(boardId: string, token: string) {
  const doc = new Y.Doc();
  const provider = new SocketIoProvider(server.url, boardId, doc, {
    token,
    channel: 'private:yjs',
    socket: { reconnection: false },
  });
  const synced = new Promise<void>((resolve) => provider.on('synced', (s) => s && resolve()));
  const destroy = () => {
    provider.destroy();
    doc.destroy();
  };
  return { doc, provider, synced, destroy };
}

/** A y-protocols sync update message carrying `update`. */
function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

const storedText = (boardId: string) =>
  Buffer.concat(
    (
      server.db.prepare('SELECT data FROM document_updates WHERE doc_id = ?').all(boardId) as {
        data: Buffer;
      }[]
    ).map((r) => r.data),
  ).toString('latin1');

/** A new board with Fia its facilitator, Aino a participant, and Fia's silent-writing control. */
async function boardOfFiaAndAino() {
  const created = await server.createBoard();
  const id = created.board.id;
  const fia = await server.join(id, created.keys.facilitator, 'Fia');
  const aino = await server.join(id, created.keys.participant, 'Aino');
  const silentWriting = (body: object) =>
    server.api<RevealResponse>(`/api/boards/${id}/silent-writing`, { body, token: fia.token });
  return { id, fia, aino, silentWriting };
}

describe('silent writing', () => {
  it("keeps each participant's notes private until the reveal, then shows them to everyone", async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const facilitator = await connectMember(server, id, created.keys.facilitator, 'Fia');
    const other = await connectMember(server, id, created.keys.participant, 'Olli');
    const writer = await server.join(id, created.keys.participant, 'Aino');
    const otherBoard = socketIoClient(server.url, id, other.token);
    await otherBoard.synced;

    const started = await request<BoardState>(facilitator.socket, 'silent:start', {});
    expect(started.ok && started.data.silentWriting).toBe(true);

    // Aino writes privately over Socket.io and over the stock y-websocket client.
    const mine = privateClient(id, writer.token);
    await mine.synced;
    addItem(mine.doc, { type: 'note', x: 0, y: 0, text: 'SECRET-IDEA-ONE' });
    const stock = new Y.Doc();
    const stockProvider = new WebsocketProvider(
      `${server.url.replace('http', 'ws')}/yjs`,
      `${id}/private`,
      stock,
      {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token: writer.token },
      },
    );
    await new Promise<void>((resolve) => stockProvider.on('sync', (s: boolean) => s && resolve()));
    await waitFor(() => itemsOf(stock).size === 1, 'same private doc on both transports');
    addItem(stock, { type: 'note', x: 10, y: 0, text: 'SECRET-IDEA-TWO' });
    await waitFor(() => itemsOf(mine.doc).size === 2, 'private sync');

    // Olli cannot read Aino's private document: his token opens only his own.
    const snoop = privateClient(id, other.token);
    await snoop.synced;
    expect(itemsOf(snoop.doc).size).toBe(0);
    // Writing into the shared board is refused while silent writing runs.
    const errors: string[] = [];
    const sharedWriter = socketIoClient(server.url, id, writer.token);
    await sharedWriter.synced;
    sharedWriter.provider.on('board-error', (e) => errors.push(e.code));
    addItem(sharedWriter.doc, { type: 'note', x: 0, y: 0, text: 'SECRET-IN-SHARED' });
    await waitFor(() => errors.includes('read_only'), 'read_only');
    // A participant cannot reveal.
    const refused = await server.api<ErrorResponse>(`/api/boards/${id}/silent-writing`, {
      body: { action: 'reveal' },
      token: other.token,
    });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'role_not_allowed']);
    await sleep(100);

    // Nothing of it reached anyone else: not Olli's events, not his board document.
    const olliSaw = [...other.traffic, ...other.binary.map((b) => b.toString('latin1'))].join('');
    const fiaSaw = [
      ...facilitator.traffic,
      ...facilitator.binary.map((b) => b.toString('latin1')),
    ].join('');
    for (const secret of ['SECRET-IDEA-ONE', 'SECRET-IDEA-TWO', 'SECRET-IN-SHARED']) {
      expect(olliSaw).not.toContain(secret);
      expect(fiaSaw).not.toContain(secret);
      expect(JSON.stringify(readItems(otherBoard.doc))).not.toContain(secret);
      expect(storedText(id)).not.toContain(secret);
    }

    // The reveal: both notes enter the shared board at once, with their author.
    const revealed = await request<RevealResponse>(facilitator.socket, 'silent:reveal', {});
    expect(revealed).toEqual({ ok: true, data: { revealed: 2 } });
    await waitFor(() => itemsOf(otherBoard.doc).size === 2, 'revealed to Olli');
    const notes = readItems(otherBoard.doc);
    expect(notes.map((n) => (n.type === 'note' ? n.text : '')).sort()).toEqual([
      'SECRET-IDEA-ONE',
      'SECRET-IDEA-TWO',
    ]);
    expect(notes.every((n) => n.author === writer.member.id)).toBe(true);
    // They left the private document, and the board is open for participants again.
    await waitFor(() => itemsOf(mine.doc).size === 0, 'private doc emptied');
    const state = await server.api<BoardState>(`/api/boards/${id}/state`, { token: other.token });
    expect(state.body.silentWriting).toBe(false);
    // The refused shared-board note stayed refused.
    expect(JSON.stringify(notes)).not.toContain('SECRET-IN-SHARED');

    for (const c of [mine, snoop, sharedWriter, otherBoard]) c.destroy();
    stockProvider.destroy();
    facilitator.socket.close();
    other.socket.close();
  });

  it('an anonymous reveal drops author names, and private notes survive a restart', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const aino = await server.join(id, created.keys.participant, 'Aino');
    const start = await server.api(`/api/boards/${id}/silent-writing`, {
      body: { action: 'start' },
      token: fia.token,
    });
    expect(start.status).toBe(200);
    const mine = privateClient(id, aino.token);
    await mine.synced;
    addItem(mine.doc, {
      type: 'note',
      x: 0,
      y: 0,
      text: 'kept across restart',
      author: aino.member.id,
    });
    const privateId = `${id}/private/${aino.member.id}`;
    await waitFor(() => storedText(privateId).includes('kept across restart'), 'stored');
    mine.destroy();

    server = await server.restart();
    const again = privateClient(id, aino.token);
    await again.synced;
    expect(readItems(again.doc).map((n) => (n.type === 'note' ? n.text : ''))).toEqual([
      'kept across restart',
    ]);
    again.destroy();

    const reveal = await server.api<RevealResponse>(`/api/boards/${id}/silent-writing`, {
      body: { action: 'reveal', anonymous: true },
      token: fia.token,
    });
    expect(reveal.body).toEqual({ revealed: 1 });
    const reader = socketIoClient(server.url, id, fia.token);
    await reader.synced;
    const [note] = readItems(reader.doc);
    expect(note).toMatchObject({ type: 'note', text: 'kept across restart' });
    expect(note?.author).toBeUndefined();
    reader.destroy();
    const twice = await server.api<ErrorResponse>(`/api/boards/${id}/silent-writing`, {
      body: { action: 'reveal' },
      token: fia.token,
    });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'silent_writing_not_running']);
  });
  it('a restore just after a reveal says what it took away, and its undo brings the revealed notes back (QA, two facilitators)', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const fia = await connectMember(server, id, created.keys.facilitator, 'Fia');
    const fran = await server.join(id, created.keys.facilitator, 'Fran');
    const aino = await server.join(id, created.keys.participant, 'Aino');
    const post = <T>(route: string, token: string, body: object = {}) =>
      server.api<T>(`/api/boards/${id}${route}`, { token, body });
    await post('/silent-writing', fia.token, { action: 'start' });
    const version = await post<Snapshot>('/snapshots', fran.token, { name: 'During writing' });
    const mine = privateClient(id, aino.token);
    await mine.synced;
    addItem(mine.doc, { type: 'note', x: 0, y: 0, text: 'my quiet idea', author: aino.member.id });
    await waitFor(() => storedText(`${id}/private/${aino.member.id}`).includes('quiet'), 'stored');
    mine.destroy();

    // Fia reveals; Fran, not yet knowing, restores the version saved during the writing.
    await post('/silent-writing', fia.token, { action: 'reveal' });
    await post(`/snapshots/${version.body.id}/restore`, fran.token);
    const told = () =>
      fia.traffic
        .filter((packet) => packet.includes('"board:restored"'))
        .map((packet) => JSON.parse(packet.slice(packet.indexOf('['))) as [string, BoardRestored]);
    await waitFor(() => told().length === 1, 'board:restored');
    const [[, restored] = []] = told();
    expect(restored).toMatchObject({ by: 'Fran', removed: 1, added: 0, changed: 0 });
    const reader = socketIoClient(server.url, id, fia.token);
    await reader.synced;
    expect(readItems(reader.doc)).toEqual([]);

    // The way back is named: restoring it puts the revealed note on the board again.
    await post(`/snapshots/${restored?.undoSnapshotId}/restore`, fia.token);
    await waitFor(() => readItems(reader.doc).length === 1, 'the note is back');
    expect(readItems(reader.doc)[0]).toMatchObject({
      text: 'my quiet idea',
      author: aino.member.id,
    });
    reader.destroy();
    fia.socket.close();
  });

  it("a reveal without names groups no one's notes: one change, in no writer's order, under ids no member can work out", async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const viewer = await server.join(id, created.keys.viewer, 'Ville');
    const writers = await Promise.all(
      ['Aino', 'Bea', 'Cai', 'Dan'].map((name) => server.join(id, created.keys.participant, name)),
    );
    const start = await server.api(`/api/boards/${id}/silent-writing`, {
      body: { action: 'start' },
      token: fia.token,
    });
    expect(start.status).toBe(200);
    const privateIds = new Map<string, { owner: string; privateId: string }>();
    for (const writer of writers) {
      const mine = privateClient(id, writer.token);
      await mine.synced;
      for (let n = 0; n < 4; n++) {
        const text = `${writer.member.name}-${n}`;
        const privateId = addItem(mine.doc, { type: 'note', x: n * 220, y: 0, text });
        // As the writer's page stacks each new note on their last.
        itemsOf(mine.doc)
          .get(privateId)
          ?.set('z', n + 1);
        privateIds.set(text, { owner: writer.member.id, privateId });
      }
      await waitFor(
        () => storedText(`${id}/private/${writer.member.id}`).includes(`${writer.member.name}-3`),
        'stored',
      );
      mine.destroy();
    }
    const watcher = socketIoClient(server.url, id, viewer.token);
    await watcher.synced;
    const updates: Uint8Array[] = [];
    watcher.doc.on('update', (update: Uint8Array) => updates.push(update));

    const reveal = await server.api<RevealResponse>(`/api/boards/${id}/silent-writing`, {
      body: { action: 'reveal', anonymous: true },
      token: fia.token,
    });
    expect(reveal.body).toEqual({ revealed: 16 });
    await waitFor(() => itemsOf(watcher.doc).size === 16, 'all revealed');
    // One update brought them all, not one per writer.
    expect(updates).toHaveLength(1);
    // The order the board got them in (the server's clock) runs through the writers, not
    // writer by writer: 4 writers' 4 notes each in unbroken runs would be 4 runs.
    const textOf = new Map(
      readItems(watcher.doc).map((n) => [n.id, n.type === 'note' ? n.text : '']),
    );
    const order = Y.decodeUpdate(updates[0]!)
      .structs.filter((s): s is Y.Item => s instanceof Y.Item && (s.parent as unknown) === 'items')
      .map((s) => textOf.get(s.parentSub!)!.split('-')[0]);
    expect(order).toHaveLength(16);
    const runs = order.filter((writer, i) => i === 0 || writer !== order[i - 1]).length;
    expect(runs).toBeGreaterThan(4);
    // No id can be worked out from a writer and a private id (as the namespaced UUID the server
    // used before could), and none is a private id.
    for (const [noteId, text] of textOf) {
      const { owner, privateId } = privateIds.get(text)!;
      expect(noteId).not.toBe(privateId);
      expect(noteId).not.toBe(
        uuidv5(`${owner}\0${privateId}`, 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d'),
      );
      expect(readItems(watcher.doc).find((n) => n.id === noteId)?.author).toBeUndefined();
    }
    // Nor do the fields a note carries: when each was written, or the stacking order its
    // writer's page gave it (one more than their last), which ran in sequence per writer (QA).
    const maps = [...itemsOf(watcher.doc).values()];
    expect(new Set(maps.map((map) => map.get('createdAt'))).size).toBe(1);
    const byZ = maps
      .sort((a, b) => (a.get('z') as number) - (b.get('z') as number))
      .map((map) => String(map.get('text')).split('-')[0]);
    expect(new Set(maps.map((map) => map.get('z'))).size).toBe(16);
    expect(byZ.filter((writer, i) => i === 0 || writer !== byZ[i - 1]).length).toBeGreaterThan(4);
    watcher.destroy();
  });

  it.each([
    { anonymous: true, again: true },
    { anonymous: false, again: false },
    // The facilitator may choose otherwise the second time.
    { anonymous: true, again: false },
    { anonymous: false, again: true },
  ])(
    'a reveal repeated after a crash between its two steps adds no second copy (%o)',
    async ({ anonymous, again }) => {
      const { id, fia, aino, silentWriting } = await boardOfFiaAndAino();
      const board = socketIoClient(server.url, id, fia.token);
      await board.synced;
      const fiasId = addItem(board.doc, {
        type: 'note',
        x: 0,
        y: 0,
        text: 'by Fia',
        author: fia.member.id,
      });
      expect((await silentWriting({ action: 'start' })).status).toBe(200);
      const mine = privateClient(id, aino.token);
      await mine.synced;
      addItem(mine.doc, { type: 'note', x: 10, y: 0, text: 'first', author: aino.member.id });
      // A stock client may choose any id, here Fia's: that note is revealed under an id of its own.
      const taken = new Y.Map<unknown>();
      mine.doc.transact(() => {
        itemsOf(mine.doc).set(fiasId, taken);
        for (const [key, value] of Object.entries({
          type: 'note',
          x: 20,
          y: 0,
          z: 0,
          w: 200,
          h: 200,
        }))
          taken.set(key, value);
        taken.set('text', new Y.Text('second'));
      });
      const privateId = `${id}/private/${aino.member.id}`;
      await waitFor(() => storedText(privateId).includes('second'), 'stored');
      await waitFor(() => storedText(id).includes('by Fia'), 'stored');
      mine.destroy();
      board.destroy();

      // What a crash right after the reveal's first step leaves on disk: the notes are on the
      // board, but still in the private document, and silent writing still runs.
      const rows = (table: string) =>
        server.db.prepare(`SELECT * FROM ${table} WHERE doc_id = ?`).all(privateId);
      const before = { states: rows('document_states'), updates: rows('document_updates') };
      expect((await silentWriting({ action: 'reveal', anonymous })).body).toEqual({ revealed: 2 });
      const file = server.db.name;
      await server.close();
      const db = new Database(file);
      db.transaction(() => {
        for (const table of ['document_states', 'document_updates'] as const) {
          db.prepare(`DELETE FROM ${table} WHERE doc_id = ?`).run(privateId);
          for (const row of before[table === 'document_states' ? 'states' : 'updates']) {
            const columns = Object.keys(row as object);
            db.prepare(
              `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
            ).run(row);
          }
        }
        db.prepare('UPDATE board_state SET silent_writing = 1 WHERE board_id = ?').run(id);
      })();
      db.close();
      server = await startTestServer(server.env, server.dataDir);

      // The facilitator reveals again: the same two notes, each once, and Fia's note kept.
      expect((await silentWriting({ action: 'reveal', anonymous: again })).body).toEqual({
        revealed: 2,
      });
      const reader = socketIoClient(server.url, id, fia.token);
      await reader.synced;
      const notes = readItems(reader.doc).map((n) => [n.type === 'note' ? n.text : '', n.author]);
      const byAino = again ? undefined : aino.member.id;
      expect(notes.sort()).toEqual([
        ['by Fia', fia.member.id],
        ['first', byAino],
        ['second', byAino],
      ]);
      reader.destroy();
    },
  );

  it("relays no participant's cursor, selection or view while it runs, whatever their client publishes (QA, upgrades)", async () => {
    const { id, fia, aino, silentWriting } = await boardOfFiaAndAino();
    // A stock client, as a page loaded before the web client stopped publishing them would.
    const writer = yWebsocketClient(server.url, id, aino.token);
    const watcher = socketIoClient(server.url, id, fia.token);
    await Promise.all([writer.synced, watcher.synced]);
    const seen = () =>
      watcher.provider.awareness.getStates().get(writer.doc.clientID) as
        | {
            cursor?: { x: number } | null;
            selection?: string[];
            viewport?: { x: number } | null;
            mark?: number;
          }
        | undefined;
    const publish = (state: object) =>
      writer.provider.awareness.setLocalState({
        ...writer.provider.awareness.getLocalState(),
        ...state,
      });
    const view = (x: number) => ({ x, y: 0, zoom: 1 });
    publish({ cursor: { x: 1, y: 1 }, selection: ['shared-1'], viewport: view(1) });
    await waitFor(() => seen()?.cursor?.x === 1, 'the cursor before silent writing');
    expect(seen()?.selection).toEqual(['shared-1']);
    expect(seen()?.viewport?.x).toBe(1);

    expect((await silentWriting({ action: 'start' })).status).toBe(200);
    publish({ cursor: { x: 2, y: 2 }, selection: ['private-1'], viewport: view(2), mark: 1 });
    await waitFor(() => seen()?.mark === 1, 'the state sent during silent writing');
    // Where the view is, a new note goes (the middle of it): as telling as the cursor (QA).
    expect([seen()?.cursor, seen()?.selection, seen()?.viewport]).toEqual([null, [], null]);
    publish({ viewport: view(4), mark: 3 });
    await waitFor(() => seen()?.mark === 3, 'a view alone during silent writing');
    expect(seen()?.viewport).toBeNull();

    expect((await silentWriting({ action: 'reveal', anonymous: true })).status).toBe(200);
    publish({ cursor: { x: 3, y: 3 }, viewport: view(3), mark: 2 });
    await waitFor(() => seen()?.mark === 2, 'the state sent after the reveal');
    expect(seen()?.cursor?.x).toBe(3);
    expect(seen()?.viewport?.x).toBe(3);
    writer.destroy();
    watcher.destroy();
  });

  it('facilitators see how many have written how many notes as it runs, never whose; nobody else does (QA)', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const fia = await connectMember(server, id, created.keys.facilitator, 'Fia');
    const pia = await connectMember(server, id, created.keys.participant, 'Pia');
    const heard: SilentProgress[] = [];
    const overheard: unknown[] = [];
    fia.socket.on('silent:progress', (progress) => heard.push(progress));
    pia.socket.on('silent:progress', (progress) => overheard.push(progress));
    expect((await request<BoardState>(fia.socket, 'silent:start', {})).ok).toBe(true);
    const writers = await Promise.all(
      ['Ari', 'Ville'].map((name) => server.join(id, created.keys.participant, name)),
    );
    const docs = writers.map((writer) => privateClient(id, writer.token));
    await Promise.all(docs.map((doc) => doc.synced));
    // The very first note is heard, though nobody had asked yet (review).
    addItem(docs[1]!.doc, { type: 'note', x: 0, y: 0, text: 'first' });
    await waitFor(() => heard.length === 1, 'the first totals');
    expect(heard[0]).toEqual({ writers: 1, notes: 1 });
    const asked = await request<SilentProgress>(fia.socket, 'silent:progress', {});
    expect(asked.ok && asked.data).toEqual({ writers: 1, notes: 1 });
    addItem(docs[0]!.doc, { type: 'note', x: 0, y: 0, text: 'one' });
    addItem(docs[0]!.doc, { type: 'note', x: 300, y: 0, text: 'two' });
    await waitFor(() => heard.at(-1)?.notes === 3, 'the totals');
    expect(heard.at(-1)).toEqual({ writers: 2, notes: 3 });
    // The same over HTTP; a participant is not told.
    const http = await server.api<SilentProgress>(`/api/boards/${id}/silent-writing`, {
      token: fia.token,
    });
    expect(http.body).toEqual({ writers: 2, notes: 3 });
    const refused = await request(pia.socket, 'silent:progress', {});
    expect(refused.ok ? 'ok' : refused.error.code).toBe('role_not_allowed');
    // A note deleted counts no more.
    itemsOf(docs[0]!.doc).delete([...itemsOf(docs[0]!.doc).keys()][0]!);
    await waitFor(() => heard.at(-1)?.notes === 2, 'the totals after a deletion');
    expect(overheard).toEqual([]);
    for (const doc of docs) doc.destroy();
    // After the reveal, a new round of writing starts from nothing.
    await request(fia.socket, 'silent:reveal', { anonymous: true });
    await request(fia.socket, 'silent:start', {});
    const again = await request<SilentProgress>(fia.socket, 'silent:progress', {});
    expect(again.ok && again.data).toEqual({ writers: 0, notes: 0 });
    for (const member of [fia, pia]) member.socket.disconnect();
  });

  it('notes written in the same stage of a lane, each unseen by the others, are revealed side by side, not on one another (QA)', async () => {
    const created = await server.createBoard({ template: 'customer-journey' });
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const board = socketIoClient(server.url, id, fia.token);
    await board.synced;
    const items = readItems(board.doc);
    const lane = items.find((item) => item.type === 'frame' && item.title === 'People')!;
    // Where each writer's outline puts a note in an empty lane: the same first free cell.
    const spot = placeNewNote(items, lane);
    const start = await server.api(`/api/boards/${id}/silent-writing`, {
      body: { action: 'start' },
      token: fia.token,
    });
    expect(start.status).toBe(200);
    for (const name of ['Ari', 'Ville', 'Sanna', 'Pia']) {
      const writer = await server.join(id, created.keys.participant, name);
      const mine = privateClient(id, writer.token);
      await mine.synced;
      addItem(mine.doc, { type: 'note', ...spot, parent: lane.id, text: `${name}'s idea` });
      await waitFor(
        () => storedText(`${id}/private/${writer.member.id}`).includes(`${name}'s idea`),
        'stored',
      );
      mine.destroy();
    }
    const reveal = await server.api<RevealResponse>(`/api/boards/${id}/silent-writing`, {
      body: { action: 'reveal', anonymous: true },
      token: fia.token,
    });
    expect(reveal.body).toEqual({ revealed: 4 });
    await waitFor(() => readItems(board.doc).filter((i) => i.type === 'note').length === 4);
    const notes = readItems(board.doc).filter((item) => item.type === 'note');
    for (const [i, a] of notes.entries()) {
      for (const b of notes.slice(i + 1)) expect(onSameSpot(a, b)).toBe(false);
      // Still in the lane it was written for, and inside it.
      expect(a.parent).toBe(lane.id);
      expect(a.y).toBeGreaterThanOrEqual(lane.y);
      expect(a.y + a.h).toBeLessThanOrEqual(lane.y + lane.h);
    }
    board.destroy();
  });

  /**
   * A board of `template` in silent writing, each of `notes` written privately by a writer of
   * its own (`at` is where in `frame` they double-clicked), then revealed (without names: in a
   * random order); the board's items after it, and the frame.
   */
  async function revealWritten(
    template: string,
    frameTitle: string,
    notes: { name: string; at: { x: number; y: number } }[],
  ) {
    const created = await server.createBoard({ template });
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const board = socketIoClient(server.url, id, fia.token);
    await board.synced;
    const frame = readItems(board.doc).find(
      (item) => item.type === 'frame' && item.title === frameTitle,
    )!;
    const start = await server.api(`/api/boards/${id}/silent-writing`, {
      body: { action: 'start' },
      token: fia.token,
    });
    expect(start.status).toBe(200);
    for (const { name, at } of notes) {
      const writer = await server.join(id, created.keys.participant, name);
      const mine = privateClient(id, writer.token);
      await mine.synced;
      const text = `${name} round3 note`;
      addItem(mine.doc, {
        type: 'note',
        x: frame.x + at.x,
        y: frame.y + at.y,
        parent: frame.id,
        text,
      });
      await waitFor(() => storedText(`${id}/private/${writer.member.id}`).includes(text), 'stored');
      mine.destroy();
    }
    const reveal = await server.api<RevealResponse>(`/api/boards/${id}/silent-writing`, {
      body: { action: 'reveal', anonymous: true },
      token: fia.token,
    });
    expect(reveal.body).toEqual({ revealed: notes.length });
    const isNote = (item: Item): item is Note => item.type === 'note';
    await waitFor(() => readItems(board.doc).filter(isNote).length === notes.length);
    const items = readItems(board.doc);
    board.destroy();
    const written = (name: string) =>
      items.filter(isNote).find((item) => item.text === `${name} round3 note`)!;
    return { items, frame, written };
  }

  type Note = Extract<Item, { type: 'note' | 'text' }>;

  /** Whether the boxes of `a` and `b` overlap at all. */
  const overlap = (a: Item, b: Item) =>
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

  it('notes written 100 units apart in a frame are revealed apart, none covering another’s words; one written far from them keeps its exact spot (QA)', async () => {
    const { frame, written } = await revealWritten('retrospective', 'Ideas', [
      { name: 'Ana', at: { x: 60, y: 300 } },
      { name: 'Ben', at: { x: 160, y: 300 } },
      { name: 'Cai', at: { x: 260, y: 300 } },
      // Alone, in the frame's first cell: where a note going aside would look first.
      { name: 'Dan', at: { x: 20, y: 60 } },
    ]);
    const notes = ['Ana', 'Ben', 'Cai', 'Dan'].map(written);
    for (const [i, a] of notes.entries()) {
      for (const b of notes.slice(i + 1))
        expect(overlap(a, b), `${a.text} / ${b.text}`).toBe(false);
      expect(a.parent).toBe(frame.id);
      expect(a.x).toBeGreaterThanOrEqual(frame.x);
      expect(a.x + a.w).toBeLessThanOrEqual(frame.x + frame.w);
      expect(a.y + a.h).toBeLessThanOrEqual(frame.y + frame.h);
    }
    expect(written('Dan')).toMatchObject({ x: frame.x + 20, y: frame.y + 60 });
  });

  it('a note written over the lower half of a concept card is revealed beside it, not over its last fields (QA)', async () => {
    const { items, frame, written } = await revealWritten('concept-canvas', 'Service concept', [
      { name: 'Ana', at: { x: 150, y: 400 } },
    ]);
    const card = items.find((item) => item.type === 'concept')!;
    expect(overlap(written('Ana'), card)).toBe(false);
    expect(written('Ana').parent).toBe(frame.id);
  });

  it('notes written far apart are revealed exactly where their writers put them', async () => {
    const spots = [
      { name: 'Ana', at: { x: 20, y: 60 } },
      { name: 'Ben', at: { x: 400, y: 60 } },
      { name: 'Cai', at: { x: 40, y: 500 } },
    ];
    const { frame, written } = await revealWritten('retrospective', 'Ideas', spots);
    for (const { name, at } of spots) {
      expect(written(name)).toMatchObject({ x: frame.x + at.x, y: frame.y + at.y });
    }
  });

  it('a member taken off the board before the reveal has their private notes dropped, not revealed (QA)', async () => {
    const { id, fia, aino, silentWriting } = await boardOfFiaAndAino();
    expect((await silentWriting({ action: 'start' })).status).toBe(200);
    const mine = privateClient(id, aino.token);
    await mine.synced;
    addItem(mine.doc, { type: 'note', x: 0, y: 0, text: 'draft of someone who withdrew' });
    await waitFor(
      () => storedText(`${id}/private/${aino.member.id}`).includes('withdrew'),
      'the draft stored',
    );
    const removal = await server.api(`/api/boards/${id}/members/${aino.member.id}`, {
      method: 'DELETE',
      token: fia.token,
    });
    expect(removal.status).toBe(204);
    mine.destroy();
    // Gone from what is stored too, the log and the state, not only from the document (review).
    const stored = () =>
      storedText(`${id}/private/${aino.member.id}`) +
      Buffer.concat(
        server.db
          .prepare('SELECT state FROM document_states WHERE doc_id = ?')
          .pluck()
          .all(`${id}/private/${aino.member.id}`) as Buffer[],
      ).toString('latin1');
    await waitFor(() => !stored().includes('withdrew'), 'the draft folded away');
    const reveal = await silentWriting({ action: 'reveal', anonymous: false });
    expect(reveal.body).toEqual({ revealed: 0 });
    const board = socketIoClient(server.url, id, fia.token);
    await board.synced;
    expect(readItems(board.doc).filter((item) => item.type === 'note')).toEqual([]);
    board.destroy();
  });

  it('a note written offline reaches the board when its writer reconnects after the reveal', async () => {
    const { id, fia, aino, silentWriting } = await boardOfFiaAndAino();
    const reader = socketIoClient(server.url, id, fia.token);
    await reader.synced;
    const texts = () => readItems(reader.doc).map((n) => (n.type === 'note' ? n.text : ''));

    const lateNote = async (reveal: { anonymous: boolean }, text: string) => {
      expect((await silentWriting({ action: 'start' })).status).toBe(200);
      const mine = privateClient(id, aino.token);
      await mine.synced;
      // The connection drops; Aino writes on; the facilitator reveals meanwhile.
      mine.provider.socket.disconnect();
      await waitFor(() => !mine.provider.socket.connected, 'disconnected');
      addItem(mine.doc, { type: 'note', x: 0, y: 0, text, author: aino.member.id });
      expect((await silentWriting({ action: 'reveal', ...reveal })).body).toEqual({ revealed: 0 });
      // Back online, the client sends what the server lacks: the note goes onto the board.
      mine.provider.socket.connect();
      await waitFor(() => texts().includes(text), 'the late note on the board');
      await waitFor(() => itemsOf(mine.doc).size === 0, 'out of the private document');
      mine.destroy();
      return readItems(reader.doc).find((n) => n.type === 'note' && n.text === text);
    };

    // It is revealed the way the reveal was: with its writer's name, or without.
    expect((await lateNote({ anonymous: false }, 'written offline'))?.author).toBe(aino.member.id);
    expect((await lateNote({ anonymous: true }, 'offline, no name'))?.author).toBeUndefined();

    // A browser back online sends its offline typing as a run of messages: the new note, then
    // each keystroke. The note goes onto the board with every one of them.
    expect((await silentWriting({ action: 'start' })).status).toBe(200);
    expect((await silentWriting({ action: 'reveal' })).body).toEqual({ revealed: 0 });
    const typist = privateClient(id, aino.token);
    await typist.synced;
    const noteId = addItem(typist.doc, { type: 'note', x: 0, y: 0, text: '' });
    const typed = itemsOf(typist.doc).get(noteId)?.get('text') as Y.Text;
    for (const letter of 'typed late') {
      await sleep(40);
      typed.insert(typed.length, letter);
    }
    await waitFor(() => texts().includes('typed late'), 'the whole note on the board');
    typist.destroy();

    // While the board is locked, a late note waits in its writer's private document, and goes
    // onto the board when the facilitator unlocks it.
    expect((await silentWriting({ action: 'start' })).status).toBe(200);
    const mine = privateClient(id, aino.token);
    await mine.synced;
    mine.provider.socket.disconnect();
    await waitFor(() => !mine.provider.socket.connected, 'disconnected');
    addItem(mine.doc, { type: 'note', x: 0, y: 0, text: 'offline while locked' });
    await silentWriting({ action: 'reveal' });
    const lock = (locked: boolean) =>
      server.api(`/api/boards/${id}/lock`, { body: { locked }, token: fia.token });
    expect((await lock(true)).status).toBe(200);
    const privateId = `${id}/private/${aino.member.id}`;
    mine.provider.socket.connect();
    await waitFor(() => storedText(privateId).includes('offline while locked'), 'kept');
    await sleep(800);
    expect(texts()).not.toContain('offline while locked');
    expect((await lock(false)).status).toBe(200);
    await waitFor(() => texts().includes('offline while locked'), 'on the board once unlocked');
    mine.destroy();
    reader.destroy();
  });
});

describe('a late note as its document leaves memory', () => {
  /**
   * Aino's late note, stored in her private document after the reveal, and then, well within
   * the pause the server waits for before it takes a late note, `leave` runs on `on` (the
   * shared helpers of this file use `server`, so it is `on` meanwhile). The board's notes after.
   */
  async function notesAfterLateNote(on: TestServer, leave: () => Promise<TestServer>) {
    const shared = server;
    server = on;
    try {
      const { id, aino, silentWriting } = await boardOfFiaAndAino();
      expect((await silentWriting({ action: 'start' })).status).toBe(200);
      expect((await silentWriting({ action: 'reveal' })).body).toEqual({ revealed: 0 });
      const mine = privateClient(id, aino.token);
      await mine.synced;
      addItem(mine.doc, { type: 'note', x: 0, y: 0, text: 'just in time' });
      await waitFor(() => storedText(`${id}/private/${aino.member.id}`).includes('just in time'));
      mine.destroy();
      server = await leave();
      const reader = socketIoClient(server.url, id, aino.token);
      await reader.synced;
      const texts = readItems(reader.doc).map((n) => (n.type === 'note' ? n.text : ''));
      reader.destroy();
      return texts;
    } finally {
      await server.close();
      server = shared;
    }
  }

  it('goes onto the board when the server stops right after it arrived', async () => {
    const on = await startTestServer({ JOIN_RATE_PER_MIN: '100000' });
    expect(await notesAfterLateNote(on, () => on.restart())).toContain('just in time');
  });

  it('goes onto the board when its private document unloads right after it arrived', async () => {
    const on = await startTestServer({ JOIN_RATE_PER_MIN: '100000', IDLE_UNLOAD_MS: '100' });
    const unloaded = async () => {
      await sleep(300);
      return on;
    };
    expect(await notesAfterLateNote(on, unloaded)).toContain('just in time');
  });
});

describe('board lock', () => {
  for (const transport of ['socketio', 'ywebsocket'] as const) {
    it(`a participant's edit while locked reaches no one and is not stored (${transport})`, async () => {
      const { board, tokens } = await server.boardWithMembers();
      const id = board.board.id;
      const connect = transport === 'socketio' ? socketIoClient : yWebsocketClient;
      const participant = connect(server.url, id, tokens.participant);
      const observer = socketIoClient(server.url, id, tokens.viewer);
      const facilitator = socketIoClient(server.url, id, tokens.facilitator);
      await Promise.all([participant.synced, observer.synced, facilitator.synced]);

      const existing = addItem(facilitator.doc, { type: 'note', x: 5, y: 5, text: 'existing' });
      await waitFor(() => itemsOf(participant.doc).has(existing), 'existing note');

      const locked = await server.api<BoardState>(`/api/boards/${id}/lock`, {
        body: { locked: true },
        token: tokens.facilitator,
      });
      expect(locked.body.locked).toBe(true);
      const lockedOut = addItem(participant.doc, { type: 'note', x: 0, y: 0, text: 'LOCKED-OUT' });
      itemsOf(participant.doc).get(existing)!.set('x', 999);
      // Facilitators still edit while locked.
      const fromFacilitator = addItem(facilitator.doc, { type: 'note', x: 5, y: 5, text: 'fac' });
      await waitFor(() => itemsOf(observer.doc).has(fromFacilitator), 'facilitator edit');
      await sleep(100);
      expect(JSON.stringify(readItems(observer.doc))).not.toContain('LOCKED-OUT');
      expect(storedText(id)).not.toContain('LOCKED-OUT');
      // The refused edits are undone everywhere, the author's own view included.
      await waitFor(() => !itemsOf(participant.doc).has(lockedOut), 'author view reverted');
      await waitFor(() => itemsOf(participant.doc).get(existing)?.get('x') === 5, 'move reverted');
      expect(itemsOf(observer.doc).get(existing)?.get('x')).toBe(5);

      await server.api(`/api/boards/${id}/lock`, {
        body: { locked: false },
        token: tokens.facilitator,
      });
      const after = addItem(participant.doc, { type: 'note', x: 9, y: 9, text: 'UNLOCKED' });
      await waitFor(() => itemsOf(observer.doc).has(after), 'edit after unlock');
      for (const c of [participant, observer, facilitator]) c.destroy();
    });
  }

  it("an out-of-order edit while locked closes only its sender's connection, not the board", async () => {
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const facilitator = socketIoClient(server.url, id, tokens.facilitator);
    const observer = socketIoClient(server.url, id, tokens.viewer);
    await Promise.all([facilitator.synced, observer.synced]);
    let facilitatorDropped = false;
    facilitator.provider.on('status', (s) => {
      if (s === 'disconnected') facilitatorDropped = true;
    });
    await server.api(`/api/boards/${id}/lock`, {
      body: { locked: true },
      token: tokens.facilitator,
    });

    // Two edits of one client; the second, sent alone, depends on the first.
    const forger = new Y.Doc();
    const updates: Uint8Array[] = [];
    forger.on('update', (update: Uint8Array) => updates.push(update));
    addItem(forger, { type: 'note', x: 0, y: 0, text: 'FIRST' });
    const second = addItem(forger, { type: 'note', x: 1, y: 1, text: 'SECOND' });
    itemsOf(forger).get(second)!.set('x', 50);
    const participant = await connectAgain(server, id, { id: 'p', token: tokens.participant });
    const closed = new Promise<void>((resolve) =>
      participant.socket.on('disconnect', () => resolve()),
    );
    participant.socket.emit('yjs', syncUpdateMessage(updates[2]!));
    await closed;

    const fromFacilitator = addItem(facilitator.doc, {
      type: 'note',
      x: 5,
      y: 5,
      text: 'still on',
    });
    await waitFor(() => itemsOf(observer.doc).has(fromFacilitator), 'the board still relays');
    expect(facilitatorDropped).toBe(false);
    expect(participant.traffic.join('\n')).toContain('malformed_message');
    expect(storedText(id)).not.toContain('SECOND');
    facilitator.destroy();
    observer.destroy();
  });

  it('only a facilitator locks', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const refused = await server.api<ErrorResponse>(`/api/boards/${board.board.id}/lock`, {
      body: { locked: true },
      token: tokens.participant,
    });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'role_not_allowed']);
  });
});
