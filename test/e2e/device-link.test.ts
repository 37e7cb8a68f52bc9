/**
 * Carrying on from another device: a participant on a laptop shows a code, a phone scans it
 * and is on the board as the same member, with no name asked and no second member made.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GetBoardResponse } from '../../shared/api.ts';
import { itemsOf } from '../../shared/board-document.ts';
import { seriousAxeViolations } from '../helpers/axe.ts';
import {
  addNoteInOutline,
  boardCopyKeptAt,
  openBoard,
  SCREENSHOTS,
  waitForConnection,
} from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { decodeQr } from '../helpers/qr.ts';
import type { TestServer } from '../helpers/server.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const IPAD_SAFARI =
  'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

async function openDeviceLinkDialog(page: Page): Promise<Locator> {
  await page.locator('.presence-toggle').click();
  await page.getByRole('button', { name: 'Carry on as you on another device…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Carry on on another device' });
  await dialog.waitFor();
  return dialog;
}

/** The member this page's stored token belongs to, as the server says. */
async function memberOf(page: Page, server: TestServer, boardId: string): Promise<string> {
  const token = await page.evaluate(
    (id) => JSON.parse(localStorage.getItem(`ideamill.board.${id}`) ?? 'null')?.token as string,
    boardId,
  );
  const answer = await server.api<GetBoardResponse>(`/api/boards/${boardId}`, { token });
  return answer.body.me.id;
}

