import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { databaseFile } from '../../server/store/database.ts';
import type { CreateBoardResponse, JoinBoardResponse } from '../../shared/api.ts';
import { addItem, itemsOf, readItems } from '../../shared/board-document.ts';
import { type ChildServer, startChildServer } from '../helpers/child-server.ts';
import { sleep, socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { tempDataDir } from '../helpers/server.ts';

const env = {
  DATA_DIR: tempDataDir(),
  UPDATE_RATE_PER_SEC: '100000',
  UPDATE_BURST: '100000',
  // Compact often, so the kill can also land during a compaction.
  COMPACT_AFTER_UPDATES: '500',
};
let server: ChildServer | undefined;
const started: ChildServer[] = [];
async function start(env: Record<string, string>): Promise<ChildServer> {
  server = await startChildServer(env);
  started.push(server);
  return server;
}
afterAll(async () => {
  await Promise.all(started.map((child) => child.kill('SIGKILL')));
});

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

it('kill -9 while a client streams updates loses nothing another client saw', async () => {
  server = await start(env);
  const created = await post<CreateBoardResponse>(`${server.url}/api/boards`, { title: 'Crash' });
  const id = created.board.id;
  const join = (key: string) =>
    post<JoinBoardResponse>(`${server!.url}/api/boards/${id}/join`, { key, name: 'x' });
  const writerToken = (await join(created.keys.participant)).token;
  const observerToken = (await join(created.keys.viewer)).token;

  const writer = socketIoClient(server.url, id, writerToken);
  const observer = yWebsocketClient(server.url, id, observerToken);
  await Promise.all([writer.synced, observer.synced]);
  // Stop the stock client from reconnecting to the restarted server and re-sending state.
  observer.provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected') observer.provider.disconnect();
  });

  let sent = 0;
  let streaming = true;
  const stream = (async () => {
    while (streaming && writer.provider.socket.connected) {
      for (let i = 0; i < 25; i++) {
        addItem(writer.doc, { type: 'note', x: sent, y: 0, text: `note ${sent}` });
        sent++;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();

  await waitFor(() => itemsOf(observer.doc).size >= 3000, 'observer to see 3000 notes', 30_000);
  await server.kill('SIGKILL');
  streaming = false;
  await stream;
  await sleep(100);
  const seen = readItems(observer.doc);
  writer.destroy();
  observer.destroy();
  expect(seen.length).toBeGreaterThanOrEqual(3000);

  server = await start(env);
  const reader = socketIoClient(server.url, id, observerToken);
  await reader.synced;
  const recovered = new Map(readItems(reader.doc).map((item) => [item.id, item]));
  const missing = seen.filter((item) => !recovered.has(item.id));
  expect(missing).toEqual([]);
  for (const item of seen) expect(recovered.get(item.id)).toEqual(item);
  // The kill landed mid-stream: the writer had sent more than the observer saw.
  expect(sent).toBeGreaterThan(seen.length);
  console.log(`durability: sent ${sent}, observer saw ${seen.length}, recovered ${recovered.size}`);
  reader.destroy();
});

it('SIGTERM flushes, compacts and exits cleanly; everything is there after restart', async () => {
  const dataDir = tempDataDir();
  server = await start({ DATA_DIR: dataDir });
  const created = await post<CreateBoardResponse>(`${server.url}/api/boards`, { title: 'Bye' });
  const id = created.board.id;
  const { token } = await post<JoinBoardResponse>(`${server.url}/api/boards/${id}/join`, {
    key: created.keys.participant,
    name: 'x',
  });
  const writer = yWebsocketClient(server.url, id, token);
  await writer.synced;
  const closeCode = new Promise<number>((resolve) =>
    writer.provider.on('connection-close', (event: { code: number } | null) =>
      resolve(event?.code ?? 0),
    ),
  );
  for (let i = 0; i < 100; i++) addItem(writer.doc, { type: 'note', x: i, y: 0, text: `n${i}` });
  const reader = socketIoClient(server.url, id, token);
  await waitFor(() => itemsOf(reader.doc).size === 100, 'reader sees 100');
  reader.destroy();

  expect(await server.kill('SIGTERM')).toBe(0);
  expect(await closeCode).toBe(1001);
  writer.destroy();
  const db = new Database(databaseFile(dataDir), { readonly: true });
  expect(db.prepare('SELECT count(*) AS n FROM document_updates').get()).toEqual({ n: 0 });
  db.close();

  server = await start({ DATA_DIR: dataDir });
  const after = socketIoClient(server.url, id, token);
  await after.synced;
  expect(itemsOf(after.doc).size).toBe(100);
  after.destroy();
});
