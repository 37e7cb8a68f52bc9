/**
 * Edits a page could not send are kept in the browser: a page left while offline (the browser
 * asked, and the member left anyway), or one that crashed, loses nothing. The next page on the
 * board in the same browser sends them (QA, left alone until 7 December: a note written offline
 * was gone after a reload).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { readItems } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import {
  addNoteInOutline,
  boardCopyKeptAt,
  joinByLink,
  newPerson,
  waitForConnection,
} from '../helpers/board-page.ts';
import { withServerAndBrowser } from '../helpers/browser.ts';
import { type Client, socketIoClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { addNoteByDoubleClick } from './canvas-helpers.ts';

const notesIn = (doc: Y.Doc) =>
  readItems(doc)
    .flatMap((item) => (item.type === 'note' ? [item.text] : []))
    .sort();
const notesOf = (client: Client) => notesIn(client.doc);

/** The keys of the edits kept in `page`'s browser storage. */
const keptKeys = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('ideamill.unsent.')),
  );

/** The notes `base` would hold with the edits kept in `page`'s browser storage. */
async function keptNotes(page: Page, base: Y.Doc): Promise<string[]> {
  const kept = await page.evaluate(() =>
    Object.entries(localStorage).flatMap(([key, value]) =>
      key.startsWith('ideamill.unsent.') ? [value] : [],
    ),
  );
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  for (const update of kept) Y.applyUpdate(doc, Buffer.from(update, 'base64'));
  return notesIn(doc);
}

/** Ends `page` as a crash would: no `beforeunload`, no `pagehide`. */
async function crash(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const crashed = new Promise((resolve) => page.once('crash', resolve));
  // Answered by nobody: the page is gone.
  void cdp.send('Page.crash').catch(() => {});
  await crashed;
  await page.close();
}

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

/** A participant's page on a new board, and the facilitator as a Node client. */
/**
 * A participant's page on a board, with a facilitator's client beside it. A page that is to
 * crash runs without the service worker: Playwright's offline emulation stalls the whole
 * browser connection (`setOffline` or `newPage` never answers) once a renderer holding a
 * service worker has crashed while offline; online the same crash does not. What these tests
 * check is kept in local storage, not in the worker's cache.
 */
async function participantOnBoard({ crashes = false } = {}) {
  const { board, tokens } = await server.boardWithMembers();
  const facilitator = socketIoClient(server.url, board.board.id, tokens.facilitator);
  await facilitator.synced;
  const context = await newPerson(browser, 'en-US', {
    serviceWorkers: crashes ? 'block' : 'allow',
  });
  const page = await context.newPage();
  await joinByLink(page, board.links.participant, 'Aino');
  await waitForConnection(page);
  return { board, tokens, facilitator, context, page };
}

async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await waitForConnection(page, 'offline');
}

async function participantOffline() {
  const opened = await participantOnBoard();
  await goOffline(opened.context, opened.page);
  return opened;
}

/** Back online, the member opens the board again in the same browser: the next page. */
async function reopen(context: BrowserContext, link: string): Promise<Page> {
  await context.setOffline(false);
  const next = await context.newPage();
  await next.goto(link);
  await waitForConnection(next);
  return next;
}

it('a note written offline reaches the board from the next page, though the member left the page when the browser asked', async () => {
  const { board, facilitator, context, page } = await participantOffline();
  await addNoteInOutline(page, 'Written on the train');
  await page.locator('[data-outline-item-id]', { hasText: 'on the train' }).waitFor();
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toEqual(['beforeunload']);
  expect(notesOf(facilitator)).toEqual([]);

  const next = await reopen(context, board.links.participant);
  await expect
    .poll(() => notesOf(facilitator), { timeout: 10_000 })
    .toEqual(['Written on the train']);
  await next.locator('[data-item-type="note"]', { hasText: 'on the train' }).waitFor();
  // Said, once the server has it: the note written on the train is now everyone's to see.
  const said = next.getByTestId('carried-banner');
  await expect
    .poll(() => said.textContent())
    .toBe('Your changes from your last visit that had not reached the server are saved now.');
  // Stored: nothing is kept any more, and the page goes without asking.
  await expect.poll(() => keptKeys(next)).toEqual([]);
  // Said for a while, not for good, and not again on the next visit.
  await said.waitFor({ state: 'detached', timeout: 15_000 });
  await next.reload();
  await waitForConnection(next);
  await next.waitForTimeout(1500);
  expect(await said.count()).toBe(0);
  next.on('dialog', (dialog) => void dialog.dismiss());
  await next.close({ runBeforeUnload: true });
  await expect.poll(() => next.isClosed()).toBe(true);
  facilitator.destroy();
  await context.close();
});

it('edits made offline survive a crashed page: a new note and a change to a stored one', async () => {
  const { board, facilitator, context, page } = await participantOnBoard({ crashes: true });
  await addNoteInOutline(page, 'Stored before');
  await expect.poll(() => notesOf(facilitator)).toEqual(['Stored before']);

  await goOffline(context, page);
  await addNoteInOutline(page, 'Written offline');
  await page.getByRole('button', { name: 'Edit “Stored before”' }).click();
  await page.locator('form.ol-edit textarea').fill('Stored before, changed offline');
  await page.locator('form.ol-edit').getByRole('button', { name: 'Save' }).click();
  await page.locator('[data-outline-item-id]', { hasText: 'changed offline' }).waitFor();
  await page.locator('[data-outline-item-id]', { hasText: 'Written offline' }).waitFor();
  // Kept within a moment of the edit, with no warning that the page will go.
  await expect
    .poll(() => keptNotes(page, facilitator.doc))
    .toEqual(['Stored before, changed offline', 'Written offline']);
  await crash(context, page);

  const next = await reopen(context, board.links.participant);
  await expect
    .poll(() => notesOf(facilitator), { timeout: 10_000 })
    .toEqual(['Stored before, changed offline', 'Written offline']);
  await expect.poll(() => keptKeys(next)).toEqual([]);
  facilitator.destroy();
  await context.close();
});

