import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addNoteInOutline, openBoard, showView, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';

describe.skipIf(!HAS_CHROMIUM)('a change too large to send', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser(
    (s, b) => {
      server = s;
      browser = b;
    },
    { MAX_MESSAGE_BYTES: '65536' },
  );

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
    const exported = async () =>
      (
        await server.api<string>(`/api/boards/${created.board.id}/export?format=csv`, {
          token: reader.token,
        })
      ).body;
    // The page shows its note at once; the server has it a moment later.
    await expect.poll(exported, { timeout: 10_000 }).toContain('A short one');
    expect(await exported()).not.toContain('x'.repeat(100));
    await aino.context.close();
  });

  it('says so too where the change was a private note during silent writing', async () => {
    const created = await server.createBoard({ title: 'Big private paste' });
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const started = await server.api(`/api/boards/${id}/silent-writing`, {
      body: { action: 'start' },
      token: fia.token,
    });
    expect(started.status).toBe(200);
    const aino = await openBoard(browser, created.links.participant, 'Aino');
    await waitForConnection(aino.page);
    await aino.page.getByTestId('silent-writing-banner').first().waitFor();
    let asked = 0;
    aino.page.on('dialog', (dialog) => {
      asked += 1;
      return dialog.accept();
    });
    await addNoteInOutline(aino.page, 'y'.repeat(70_000));
    const error = aino.page.getByTestId('board-error');
    await error.getByText('A change on this page was too large to send').waitFor();
    await error.getByRole('button', { name: 'Try again' }).click();
    await waitForConnection(aino.page);
    // Nothing unsent is held for good: the reload did not ask whether to leave.
    expect(asked).toBe(0);
    await aino.context.close();
  });
});
