import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNoteInOutline, openBoard, showView, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe.skipIf(!HAS_CHROMIUM)('a change too large to send', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ MAX_MESSAGE_BYTES: '65536' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('stops the page with a word and a reload, instead of reconnecting for ever', async () => {
    const created = await server.createBoard({ title: 'Big paste' });
    const aino = await openBoard(browser, created.links.participant, 'Aino');
    await waitForConnection(aino.page);
    aino.page.on('dialog', (dialog) => dialog.accept());
    await addNoteInOutline(aino.page, 'x'.repeat(70_000));
    const error = aino.page.getByTestId('board-error');
    await error.getByText('A change on this page was too large to send').waitFor();
    // Still a member: trying again reloads into the board, without the change.
    await error.getByRole('button', { name: 'Try again' }).click();
    await waitForConnection(aino.page);
    await showView(aino.page, 'outline');
    await addNoteInOutline(aino.page, 'A short one');
    await aino.page.getByText('A short one').first().waitFor();
    const reader = await server.join(created.board.id, created.keys.viewer, 'Vilja');
    const exported = await server.api<string>(`/api/boards/${created.board.id}/export?format=csv`, {
      token: reader.token,
    });
    expect(exported.body).toContain('A short one');
    expect(exported.body).not.toContain('x'.repeat(100));
    await aino.context.close();
  });
});
