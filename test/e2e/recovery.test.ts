import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, readItems } from '../../shared/board-document.ts';
import type { Snapshot } from '../../shared/follow-through.ts';
import {
  addNoteInOutline,
  openBoard,
  SCREENSHOTS,
  waitForConnection,
} from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/** A port that is free now, so that a restarted server comes back where the page expects it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function noteTexts(server: TestServer, boardId: string, token: string): Promise<string[]> {
  const client = socketIoClient(server.url, boardId, token);
  await client.synced;
  const texts = readItems(client.doc).flatMap((item) => (item.type === 'note' ? [item.text] : []));
  client.destroy();
  return texts.sort();
}

describe.skipIf(!HAS_CHROMIUM)('a server restart in the middle of a session', () => {
  let server: TestServer;
  let browser: Browser;
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { PORT: String(await freePort()) };
    server = await startTestServer(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the board reconnecting and loses no edit made before or during the outage', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const boardId = board.board.id;
    const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
    await waitForConnection(page);

    await addNoteInOutline(page, 'Written before the restart');
    await expect
      .poll(() => noteTexts(server, boardId, tokens.facilitator), { timeout: 10_000 })
      .toEqual(['Written before the restart']);

    // The server goes away; the page says so and keeps working locally.
    const dataDir = server.dataDir;
    await server.close();
    await page.locator('[data-testid="connection-banner"]').waitFor();
    const status = await page.locator('[data-testid="connection"]').getAttribute('data-status');
    expect(['reconnecting', 'offline']).toContain(status);
    await page.screenshot({ path: `${SCREENSHOTS}/board-reconnecting.png` });
    await addNoteInOutline(page, 'Written while the server was down');
    await page
      .locator('[data-outline-item-id]', { hasText: 'while the server was down' })
      .waitFor();

    // Back on the same port with the same data: the page reconnects by itself.
    server = await startTestServer(env, dataDir);
    await waitForConnection(page);
    expect(await page.locator('[data-testid="connection-banner"]').count()).toBe(0);
    await expect
      .poll(() => noteTexts(server, boardId, tokens.facilitator), { timeout: 15_000 })
      .toEqual(['Written before the restart', 'Written while the server was down']);

    // Edits keep flowing after the recovery too.
    await addNoteInOutline(page, 'Written after the recovery');
    await expect
      .poll(() => noteTexts(server, boardId, tokens.facilitator), { timeout: 10_000 })
      .toEqual([
        'Written after the recovery',
        'Written before the restart',
        'Written while the server was down',
      ]);
    await context.close();
  });

  it('after a network drop the page says it is back; a note written meanwhile in silent writing reaches the board though the reveal came first', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const boardId = board.board.id;
    const silentWriting = (body: object) =>
      server.api<{ revealed?: number }>(`/api/boards/${boardId}/silent-writing`, {
        body,
        token: tokens.facilitator,
      });
    // At "localhost" Socket.io keeps its connection when the browser reports going offline
    // (elsewhere it closes it at once), so a short blip leaves the connection standing.
    const local = board.links.participant.replace('127.0.0.1', 'localhost');
    const { context, page } = await openBoard(browser, local, 'Aino');
    await waitForConnection(page);
    await context.setOffline(true);
    await waitForConnection(page, 'offline');
    await context.setOffline(false);
    await waitForConnection(page);
    expect((await silentWriting({ action: 'start' })).status).toBe(200);
    await page.locator('[data-testid="silent-writing-banner"]').waitFor();

    // Offline, a note typed on the canvas: each keystroke is a message of its own, held back
    // by the browser and sent in a run when the network returns.
    await context.setOffline(true);
    await waitForConnection(page, 'offline');
    const surface = (await page.locator('.im-surface').boundingBox())!;
    await page.mouse.dblclick(surface.x + surface.width / 2, surface.y + surface.height / 2);
    await page.locator('.im-note textarea.im-editor').waitFor();
    await page.keyboard.type('Written offline in silence');
    await page.keyboard.press('Escape');
    // The facilitator reveals before the note could be sent.
    expect((await silentWriting({ action: 'reveal' })).body).toEqual({ revealed: 0 });

    await context.setOffline(false);
    // Whether or not the blip dropped the connection, the page says it is connected again.
    await waitForConnection(page);
    await expect
      .poll(() => noteTexts(server, boardId, tokens.facilitator), { timeout: 15_000 })
      .toEqual(['Written offline in silence']);
    await page.locator('[data-item-type="note"]', { hasText: 'offline in silence' }).waitFor();
    await context.close();
  });

  it("a facilitator's action while the server is down is refused at once, not sent later", async () => {
    const { board, tokens } = await server.boardWithMembers();
    const { context, page } = await openBoard(browser, board.links.facilitator, 'Fran');
    await waitForConnection(page);
    const dataDir = server.dataDir;
    await server.close();
    await page.locator('[data-testid="connection-banner"]').waitFor();
    await page.getByRole('button', { name: 'Open round' }).click();
    await page.getByText('Not connected, so nothing was sent.', { exact: false }).waitFor();

    server = await startTestServer(env, dataDir);
    await waitForConnection(page);
    // Long enough for anything held back to arrive and be answered.
    await page.waitForTimeout(1000);
    const rounds = await server.api<{ rounds: unknown[] }>(`/api/boards/${board.board.id}/rounds`, {
      token: tokens.facilitator,
    });
    expect(rounds.body.rounds).toEqual([]);
    await context.close();
  });

  /** A new board, and a participant's page on it that has just lost the network. */
  async function participantOffline() {
    const { board, tokens } = await server.boardWithMembers();
    const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
    await waitForConnection(page);
    await context.setOffline(true);
    await waitForConnection(page, 'offline');
    return { board, tokens, context, page };
  }

  /**
   * While the page is away, a facilitator (a Node client, returned) writes a note, saves a
   * version, with `more` writes another, and restores the version.
   */
  async function restoredMeanwhile(boardId: string, token: string, more: boolean) {
    const facilitator = socketIoClient(server.url, boardId, token);
    await facilitator.synced;
    addItem(facilitator.doc, { type: 'note', x: 0, y: 0, text: 'Kept in the version' });
    const saved = await server.api<Snapshot>(`/api/boards/${boardId}/snapshots`, {
      token,
      body: { name: 'Before' },
    });
    if (more)
      addItem(facilitator.doc, { type: 'note', x: 300, y: 0, text: 'Gone with the restore' });
    const restore = await server.api(`/api/boards/${boardId}/snapshots/${saved.body.id}/restore`, {
      token,
      body: {},
    });
    expect(restore.status).toBe(200);
    return facilitator;
  }

  it('says "offline" when the browser loses the network and syncs what was written meanwhile', async () => {
    const { board, tokens, context, page } = await participantOffline();
    expect(await page.locator('[data-testid="connection-banner"]').textContent()).toContain(
      'Offline',
    );
    await addNoteInOutline(page, 'Written on the train');
    await page.locator('[data-outline-item-id]', { hasText: 'on the train' }).waitFor();
    // Leaving now would lose the note: the browser asks first (QA: the tab closed, the note gone).
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);

    await context.setOffline(false);
    await waitForConnection(page);
    await expect
      .poll(() => noteTexts(server, board.board.id, tokens.facilitator), { timeout: 15_000 })
      .toEqual(['Written on the train']);
    // Sent: the page goes without asking.
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(asked).toEqual(['beforeunload']);
    await context.close();
  });

  it('a note written offline that the board refuses on return (locked meanwhile) is said to be lost', async () => {
    const { board, tokens, context, page } = await participantOffline();
    await addNoteInOutline(page, 'Written while it was locked');
    const facilitator = socketIoClient(server.url, board.board.id, tokens.facilitator);
    await facilitator.synced;
    await new Promise((resolve) =>
      facilitator.provider.socket.emit('board:lock', { locked: true }, resolve),
    );
    page.on('dialog', (dialog) => void dialog.dismiss());
    await context.setOffline(false);
    await waitForConnection(page);
    // The board refused it (QA: silently): the page says so.
    const alert = page.getByRole('alert').filter({ hasText: 'were not saved' }).first();
    await alert.waitFor();
    expect(await alert.textContent()).toContain('the board was locked');
    // Said once (QA: the outline and the panels beside it both said it).
    expect(await page.getByRole('alert').filter({ hasText: 'were not saved' }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/recovery-edits-refused.png` });
    expect(await noteTexts(server, board.board.id, tokens.facilitator)).toEqual([]);
    facilitator.destroy();
    await context.close();
  });

  it('a restore while a page was offline is told when it is back', async () => {
    const { board, tokens, context, page } = await participantOffline();
    const facilitator = await restoredMeanwhile(board.board.id, tokens.facilitator, true);
    page.on('dialog', (dialog) => void dialog.dismiss());
    await context.setOffline(false);
    await waitForConnection(page);
    // The live event went by while the page was away (QA: nothing said it).
    await page.getByTestId('restored-notice').first().waitFor();
    expect(await page.getByTestId('restored-notice').first().textContent()).toBe(
      'The board was restored.',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/recovery-restored-meanwhile.png` });
    facilitator.destroy();
    await context.close();
  });

  it('a restore while a page was offline at localhost is told when it is back, though the page heard its connection end only later (journey QA)', async () => {
    // At localhost the browser keeps an offline page's connection open and holds what comes
    // over it; the server gives up on it after its ping timeout, the page later still, so the
    // page's "disconnected" came after the restore, which it then took for older news.
    const { board, tokens } = await server.boardWithMembers();
    const link = board.links.participant.replace('127.0.0.1', 'localhost');
    const { context, page } = await openBoard(browser, link, 'Chen');
    await waitForConnection(page);
    await context.setOffline(true);
    const facilitator = await restoredMeanwhile(board.board.id, tokens.facilitator, false);
    // Past the ping interval and timeout (10 + 20 s): both ends have given the connection up.
    await page.waitForTimeout(34_000);
    page.on('dialog', (dialog) => void dialog.dismiss());
    await context.setOffline(false);
    await waitForConnection(page);
    await page.getByTestId('restored-notice').first().waitFor({ timeout: 15_000 });
    facilitator.destroy();
    await context.close();
  }, 120_000);

  it('a page open through an upgrade is told, and its reload brings the new version (QA, upgrades)', async () => {
    const { board } = await server.boardWithMembers();
    const { context, page } = await openBoard(browser, board.links.participant, 'Aino');
    await waitForConnection(page);
    expect(await page.getByTestId('update-banner').count()).toBe(0);

    // The new version: another build of the client (here the same code under a new name).
    const upgraded = fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-client-'));
    fs.cpSync(path.resolve('dist/client'), upgraded, { recursive: true });
    const index = path.join(upgraded, 'index.html');
    const html = fs.readFileSync(index, 'utf8');
    const entry = html.match(/src="\/assets\/([^"]+\.js)"/)?.[1] ?? '';
    fs.copyFileSync(
      path.join(upgraded, 'assets', entry),
      path.join(upgraded, 'assets', 'index-upgraded.js'),
    );
    fs.writeFileSync(index, html.replace(`/assets/${entry}`, '/assets/index-upgraded.js'));
    const dataDir = server.dataDir;
    await server.close();
    server = await startTestServer(env, dataDir, upgraded);

    // Back online, the page learns that the server serves another version, and offers a reload.
    const banner = page.getByTestId('update-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Ideamill was updated while this page was open');
    await page.screenshot({ path: `${SCREENSHOTS}/recovery-updated.png` });
    await banner.getByRole('button', { name: 'Reload the page' }).click();
    await waitForConnection(page);
    expect(
      await page.evaluate(() =>
        document.querySelector('script[type="module"]')?.getAttribute('src'),
      ),
    ).toBe('/assets/index-upgraded.js');
    expect(await page.getByTestId('update-banner').count()).toBe(0);
    await context.close();
    // Later tests run on the usual build again.
    await server.close();
    server = await startTestServer(env, dataDir);
    fs.rmSync(upgraded, { recursive: true, force: true });
  });
});
