/**
 * A participant's page reconnects while the board is locked or silent writing runs: its answer
 * to the server's sync step 1 carries the whole delete set of the board it holds (Yjs always
 * sends it), which is nothing new to the server, not an edit. It used to be refused as one, and
 * every page in the room said "Your latest changes were not saved" after a server restart
 * though nobody had edited (journey QA, D4). An edit the board really refuses is still told.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { sleep, socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
afterEach(async () => {
  await server.close();
});

/** A board whose document has deletions: a note's words typed over, another note deleted. */
async function boardWithDeletions() {
  server = await startTestServer({ JOIN_RATE_PER_MIN: '100000' });
  const { board, tokens } = await server.boardWithMembers();
  const id = board.board.id;
  const facilitator = socketIoClient(server.url, id, tokens.facilitator);
  await facilitator.synced;
  const kept = addItem(facilitator.doc, { type: 'note', x: 0, y: 0, text: 'Clinic phone line' });
  const gone = addItem(facilitator.doc, { type: 'note', x: 300, y: 0, text: 'Draft' });
  facilitator.doc.transact(() => {
    const text = itemsOf(facilitator.doc).get(kept)!.get('text') as Y.Text;
    text.delete(0, 6);
    itemsOf(facilitator.doc).delete(gone);
  });
  await waitFor(() => {
    const stored = server.documents.open({ boardId: id }).doc;
    return itemsOf(stored).has(kept) && !itemsOf(stored).has(gone);
  }, 'the edits on the server');
  facilitator.destroy();
  return { id, tokens };
}

const closings = {
  locked: { route: 'lock', body: { locked: true } },
  'silent writing': { route: 'silent-writing', body: { action: 'start' } },
} as const;

describe('a page that reconnects while the board is closed to it', () => {
  for (const [closed, { route, body }] of Object.entries(closings)) {
    for (const how of ['a reconnect', 'a server restart'] as const) {
      it(`is told of no refused edit when it edited nothing (${closed}, ${how}), and of one it made`, async () => {
        const { id, tokens } = await boardWithDeletions();
        const participant = socketIoClient(server.url, id, tokens.participant);
        await participant.synced;
        const refused: string[] = [];
        const closing = await server.api(`/api/boards/${id}/${route}`, {
          body,
          token: tokens.facilitator,
        });
        expect(closing.status).toBe(200);

        let page = participant;
        if (how === 'a reconnect') {
          participant.provider.socket.disconnect();
          participant.provider.socket.connect();
        } else {
          // The restarted server is at another address: the page's document goes there.
          participant.destroy();
          server = await server.restart();
          page = socketIoClient(server.url, id, tokens.participant);
          Y.applyUpdate(page.doc, Y.encodeStateAsUpdate(participant.doc));
        }
        page.provider.on('board-error', (error) => refused.push(error.code));
        await waitFor(() => page.provider.synced, 'synced again');
        // The answer to the server's step 1 follows the sync; give it time to be refused.
        await waitFor(() => !page.provider.unacknowledged, 'the answer stored');
        await sleep(200);
        expect(refused).toEqual([]);

        // A note really written now is refused, and said to be.
        addItem(page.doc, { type: 'note', x: 0, y: 300, text: 'Written while closed' });
        await waitFor(() => refused.includes('read_only'), 'the refusal');
        page.destroy();
      });
    }
  }
});
