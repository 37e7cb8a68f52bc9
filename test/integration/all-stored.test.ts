/**
 * `SocketIoProvider.allStored`, which the web board trusts to forget the edits it keeps in the
 * browser: true, and 'stored' said, only once the server has stored every edit the document
 * holds, so that a server killed at that moment loses none of them. Being synced is not enough:
 * edits made before the connection opened go in the answer to the server's sync step 1, and
 * are stored after the board has arrived.
 */
import { afterEach, expect, it } from 'vitest';
import type { CreateBoardResponse, JoinBoardResponse } from '../../shared/api.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { type ChildServer, startChildServer } from '../helpers/child-server.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { tempDataDir } from '../helpers/server.ts';

let server: ChildServer | undefined;
afterEach(async () => {
  await server?.kill('SIGTERM');
});

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as T;
}

it("says all is stored only once the server has a new page's first edits, on a board with a log tail after a crash", async () => {
  const env = { DATA_DIR: tempDataDir() };
  server = await startChildServer(env);
  const created = await post<CreateBoardResponse>(`${server.url}/api/boards`, { title: 'Tail' });
  const boardId = created.board.id;
  const { token } = await post<JoinBoardResponse>(`${server.url}/api/boards/${boardId}/join`, {
    key: created.keys.participant,
    name: 'Aino',
  });
  const writer = socketIoClient(server.url, boardId, token);
  await writer.synced;
  addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'In the log' });
  await waitFor(() => writer.provider.allStored, 'the first note stored');
  writer.destroy();
  // Killed: the note stays in the log, after the stored state.
  await server.kill('SIGKILL');
  server = await startChildServer(env);

  // A new page, whose member writes a note before its connection is open.
  const page = socketIoClient(server.url, boardId, token);
  const early = addItem(page.doc, { type: 'note', x: 300, y: 0, text: 'Written first' });
  // Stored, said when the board arrived: not yet.
  const syncedStored: boolean[] = [];
  page.provider.on('synced', (now) => now && syncedStored.push(page.provider.allStored));
  const dead = new Promise<void>((resolve) => {
    // The moment it says so, the server dies.
    page.provider.once('stored', () => {
      void server!.kill('SIGKILL').then(() => resolve());
    });
  });
  await dead;
  page.destroy();
  expect(syncedStored).toEqual([false]);

  server = await startChildServer(env);
  const reader = socketIoClient(server.url, boardId, token);
  await reader.synced;
  expect(itemsOf(reader.doc).has(early)).toBe(true);
  reader.destroy();
});
