import { afterEach, expect, it } from 'vitest';
import { addItem, readItems } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import { sleep, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// SQLite refuses to grow the database past max_page_count with SQLITE_FULL, as it does on a
// full disk: the server's own connection is held to the size the file has (operator QA, where
// a full tmpfs relayed notes that were never stored, and a kill -9 lost them).
it('with the disk full, an edit that was not stored reaches nobody; once there is room it is stored and relayed', async () => {
  server = await startTestServer({ UPDATE_RATE_PER_SEC: '10000', UPDATE_BURST: '10000' });
  const created = await server.createBoard({ title: 'Full disk' });
  const id = created.board.id;
  const writerToken = (await server.join(id, created.keys.participant, 'Aino')).token;
  const watcherToken = (await server.join(id, created.keys.viewer, 'Ville')).token;
  const writer = yWebsocketClient(server.url, id, writerToken);
  const watcher = yWebsocketClient(server.url, id, watcherToken);
  await Promise.all([writer.synced, watcher.synced]);
  const texts = () => readItems(watcher.doc).map((item) => ('text' in item ? item.text : ''));
  addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'stored before' });
  await waitFor(() => texts().includes('stored before'), 'the first note relayed');

  const closes: number[] = [];
  writer.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) closes.push(event.code);
  });
  const pages = server.db.pragma('page_count', { simple: true }) as number;
  server.db.pragma(`max_page_count = ${pages}`);
  for (let i = 0; i < 40; i++) {
    addItem(writer.doc, { type: 'note', x: i, y: 200, text: `unstored ${i} ${'x'.repeat(4000)}` });
  }
  await waitFor(() => closes.includes(4507), 'the writer closed with storage_full', 20_000);
  // The HTTP doors say so too, instead of a generic 500: boards made until one finds no room.
  const answers = new Set<string>();
  for (let i = 0; i < 50 && !answers.has('507 storage_full'); i++) {
    const made = await server.api<ErrorResponse>('/api/boards', {
      body: { title: `Board ${i}`, template: 'customer-journey' },
    });
    answers.add(made.status === 201 ? '201' : `${made.status} ${made.body.error.code}`);
  }
  expect([...answers].filter((answer) => answer !== '201')).toEqual(['507 storage_full']);
  // Both clients reconnect meanwhile, the writer offering its notes again each time. Whether a
  // reconnect's sync meets a flush that failed in the same turn is up to timing here; that race
  // is pinned down in live-document-load.test.ts, which fails without the check.
  await sleep(1_500);
  expect(texts().filter((text) => text.startsWith('unstored'))).toEqual([]);

  server.db.pragma('max_page_count = 1073741823');
  await waitFor(
    () => texts().filter((text) => text.startsWith('unstored')).length === 40,
    'the notes stored and relayed once there is room',
    20_000,
  );
  writer.destroy();
  watcher.destroy();
  server = await server.restart();
  const reader = yWebsocketClient(server.url, id, watcherToken);
  await reader.synced;
  const stored = readItems(reader.doc).filter(
    (item) => 'text' in item && item.text.startsWith('unstored'),
  );
  expect(stored).toHaveLength(40);
  reader.destroy();
});
