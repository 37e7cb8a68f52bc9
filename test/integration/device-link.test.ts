/**
 * Carrying on from another device (POST /api/boards/:id/device-links, /device-links/take): the
 * link opens the board as the same member, once, for ten minutes, and the database holds
 * nothing that opens the board by itself.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardsService } from '../../server/boards/boards-service.ts';
import { DEVICE_LINK_TTL_MS, DeviceLinks } from '../../server/boards/device-links.ts';
import { DeviceUse } from '../../server/boards/device-use.ts';
import { NO_EVENTS } from '../../server/facilitation/board-events.ts';
import { BoardsRepository } from '../../server/store/boards-repository.ts';
import { databaseFile, openDatabase } from '../../server/store/database.ts';
import { DeviceLinksRepository } from '../../server/store/device-links-repository.ts';
import { DevicesRepository } from '../../server/store/devices-repository.ts';
import { DocumentsRepository } from '../../server/store/documents-repository.ts';
import type { DeviceLinkResponse, GetBoardResponse, JoinBoardResponse } from '../../shared/api.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import type { Round } from '../../shared/facilitation.ts';
import { sleep, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { connectMember } from '../helpers/members.ts';
import { startTestServer, type TestServer, tempDataDir } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ JOIN_RATE_PER_MIN: '100000' });
});
afterAll(async () => {
  await server.close();
});

const makeLink = (boardId: string, token: string) =>
  server.api<DeviceLinkResponse>(`/api/boards/${boardId}/device-links`, { method: 'POST', token });
const take = (boardId: string, code: unknown) =>
  server.api<JoinBoardResponse & ErrorResponse>(`/api/boards/${boardId}/device-links/take`, {
    body: { code },
  });

describe('carrying on from another device', () => {
  it('opens the board as the same member, once', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const aino = await server.join(id, created.keys.participant, 'Aino');
    await server.join(id, created.keys.participant, 'Bo');

    const before = Date.now();
    const made = await makeLink(id, aino.token);
    expect(made.status).toBe(201);
    expect(made.body.link).toBe(`${server.url}/b/${id}#device=${made.body.code}`);
    const expires = Date.parse(made.body.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + DEVICE_LINK_TTL_MS - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + DEVICE_LINK_TTL_MS);

    const taken = await take(id, made.body.code);
    expect(taken.status).toBe(200);
    expect(taken.body.member).toEqual(aino.member);
    const me = await server.api<GetBoardResponse>(`/api/boards/${id}`, {
      token: taken.body.token,
    });
    expect(me.body.me.id).toBe(aino.member.id);
    // Still one Aino on the board: nobody joined.
    const names = (await server.members(id, aino.token)).map((member) => member.name);
    expect(names.sort()).toEqual(['Aino', 'Bo']);

    const again = await take(id, made.body.code);
    expect([again.status, again.body.error.code]).toEqual([401, 'invalid_device_link']);
  });

  it('leaves one vote budget for both devices', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const aino = await server.join(id, created.keys.participant, 'Aino');
    const writer = yWebsocketClient(server.url, id, fia.token);
    await writer.synced;
    const first = addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'Kiosk' });
    const second = addItem(writer.doc, { type: 'note', x: 300, y: 0, text: 'Chat' });
    await waitFor(() => itemsOf(server.documents.open({ boardId: id }).doc).has(second));
    writer.destroy();
    const opened = await server.api<{ round: Round }>(`/api/boards/${id}/rounds`, {
      body: { budget: 1 },
      token: fia.token,
    });
    const votes = `/api/boards/${id}/rounds/${opened.body.round.id}/votes`;

    const phone = await take(id, (await makeLink(id, aino.token)).body.code);
    const onLaptop = await server.api(votes, { body: { itemId: first }, token: aino.token });
    expect(onLaptop.status).toBe(200);
    const onPhone = await server.api<ErrorResponse>(votes, {
      body: { itemId: second },
      token: phone.body.token,
    });
    expect([onPhone.status, onPhone.body.error.code]).toEqual([409, 'budget_exhausted']);
  });

  it('works for the board it was made on, and only for the newest link', async () => {
    const one = await server.createBoard();
    const other = await server.createBoard();
    const aino = await server.join(one.board.id, one.keys.viewer, 'Aino');

    const first = await makeLink(one.board.id, aino.token);
    const second = await makeLink(one.board.id, aino.token);
    expect(second.body.code).not.toBe(first.body.code);
    const replaced = await take(one.board.id, first.body.code);
    expect([replaced.status, replaced.body.error.code]).toEqual([401, 'invalid_device_link']);

    // Another board's address with this board's code opens nothing, and leaves the code good.
    const elsewhere = await take(other.board.id, second.body.code);
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([401, 'invalid_device_link']);
    const here = await take(one.board.id, second.body.code);
    expect([here.status, here.body.member.role]).toEqual([200, 'viewer']);
  });

  it('refuses what is not a member or not a code, with a clear error', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const aino = await server.join(id, created.keys.participant, 'Aino');

    const anonymous = await server.api<ErrorResponse>(`/api/boards/${id}/device-links`, {
      method: 'POST',
    });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'token_required']);
    const withBody = await server.api<ErrorResponse>(`/api/boards/${id}/device-links`, {
      body: { member: 'someone else' },
      token: aino.token,
    });
    expect([withBody.status, withBody.body.error.code]).toEqual([400, 'invalid_input']);

    for (const code of ['', 42, 'x'.repeat(201)]) {
      const refused = await take(id, code);
      expect([refused.status, refused.body.error.code]).toEqual([400, 'invalid_input']);
    }
    const guessed = await take(id, 'A'.repeat(43));
    expect([guessed.status, guessed.body.error.code]).toEqual([401, 'invalid_device_link']);
    const noBoard = await take('0190a5b2-0000-7000-8000-000000000000', 'A'.repeat(43));
    expect([noBoard.status, noBoard.body.error.code]).toEqual([404, 'board_not_found']);
  });

  it('opens nothing for a member taken off the board meanwhile', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const aino = await server.join(id, created.keys.participant, 'Aino');
    const made = await makeLink(id, aino.token);
    expect(await server.takeOff(id, fia.token, 'Aino')).toBe(204);
    const taken = await take(id, made.body.code);
    expect([taken.status, taken.body.error.code]).toEqual([401, 'member_removed']);
  });

  it('tells the member’s connections that the link was taken, and nobody else', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const aino = await connectMember(server, id, created.keys.participant, 'Aino');
    const bo = await connectMember(server, id, created.keys.participant, 'Bo');
    const made = await makeLink(id, aino.token);
    const heard = new Promise<void>((resolve) =>
      aino.socket.once('device-link:taken', () => resolve()),
    );
    expect((await take(id, made.body.code)).status).toBe(200);
    await heard;
    await sleep(200);
    expect(bo.traffic.filter((packet) => packet.includes('device-link'))).toEqual([]);
    // A code that opens nothing tells nobody.
    await take(id, made.body.code);
    await sleep(200);
    expect(aino.traffic.filter((packet) => packet.includes('device-link'))).toHaveLength(1);
    for (const member of [aino, bo]) member.socket.disconnect();
  });

  it('keeps a link across a restart, and the database alone opens nothing', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const aino = await server.join(id, created.keys.facilitator, 'Aino');
    const made = await makeLink(id, aino.token);
    server = await server.restart();

    const files = [databaseFile(server.dataDir), `${databaseFile(server.dataDir)}-wal`].filter(
      (file) => fs.existsSync(file),
    );
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(aino.token)).toBe(false);
      expect(bytes.includes(made.body.code)).toBe(false);
    }
    const db = new Database(databaseFile(server.dataDir), { readonly: true });
    const rows = db.prepare('SELECT * FROM device_links').all() as { member_id: string }[];
    db.close();
    expect(rows.map((row) => row.member_id)).toContain(aino.member.id);

    const taken = await take(id, made.body.code);
    expect([taken.status, taken.body.member.id]).toEqual([200, aino.member.id]);
  });
});

describe('a device link expires', () => {
  it('opens nothing once its ten minutes are over', () => {
    const db = openDatabase({ dataDir: tempDataDir(), synchronous: 'NORMAL' });
    let now = Date.parse('2026-12-07T09:00:00Z');
    const devices = new DevicesRepository(db);
    const boards = new BoardsService(
      new BoardsRepository(db),
      new DocumentsRepository(db),
      devices,
      new DeviceUse(devices, (error) => {
        throw error;
      }),
    );
    const deviceLinks = new DeviceLinks(
      boards,
      new DeviceLinksRepository(db),
      () => NO_EVENTS,
      () => now,
    );
    const { board, keys } = boards.create({ title: 'Clinic', template: 'blank', language: 'en' });
    const aino = boards.join(board.id, keys.participant, 'Aino');

    const late = deviceLinks.offer(aino.member);
    now += DEVICE_LINK_TTL_MS / 2;
    const bo = boards.join(board.id, keys.participant, 'Bo');
    const inTime = deviceLinks.offer(bo.member);
    now += DEVICE_LINK_TTL_MS / 2;
    expect(() => deviceLinks.take(board.id, late.code)).toThrow(
      expect.objectContaining({ code: 'invalid_device_link' }),
    );
    expect(deviceLinks.take(board.id, inTime.code).member.id).toBe(bo.member.id);
    db.close();
  });
});
