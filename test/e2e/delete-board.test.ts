import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addNoteInOutline,
  openBoard,
  SCREENSHOTS,
  waitForConnection,
} from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';
import { openTab } from './workshop-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('deleting a board', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('a facilitator deletes the board after typing its title, and everyone on it is told it is gone', async () => {
    const created = await server.createBoard({ title: 'Weekly  ambassadors' });
    const id = created.board.id;
    const fiona = await openBoard(browser, created.links.facilitator, 'Fiona');
    const aino = await openBoard(browser, created.links.participant, 'Aino');
    await openTab(fiona.page, 'Facilitate');
    const panel = fiona.page.getByTestId('facilitator-panel');
    await panel.getByRole('button', { name: 'Delete board…' }).click();
    const dialog = fiona.page.getByRole('dialog', {
      name: 'Delete “Weekly ambassadors” for everyone?',
    });
    await dialog.getByText('deleted from the server for good').waitFor();
    const title = dialog.getByRole('textbox', { name: 'Type the board’s title to delete it' });
    // The field takes the focus as the dialog opens: type at once.
    await expect.poll(() => title.evaluate((input) => input === document.activeElement)).toBe(true);

    // Nothing typed, then the wrong title: refused in words, the focus back in the field.
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await dialog.getByRole('alert').getByText('That is not the board’s title.').waitFor();
    await title.fill('Weekly ambassador');
    await title.press('Enter');
    await dialog.getByRole('alert').waitFor();
    expect(await title.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await fiona.page.screenshot({ path: `${SCREENSHOTS}/delete-board-en.png` });
    const facilitator = (await server.join(id, created.keys.facilitator, 'Check')).token;
    expect((await server.api(`/api/boards/${id}`, { token: facilitator })).status).toBe(200);

    // Cancel leaves it too.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await server.api(`/api/boards/${id}`, { token: facilitator })).status).toBe(200);

    // The title as it reads (spaces aside) deletes it, for everyone.
    await panel.getByRole('button', { name: 'Delete board…' }).click();
    await title.fill(' Weekly ambassadors ');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    for (const page of [fiona.page, aino.page]) {
      const error = page.getByTestId('board-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('This board has been deleted');
    }
    await aino.page.screenshot({ path: `${SCREENSHOTS}/board-deleted-en.png` });
    expect((await server.api(`/api/boards/${id}`, { token: facilitator })).status).toBe(410);
    // A reload says it again, and her link says so before asking her name: not "no board at
    // this address. Check the link" of a link that was right.
    await aino.page.reload();
    await aino.page.getByTestId('board-error').getByText('This board has been deleted').waitFor();
    const fresh = await fiona.context.browser()!.newContext();
    const stranger = await fresh.newPage();
    await stranger.goto(created.links.participant);
    await stranger.getByTestId('board-error').getByText('This board has been deleted').waitFor();
    expect(await stranger.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    for (const context of [fiona.context, aino.context, fresh]) await context.close();
  });

  it('a member away as the board goes is told it was deleted when they come back to it', async () => {
    const created = await server.createBoard({ title: 'Deleted while away' });
    const lauri = await openBoard(browser, created.links.participant, 'Lauri');
    await waitForConnection(lauri.page);
    const address = lauri.page.url();
    await lauri.page.close();
    const facilitator = await server.join(created.board.id, created.keys.facilitator, 'Fia');
    const deleted = await server.api(`/api/boards/${created.board.id}`, {
      method: 'DELETE',
      token: facilitator.token,
    });
    expect(deleted.status).toBe(204);
    // Back the next morning, from the browser's history: the address without its key.
    const back = await lauri.context.newPage();
    await back.goto(address);
    const error = back.getByTestId('board-error');
    await error.getByText('This board has been deleted').waitFor();
    expect(await error.textContent()).not.toContain('Check the link');
    await back.screenshot({ path: `${SCREENSHOTS}/board-deleted-while-away-en.png` });
    await lauri.context.close();
  });

  it('a page offline with unsent notes as the board goes asks nothing on leaving: they can never be sent', async () => {
    const created = await server.createBoard({ title: 'Gone while away' });
    const lauri = await openBoard(browser, created.links.participant, 'Lauri');
    await waitForConnection(lauri.page);
    await lauri.context.setOffline(true);
    await addNoteInOutline(lauri.page, 'Written on the train');
    const facilitator = await server.join(created.board.id, created.keys.facilitator, 'Fia');
    const deleted = await server.api(`/api/boards/${created.board.id}`, {
      method: 'DELETE',
      token: facilitator.token,
    });
    expect(deleted.status).toBe(204);
    await lauri.context.setOffline(false);
    await lauri.page.getByTestId('board-error').waitFor();
    const asked: string[] = [];
    lauri.page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await lauri.page.close({ runBeforeUnload: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked).toEqual([]);
    await lauri.context.close();
  });
});
