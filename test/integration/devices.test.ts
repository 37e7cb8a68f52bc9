/**
 * A member's devices (GET/DELETE /api/boards/:id/devices): each device has a token of its own,
 * and signing one out (from another, or "Leave…" on itself) closes its connections and refuses
 * its token, while the others stay.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceLabel } from '../../server/boards/device-label.ts';
import { hashSecret } from '../../server/boards/secrets.ts';
import { databaseFile } from '../../server/store/database.ts';
import type {
  DeviceLinkResponse,
  DevicesResponse,
  GetBoardResponse,
  JoinBoardResponse,
} from '../../shared/api.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import type { ErrorBody, ErrorResponse } from '../../shared/errors.ts';
import { sleep, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { connectAgain } from '../helpers/members.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const PHONE =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const LAPTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** The device's last use as the database file has it (another connection to it). */
function storedLastUse(token: string): number | null {
  const db = new Database(databaseFile(server.dataDir), { readonly: true });
  try {
    return db
      .prepare('SELECT last_used_at FROM member_devices WHERE token_hash = ?')
      .pluck()
      .get(hashSecret(token)) as number | null;
  } finally {
    db.close();
  }
}

function setStoredLastUse(token: string, at: number): void {
  const db = new Database(databaseFile(server.dataDir));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE member_devices SET last_used_at = ? WHERE token_hash = ?').run(
      at,
      hashSecret(token),
    );
  } finally {
    db.close();
  }
}

const devicesOf = (boardId: string, token: string) =>
  server.api<DevicesResponse & ErrorResponse>(`/api/boards/${boardId}/devices`, { token });
const signOut = (boardId: string, token: string, deviceId: string) =>
  server.api<ErrorResponse>(`/api/boards/${boardId}/devices/${deviceId}`, {
    method: 'DELETE',
    token,
  });

/** Aino joins on her laptop, then carries on on her phone with a device link. */
async function ainoOnTwoDevices(boardId: string, key: string) {
  const laptop = await server.api<JoinBoardResponse>(`/api/boards/${boardId}/join`, {
    body: { key, name: 'Aino' },
    headers: { 'user-agent': LAPTOP },
  });
  const made = await server.api<DeviceLinkResponse>(`/api/boards/${boardId}/device-links`, {
    method: 'POST',
    token: laptop.body.token,
  });
  const phone = await server.api<JoinBoardResponse>(`/api/boards/${boardId}/device-links/take`, {
    body: { code: made.body.code },
    headers: { 'user-agent': PHONE },
  });
  expect([laptop.status, phone.status]).toEqual([200, 200]);
  return { member: laptop.body.member, laptop: laptop.body.token, phone: phone.body.token };
}