it('a note written offline in silent writing reaches the board after the reveal, though its page crashed', async () => {
  const { board, tokens, facilitator, context, page } = await participantOnBoard({
    crashes: true,
  });
  const silentWriting = (body: object) =>
    server.api(`/api/boards/${board.board.id}/silent-writing`, {
      body,
      token: tokens.facilitator,
    });
  expect((await silentWriting({ action: 'start' })).status).toBe(200);
  await page.locator('[data-testid="silent-writing-banner"]').waitFor();

  await goOffline(context, page);
  await addNoteByDoubleClick(page, 0.5, 0.5, 'Private and offline');
  await expect.poll(() => keptNotes(page, new Y.Doc())).toEqual(['Private and offline']);
  await crash(context, page);

  // The facilitator reveals while the page is gone: nothing of Aino's to reveal.
  expect((await silentWriting({ action: 'reveal' })).body).toEqual({ revealed: 0 });
  const next = await reopen(context, board.links.participant);
  await expect
    .poll(() => notesOf(facilitator), { timeout: 15_000 })
    .toEqual(['Private and offline']);
  await next.locator('[data-item-type="note"]', { hasText: 'Private and offline' }).waitFor();
  // Said as the board's own kept edits are: the private note is everyone's to see now.
  await expect
    .poll(() => next.getByTestId('carried-banner').textContent())
    .toBe('Your changes from your last visit that had not reached the server are saved now.');
  await expect.poll(() => keptKeys(next)).toEqual([]);
  facilitator.destroy();
  await context.close();
});

it('edits a removed member left unsent are forgotten, not offered again', async () => {
  const { board, tokens, facilitator, context, page } = await participantOnBoard();
  await expect
    .poll(() => boardCopyKeptAt(page, board.board.id), { timeout: 10_000 })
    .not.toBeNull();
  await goOffline(context, page);
  await addNoteInOutline(page, 'Never to be sent');
  await expect.poll(() => keptKeys(page)).toHaveLength(1);
  const members = await server.api<{ members: { id: string; name: string }[] }>(
    `/api/boards/${board.board.id}/members`,
    { token: tokens.facilitator },
  );
  const aino = members.body.members.find((member) => member.name === 'Aino')!;
  const removed = await server.api(`/api/boards/${board.board.id}/members/${aino.id}`, {
    method: 'DELETE',
    token: tokens.facilitator,
  });
  expect(removed.status).toBe(204);
  await context.setOffline(false);
  await page.getByTestId('board-error').waitFor();
  await expect.poll(() => keptKeys(page)).toEqual([]);
  // Nor is the board kept for opening offline.
  await expect.poll(() => boardCopyKeptAt(page, board.board.id)).toBeNull();
  expect(notesOf(facilitator)).toEqual([]);
  facilitator.destroy();
  await context.close();
});

it('"Leave this board on this device" forgets the words not yet sent and the board kept for offline, for the next person at the laptop', async () => {
  const { board, facilitator, context, page } = await participantOnBoard();
  await expect
    .poll(() => boardCopyKeptAt(page, board.board.id), { timeout: 10_000 })
    .not.toBeNull();
  await goOffline(context, page);
  await addNoteInOutline(page, 'Not for the next person');
  await expect.poll(() => keptNotes(page, new Y.Doc())).toEqual(['Not for the next person']);
  const token = await page.evaluate(
    (id) =>
      (JSON.parse(localStorage.getItem(`ideamill.board.${id}`) ?? '{}') as { token: string }).token,
    board.board.id,
  );
  await page.locator('.presence-toggle').click();
  await page.getByRole('button', { name: 'Leave this board on this device…' }).click();
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page
    .getByRole('dialog', { name: 'Leave this board on this device?' })
    .getByRole('button', { name: 'Leave', exact: true })
    .click();
  // Asked first, as any page with unsent edits does.
  await expect.poll(() => asked).toEqual(['beforeunload']);
  // Gone to the start page (closing the page in the middle of that, offline, stalls Playwright).
  await page.waitForURL(`${server.url}/`);
  // The server has not heard: the token still opens the board, and the browser keeps it for
  // that alone (the membership is gone).
  const signOutLater = () => page.evaluate(() => localStorage.getItem('ideamill.signOutLater'));
  expect(await signOutLater()).toContain(board.board.id);
  const boardAsked = () => server.api<ErrorResponse>(`/api/boards/${board.board.id}`, { token });
  expect((await boardAsked()).status).toBe(200);
  await page.close();
  await context.setOffline(false);
  const next = await context.newPage();
  await next.goto(server.url);
  expect(await keptKeys(next)).toEqual([]);
  expect(await boardCopyKeptAt(next, board.board.id)).toBeNull();
  // Online again, the start page signs the device out, and the token is forgotten.
  await expect
    .poll(async () => {
      const asked = await boardAsked();
      return [asked.status, asked.body.error?.code];
    })
    .toEqual([401, 'device_signed_out']);
  await expect
    .poll(() => next.evaluate(() => localStorage.getItem('ideamill.signOutLater')))
    .toBeNull();
  facilitator.destroy();
  await context.close();
});