describe.skipIf(!HAS_CHROMIUM)('carrying on from another device', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  /** Aino joins a new board on her laptop and opens the dialog, its link shown. */
  async function ainoShowsALink(title: string) {
    const created = await server.createBoard({ title });
    const laptop = await openBoard(browser, created.links.participant, 'Aino');
    await waitForConnection(laptop.page);
    const dialog = await openDeviceLinkDialog(laptop.page);
    const box = dialog.getByRole('textbox', { name: 'Your link' });
    await box.waitFor();
    return { created, laptop, dialog, box };
  }

  it('a phone that scans the code is on the board as the same member, once', async () => {
    const { created, laptop, dialog, box } = await ainoShowsALink('Clinic visit');
    const boardId = created.board.id;
    const link = await box.inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/b/${boardId}#device=.{40,}$`));
    const code = dialog.getByRole('img', { name: 'QR code of your link to this board' });
    expect(await decodeQr(code)).toBe(link);
    await expect.poll(() => dialog.textContent()).toContain('It works once, until');
    expect(await seriousAxeViolations(laptop.page)).toEqual([]);
    await laptop.page.screenshot({ path: `${SCREENSHOTS}/device-link-dialog.png` });

    // The phone: no name asked, the fragment gone from the address bar, the board as Aino.
    const phoneContext = await browser.newContext(PHONE);
    const phone = await phoneContext.newPage();
    await phone.goto(link);
    await phone.locator('[data-testid="board-title"]').waitFor();
    await waitForConnection(phone);
    expect(phone.url()).toBe(`${server.url}/b/${boardId}`);
    expect(await phone.locator('input[name="displayName"]').count()).toBe(0);
    expect(await memberOf(phone, server, boardId)).toBe(
      await memberOf(laptop.page, server, boardId),
    );
    // One Aino on the board, shown once in the people list of each device.
    const facilitator = await server.join(boardId, created.keys.facilitator, 'Fia');
    const names = (await server.members(boardId, facilitator.token)).map((one) => one.name);
    expect(names.sort()).toEqual(['Aino', 'Fia']);
    await phone.locator('.presence-toggle').click();
    await expect.poll(() => phone.locator('.presence-row').count()).toBe(1);
    expect(await phone.locator('.presence-row').textContent()).toContain('Aino (you)');
    await phone.screenshot({ path: `${SCREENSHOTS}/device-link-phone.png` });
    // On the laptop the code leaves the screen, and the dialog says where it went.
    await dialog.getByText('Your other device is on the board as you now.').waitFor();
    expect(await code.count()).toBe(0);
    expect(await box.count()).toBe(0);
    await laptop.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await laptop.page.locator('.presence-toggle').click();
    await expect.poll(() => laptop.page.locator('.presence-row').count()).toBe(1);

    // A reload opens the board again, as Aino.
    await phone.reload();
    await phone.locator('[data-testid="board-title"]').waitFor();
    expect(await memberOf(phone, server, boardId)).toBe(
      await memberOf(laptop.page, server, boardId),
    );

    // The same link once more, on a third browser: it has been used, and says so.
    const other = await (await browser.newContext()).newPage();
    await other.goto(link);
    await other.getByTestId('board-error').waitFor();
    expect(await other.getByRole('alert').textContent()).toContain('This link was used already');
    expect(await other.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    await other.context().close();
    await phoneContext.close();
    await laptop.context.close();
  });

  it('makes a new link on asking, and the one before opens nothing', async () => {
    const created = await server.createBoard({ title: 'Kioski' });
    const boardId = created.board.id;
    const laptop = await openBoard(browser, created.links.viewer, 'Bo', 'fi-FI');
    // The page follows the browser's language: Finnish here.
    await laptop.page.locator('.presence-toggle').click();
    await laptop.page
      .getByRole('button', { name: 'Jatka omana itsenäsi toisella laitteella…' })
      .click();
    const finnish = laptop.page.getByRole('dialog', { name: 'Jatka toisella laitteella' });
    const box = finnish.getByRole('textbox', { name: 'Linkkisi' });
    await box.waitFor();
    const first = await box.inputValue();
    await finnish.getByRole('button', { name: 'Tee uusi linkki' }).click();
    await expect.poll(() => box.inputValue()).not.toBe(first);
    const second = await box.inputValue();
    expect(second).toMatch(new RegExp(`/b/${boardId}#device=`));

    const phone = await (await browser.newContext({ ...PHONE, locale: 'fi-FI' })).newPage();
    await phone.goto(first);
    await phone.getByTestId('board-error').waitFor();
    expect(await phone.getByRole('alert').textContent()).toContain('Linkki on jo käytetty');
    await phone.goto(second);
    await phone.locator('[data-testid="board-title"]').waitFor();
    expect(await phone.getByTestId('my-role').textContent()).toBe('Katselija');
    await phone.context().close();
    await laptop.context.close();
  });

  it('signs a lost phone and a tablet out from the laptop: they leave the board, the laptop stays', async () => {
    const { created, laptop, dialog, box } = await ainoShowsALink('Service day');
    const boardId = created.board.id;
    // One device so far: nothing to sign out, and no list.
    expect(
      await dialog.getByRole('heading', { name: 'Your other devices on this board' }).count(),
    ).toBe(0);

    // The phone takes the link, writes a note offline (kept in its storage, unsent), and its
    // page is closed.
    const phoneContext = await browser.newContext({ ...PHONE, userAgent: ANDROID_CHROME });
    const phone = await phoneContext.newPage();
    await phone.goto(await box.inputValue());
    await waitForConnection(phone);
    await expect.poll(() => boardCopyKeptAt(phone, boardId), { timeout: 10_000 }).not.toBeNull();
    await phoneContext.setOffline(true);
    await waitForConnection(phone, 'offline');
    await addNoteInOutline(phone, 'Left on the phone');
    const unsentKeys = (page: Page) =>
      page.evaluate(
        (prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)),
        `ideamill.unsent.${boardId}.`,
      );
    await expect.poll(() => unsentKeys(phone)).not.toEqual([]);
    await phone.close();

    // A tablet takes a new link and stays on the board.
    await dialog.getByRole('button', { name: 'Make a new link' }).click();
    await dialog.getByRole('textbox', { name: 'Your link' }).waitFor();
    const tabletContext = await browser.newContext({ userAgent: IPAD_SAFARI });
    const tablet = await tabletContext.newPage();
    await tablet.goto(await box.inputValue());
    await waitForConnection(tablet);

    // The laptop lists both, and signs the tablet out: its open page says so at once.
    const devices = dialog.getByTestId('my-devices');
    await expect.poll(() => devices.locator('li').count()).toBe(2);
    expect(await devices.textContent()).toContain('Chrome · Android');
    expect(await devices.textContent()).toContain('Safari · iPad');
    // Which is which: the tablet is on the board now (the list is asked again while shown).
    await expect
      .poll(() => devices.locator('li', { hasText: 'Safari · iPad' }).textContent(), {
        timeout: 10_000,
      })
      .toContain('on the board now');
    expect(await seriousAxeViolations(laptop.page)).toEqual([]);
    await laptop.page.screenshot({ path: `${SCREENSHOTS}/device-sign-out.png` });
    await dialog.getByRole('button', { name: 'Sign out Safari · iPad' }).click();
    await tablet.getByTestId('board-error').waitFor();
    expect(await tablet.getByRole('alert').textContent()).toContain(
      'This device was signed out of the board',
    );
    expect(await tablet.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    // Nor does it keep the board for opening offline.
    await expect.poll(() => boardCopyKeptAt(tablet, boardId)).toBeNull();
    // Reloaded, it has no membership left: it asks for the board's link.
    await tablet.reload();
    await tablet.getByTestId('board-error').waitFor();
    expect(await tablet.getByRole('alert').textContent()).toContain(
      'Open the board with the link you were given',
    );
    expect(
      await tablet.evaluate((id) => localStorage.getItem(`ideamill.board.${id}`), boardId),
    ).toBeNull();

    // Then the phone.
    await dialog.getByRole('button', { name: 'Sign out Chrome · Android' }).click();
    await expect
      .poll(() => dialog.getByRole('status').allTextContents())
      .toContain(
        'Chrome · Android is signed out: it is off the board, and its link to it opens nothing.',
      );
    expect(await devices.count()).toBe(0);
    // Opened again, online: it says why, and what it kept unsent is forgotten, never sent.
    await phoneContext.setOffline(false);
    const reopened = await phoneContext.newPage();
    await reopened.goto(`${server.url}/b/${boardId}`);
    await reopened.getByTestId('board-error').waitFor();
    expect(await reopened.getByRole('alert').textContent()).toContain(
      'This device was signed out of the board',
    );
    expect(await unsentKeys(reopened)).toEqual([]);
    await expect.poll(() => boardCopyKeptAt(reopened, boardId)).toBeNull();
    const texts = [...itemsOf(server.documents.open({ boardId }).doc).values()].map((item) =>
      item.get('text')?.toString(),
    );
    expect(texts).not.toContain('Left on the phone');

    // The laptop stays on the board as Aino.
    await laptop.page.keyboard.press('Escape');
    await waitForConnection(laptop.page);
    const token = await laptop.page.evaluate(
      (id) => JSON.parse(localStorage.getItem(`ideamill.board.${id}`) ?? 'null')?.token as string,
      boardId,
    );
    expect((await server.api(`/api/boards/${boardId}`, { token })).status).toBe(200);
    await tabletContext.close();
    await phoneContext.close();
    await laptop.context.close();
  });
});
