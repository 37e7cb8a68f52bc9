/**
 * The server is killed and started again while the board is locked (journey QA, D4): every
 * participant's page, reconnecting, said "Your latest changes were not saved" though nobody had
 * edited. Its answer to the sync carried the board's delete set, taken for a refused edit.
 */
import net from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { CreateBoardResponse, JoinBoardResponse } from '../../shared/api.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { openBoard, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { type ChildServer, startChildServer } from '../helpers/child-server.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { tempDataDir } from '../helpers/server.ts';

/** A port free now, for a server to come back on after a kill. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe.skipIf(!HAS_CHROMIUM)('a server restart while the board is locked', () => {
  let browser: Browser;
  let server: ChildServer | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await server?.kill('SIGTERM');
    await browser?.close();
  });

  it('tells a participant who edited nothing of no lost changes', async () => {
    const env = { PORT: String(await freePort()), DATA_DIR: tempDataDir() };
    server = await startChildServer(env);
    const { url } = server;
    const created = await post<CreateBoardResponse>(`${url}/api/boards`, { title: 'Journey' });
    const boardId = created.board.id;
    const fia = await post<JoinBoardResponse>(`${url}/api/boards/${boardId}/join`, {
      key: created.keys.facilitator,
      name: 'Paula',
    });
    // A board with deletions in it, as every board that has been worked on has.
    const facilitator = socketIoClient(url, boardId, fia.token);
    await facilitator.synced;
    const id = addItem(facilitator.doc, { type: 'note', x: 0, y: 0, text: 'Clinic phone line' });
    (itemsOf(facilitator.doc).get(id)!.get('text') as Y.Text).delete(0, 7);
    await waitFor(() => !facilitator.provider.unacknowledged, 'the edits stored');
    facilitator.destroy();

    const { context, page } = await openBoard(browser, created.links.participant, 'Bruno');
    await waitForConnection(page);
    await post(`${url}/api/boards/${boardId}/lock`, { locked: true }, fia.token);
    await page.getByTestId('locked-banner').first().waitFor({ state: 'attached' });

    await server.kill('SIGKILL');
    server = await startChildServer(env);
    await waitForConnection(page, 'reconnecting');
    await waitForConnection(page);
    await page.waitForTimeout(3_000);
    const alerts = await page.getByRole('alert').allInnerTexts();
    expect(alerts.filter((text) => text.includes('were not saved'))).toEqual([]);
    await context.close();
  });
});
