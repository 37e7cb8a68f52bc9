/**
 * The web board takes a large board's first sync compressed (server/realtime/deflated.ts,
 * client/src/sync/inflate.ts) and shows the whole board: inflating works in the browser's
 * bundle, not only in Node.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addItem } from '../../shared/board-document.ts';
import { openBoard, showView, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';

const NOTES = 400;

/** The bytes the server has sent compressed so far (`/metrics`). */
async function compressedBytesSent(server: TestServer): Promise<number> {
  const { body } = await server.api<string>('/metrics');
  const match = /^ideamill_compressed_sync_bytes_total\{bytes="sent"\} (\d+)/m.exec(body);
  return match ? Number(match[1]) : 0;
}

describe.skipIf(!HAS_CHROMIUM)('a large board in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('arrives compressed and whole', async () => {
    const created = await server.createBoard({ title: 'Big brainstorm' });
    const id = created.board.id;
    const { token } = await server.join(id, created.keys.facilitator, 'Fia');
    const writer = socketIoClient(server.url, id, token);
    await writer.synced;
    writer.doc.transact(() => {
      for (let n = 0; n < NOTES; n++) {
        addItem(writer.doc, {
          type: 'note',
          x: (n % 20) * 220,
          y: Math.floor(n / 20) * 220,
          text: `Idea number ${n} from the café`,
        });
      }
    });
    await waitFor(() => !writer.provider.unacknowledged, 'stored');
    writer.destroy();
    const before = await compressedBytesSent(server);

    const aino = await openBoard(browser, created.links.participant, 'Aino');
    await waitForConnection(aino.page);
    await showView(aino.page, 'outline');
    await aino.page.getByText(`Idea number ${NOTES - 1} from the café`).waitFor();
    expect(await aino.page.locator('.ol-item').count()).toBe(NOTES);
    // The page's first sync was the one compressed message since.
    expect(await compressedBytesSent(server)).toBeGreaterThan(before);
    await aino.context.close();
  });
});
