/**
 * When each device was last on the board (server/boards/device-use.ts), on a real database
 * file: counted over several connections, stored in one go, and a store that fails is said,
 * never thrown at the connection that closed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BoardsService } from '../../server/boards/boards-service.ts';
import { DeviceUse } from '../../server/boards/device-use.ts';
import { BoardsRepository } from '../../server/store/boards-repository.ts';
import { type Db, openDatabase } from '../../server/store/database.ts';
import { DevicesRepository } from '../../server/store/devices-repository.ts';
import { DocumentsRepository } from '../../server/store/documents-repository.ts';
import { tempDataDir } from '../helpers/server.ts';

let db: Db | undefined;
afterEach(() => {
  if (db?.open) db.close();
});

function setUp() {
  db = openDatabase({ dataDir: tempDataDir(), synchronous: 'NORMAL' });
  const devices = new DevicesRepository(db);
  const failures: unknown[] = [];
  const use = new DeviceUse(devices, (error) => failures.push(error));
  const boards = new BoardsService(
    new BoardsRepository(db),
    new DocumentsRepository(db),
    devices,
    use,
  );
  const { board, keys } = boards.create({ title: 'Clinic', template: 'blank', language: 'en' });
  const aino = boards.join(board.id, keys.participant, 'Aino');
  const device = boards.signIn(board.id, aino.token).device;
  return { db, devices, use, failures, boards, member: aino.member, device };
}

describe('when each device was last used', () => {
  it('is connected until its last connection closes, which notes the time, stored on flush', () => {
    const { devices, use, member, device } = setUp();
    const stored = () => devices.list(member.id)[0]!.lastUsedAt;
    const added = stored();
    expect(added).toEqual(expect.any(Number));

    const tab = use.connected(device);
    const otherTab = use.connected(device);
    tab();
    tab();
    expect(use.isConnected(device)).toBe(true);
    expect(use.lastUsedAt(device, added)).toBe(added);

    const before = Date.now();
    otherTab();
    expect(use.isConnected(device)).toBe(false);
    expect(use.lastUsedAt(device, added)).toBeGreaterThanOrEqual(before);
    expect(stored()).toBe(added);
    use.flush();
    expect(stored()).toBeGreaterThanOrEqual(before);
  });

  it('says a store that fails and throws nothing at the connection, and notes nothing once closed', () => {
    const { db, use, failures, device } = setUp();
    const release = use.connected(device);
    db.close();
    release();
    expect(() => use.flush()).not.toThrow();
    expect(failures).toHaveLength(1);

    use.close();
    const late = use.connected(device);
    late();
    expect(use.lastUsedAt(device, null)).toBe(0);
    expect(() => use.flush()).not.toThrow();
    expect(failures).toHaveLength(1);
  });
});