describe('a member’s devices', () => {
  it('lists each device with a token of its own, named by its browser', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const before = Date.now();
    const aino = await ainoOnTwoDevices(id, created.keys.participant);
    expect(aino.phone).not.toBe(aino.laptop);

    const fromLaptop = await devicesOf(id, aino.laptop);
    expect(fromLaptop.status).toBe(200);
    expect(fromLaptop.body.devices.map((d) => [d.label, d.current])).toEqual([
      ['Firefox · Windows', true],
      ['Chrome · Android', false],
    ]);
    for (const device of fromLaptop.body.devices) {
      expect(Date.parse(device.addedAt)).toBeGreaterThanOrEqual(before - 1000);
    }
    const fromPhone = await devicesOf(id, aino.phone);
    expect(fromPhone.body.devices.map((d) => d.current)).toEqual([false, true]);
    // The same member on both.
    const me = await server.api<GetBoardResponse>(`/api/boards/${id}`, { token: aino.phone });
    expect(me.body.me).toEqual(aino.member);
    // Bo sees only his own.
    const bo = await server.join(id, created.keys.participant, 'Bo');
    expect((await devicesOf(id, bo.token)).body.devices).toHaveLength(1);
  });

  it('signs one device out: its connections close, its token opens nothing, the other stays', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const aino = await ainoOnTwoDevices(id, created.keys.participant);
    const phoneId = (await devicesOf(id, aino.laptop)).body.devices[1]!.id;

    const phoneSocket = await connectAgain(server, id, { id: aino.member.id, token: aino.phone });
    const laptopSocket = await connectAgain(server, id, { id: aino.member.id, token: aino.laptop });
    const phoneYjs = yWebsocketClient(server.url, id, aino.phone);
    const laptopYjs = yWebsocketClient(server.url, id, aino.laptop);
    await Promise.all([phoneYjs.synced, laptopYjs.synced]);
    const phoneHeard = new Promise<ErrorBody>((resolve) =>
      phoneSocket.socket.once('board:error', resolve),
    );
    const phoneClosed = new Promise<{ code: number; reason: string }>((resolve) =>
      phoneYjs.provider.ws?.addEventListener('close', (event) =>
        resolve({ code: event.code, reason: event.reason }),
      ),
    );

    expect((await signOut(id, aino.laptop, phoneId)).status).toBe(204);
    expect((await phoneHeard).code).toBe('device_signed_out');
    expect(await phoneClosed).toEqual({ code: 4401, reason: 'device_signed_out' });
    await waitFor(() => !phoneSocket.socket.connected, 'the phone’s Socket.io connection closed');
    phoneYjs.destroy();

    // The laptop is still on the board, and still hears it.
    expect(laptopSocket.socket.connected).toBe(true);
    const written = addItem(laptopYjs.doc, { type: 'note', x: 0, y: 0, text: 'Still here' });
    await waitFor(() => itemsOf(server.documents.open({ boardId: id }).doc).has(written));
    expect((await devicesOf(id, aino.laptop)).body.devices.map((d) => d.current)).toEqual([true]);

    // The phone's token opens nothing, over any channel, and says why; across a restart too.
    server = await server.restart();
    const asked = await devicesOf(id, aino.phone);
    expect([asked.status, asked.body.error.code]).toEqual([401, 'device_signed_out']);
    await expect(
      connectAgain(server, id, { id: aino.member.id, token: aino.phone }),
    ).rejects.toMatchObject({ data: { code: 'device_signed_out' } });
    const board = await server.api<GetBoardResponse>(`/api/boards/${id}`, { token: aino.laptop });
    expect(board.status).toBe(200);
    laptopYjs.destroy();
  });

  it('refuses what is not one of my other devices, with a clear error', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const aino = await ainoOnTwoDevices(id, created.keys.participant);
    const bo = await server.join(id, created.keys.participant, 'Bo');
    const [laptopId, phoneId] = (await devicesOf(id, aino.laptop)).body.devices.map((d) => d.id);
    const boId = (await devicesOf(id, bo.token)).body.devices[0]!.id;

    const self = await signOut(id, aino.laptop, laptopId!);
    expect([self.status, self.body.error.code]).toEqual([400, 'invalid_input']);
    const others = await signOut(id, aino.laptop, boId);
    expect([others.status, others.body.error.code]).toEqual([404, 'device_not_found']);
    const unknown = await signOut(id, aino.laptop, 'no-such-device');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'device_not_found']);
    // A body the route does not take is refused, and nobody is signed out (it was acted on).
    const withBody = await server.api<ErrorResponse>(`/api/boards/${id}/devices/${phoneId}`, {
      method: 'DELETE',
      token: aino.laptop,
      body: { confirm: false },
    });
    expect([withBody.status, withBody.body.error.code]).toEqual([400, 'invalid_input']);
    const leaveWithBody = await server.api<ErrorResponse>(`/api/boards/${id}/devices/current`, {
      method: 'DELETE',
      token: aino.phone,
      body: { confirm: false },
    });
    expect([leaveWithBody.status, leaveWithBody.body.error.code]).toEqual([400, 'invalid_input']);
    expect((await devicesOf(id, aino.phone)).status).toBe(200);
    const anonymous = await server.api<ErrorResponse>(`/api/boards/${id}/devices/${phoneId}`, {
      method: 'DELETE',
    });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'token_required']);
    expect((await signOut(id, aino.laptop, phoneId!)).status).toBe(204);
    const twice = await signOut(id, aino.laptop, phoneId!);
    expect([twice.status, twice.body.error.code]).toEqual([404, 'device_not_found']);
    // Bo's device and Aino's laptop were left alone.
    expect((await devicesOf(id, bo.token)).status).toBe(200);
    expect((await devicesOf(id, aino.laptop)).body.devices.map((d) => d.id)).toEqual([laptopId]);
  });

  it('"Leave…" signs the device asking out: its other pages close, the member and their other device stay', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const aino = await ainoOnTwoDevices(id, created.keys.participant);
    // A second tab on the shared laptop, with the same token.
    const otherTab = await connectAgain(server, id, { id: aino.member.id, token: aino.laptop });
    const phoneSocket = await connectAgain(server, id, { id: aino.member.id, token: aino.phone });
    const otherTabHeard = new Promise<ErrorBody>((resolve) =>
      otherTab.socket.once('board:error', resolve),
    );
    const leave = () =>
      server.api<ErrorResponse>(`/api/boards/${id}/devices/current`, {
        method: 'DELETE',
        token: aino.laptop,
      });

    expect((await leave()).status).toBe(204);
    expect((await otherTabHeard).code).toBe('device_signed_out');
    await waitFor(() => !otherTab.socket.connected, 'the other tab’s connection closed');
    const again = await leave();
    expect([again.status, again.body.error.code]).toEqual([401, 'device_signed_out']);
    // The phone is still Aino on the board, and the laptop is no longer in her list.
    expect(phoneSocket.socket.connected).toBe(true);
    const fromPhone = await devicesOf(id, aino.phone);
    expect(fromPhone.body.devices.map((d) => [d.label, d.current])).toEqual([
      ['Chrome · Android', true],
    ]);
    const anonymous = await server.api<ErrorResponse>(`/api/boards/${id}/devices/current`, {
      method: 'DELETE',
    });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'token_required']);
    phoneSocket.socket.disconnect();
  });

  it('tells which device is connected now and when each was last used, kept across a restart', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const aino = await ainoOnTwoDevices(id, created.keys.participant);
    const phoneOf = async () => {
      const listed = await devicesOf(id, aino.laptop);
      return listed.body.devices.find((device) => !device.current)!;
    };
    const added = await phoneOf();
    expect([added.connected, added.lastUsedAt]).toEqual([false, added.addedAt]);

    // The phone on the board over both transports: connected until its last connection closes.
    const phoneSocket = await connectAgain(server, id, { id: aino.member.id, token: aino.phone });
    const phoneYjs = yWebsocketClient(server.url, id, aino.phone);
    await phoneYjs.synced;
    expect((await phoneOf()).connected).toBe(true);
    phoneSocket.socket.disconnect();
    await sleep(200);
    expect((await phoneOf()).connected).toBe(true);
    const beforeLeaving = Date.now();
    phoneYjs.destroy();
    await expect.poll(async () => (await phoneOf()).connected, { timeout: 5_000 }).toBe(false);
    const left = Date.parse((await phoneOf()).lastUsedAt);
    expect(left).toBeGreaterThanOrEqual(beforeLeaving);
    expect(left).toBeLessThanOrEqual(Date.now());
    // Stored within a second or so, not only as the server stops.
    await waitFor(() => storedLastUse(aino.phone) === left, 'the phone’s last use stored');

    server = await server.restart();
    const restarted = await phoneOf();
    expect([restarted.connected, restarted.lastUsedAt]).toEqual([
      false,
      new Date(left).toISOString(),
    ]);
  });

  it('a board call stores its time only where the one stored is five minutes old', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const aino = await ainoOnTwoDevices(id, created.keys.participant);
    const now = Date.now();
    setStoredLastUse(aino.phone, now - 10 * 60_000);
    setStoredLastUse(aino.laptop, now - 60_000);

    const askedAt = Date.now();
    for (const token of [aino.phone, aino.laptop]) {
      expect((await server.api(`/api/boards/${id}`, { token })).status).toBe(200);
    }
    await waitFor(() => storedLastUse(aino.phone)! >= askedAt, 'the phone’s call stored');
    await sleep(1_500);
    expect(storedLastUse(aino.laptop)).toBe(now - 60_000);
  });

  it('a member taken off the board is told so on every device', async () => {
    const created = await server.createBoard();
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const aino = await ainoOnTwoDevices(id, created.keys.participant);
    expect(await server.takeOff(id, fia.token, 'Aino')).toBe(204);
    for (const token of [aino.laptop, aino.phone]) {
      const asked = await devicesOf(id, token);
      expect([asked.status, asked.body.error.code]).toEqual([401, 'member_removed']);
    }
  });
});

describe('deviceLabel', () => {
  it('names the browser and the system, and keeps nothing else of the header', () => {
    const ipad =
      'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    const edge =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
    const mac =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
    expect(deviceLabel(PHONE)).toBe('Chrome · Android');
    expect(deviceLabel(LAPTOP)).toBe('Firefox · Windows');
    expect(deviceLabel(ipad)).toBe('Safari · iPad');
    expect(deviceLabel(edge)).toBe('Edge · Windows');
    expect(deviceLabel(mac)).toBe('Safari · macOS');
    expect(deviceLabel('Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0.0.0')).toBe(
      'Chrome · Linux',
    );
    expect(deviceLabel('curl/8.5.0')).toBe('curl/8.5.0');
    expect(deviceLabel(`x${'y'.repeat(200)} extra`)).toHaveLength(60);
    expect(deviceLabel('\u0007\u202e')).toBe('');
    expect(deviceLabel(undefined)).toBe('');
  });
});
