import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import {
  joinByLink,
  leaveOnThisDevice,
  newLinkIn,
  newPerson,
  openBoard,
  SCREENSHOTS,
  waitForConnection,
} from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { decodeQr } from '../helpers/qr.ts';
import type { TestServer } from '../helpers/server.ts';

async function openInvite(page: Page): Promise<Locator> {
  await page.getByRole('banner').getByRole('button', { name: 'Invite people' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite people' });
  await dialog.waitFor();
  return dialog;
}

/** The code is big enough to scan from a projected screen, square, and all in sight. */
async function expectScannable(page: Page, code: Locator): Promise<void> {
  const box = (await code.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(240);
  expect(Math.abs(box.width - box.height)).toBeLessThan(1);
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}

/** The Invite button beside the header's other controls: in the window, covering none of them. */
async function headerOverlaps(page: Page): Promise<string[]> {
  return page.locator('.board-header').evaluate((header) => {
    const box = (element: Element) => element.getBoundingClientRect();
    const invite = box(header.querySelector('.invite-toggle')!);
    const problems: string[] = [];
    if (invite.width === 0 || invite.left < 0 || invite.right > window.innerWidth) {
      problems.push('invite-toggle is cut off');
    }
    const others = header.querySelectorAll(
      '.brand-mark, .board-title, .presence, .connection-pill, .view-toggle, .language-switch, .panels-toggle',
    );
    for (const other of others) {
      const b = box(other);
      const apart =
        invite.right <= b.left ||
        b.right <= invite.left ||
        invite.bottom <= b.top ||
        b.bottom <= invite.top;
      if (!apart) problems.push(`invite-toggle covers ${other.className}`);
    }
    return problems;
  });
}

describe.skipIf(!HAS_CHROMIUM)('inviting people to a board', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('the browser that made a board shows its participant link again, with a QR code that reads as the link', async () => {
    const organiser = await newPerson(browser);
    const landing = await organiser.newPage();
    await landing.goto(server.url);
    await landing.locator('input[name="title"]').fill('Service day');
    await landing.locator('button[type="submit"]').click();
    const link = (role: string) => landing.getByTestId(`link-${role}`).inputValue();
    const participant = await link('participant');
    const viewer = await link('viewer');
    const facilitator = await link('facilitator');

    // Kept for Invite: the participant and viewer links, never the facilitator's key.
    const kept = await landing.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(kept).toContain(participant);
    expect(kept).not.toContain(new URL(facilitator).hash.slice('#key='.length));

    // On the day, in the same browser: the facilitator opens the board.
    const page = await organiser.newPage();
    await joinByLink(page, facilitator, 'Fiona');
    await waitForConnection(page);
    const opener = page.getByRole('banner').getByRole('button', { name: 'Invite people' });
    const dialog = await openInvite(page);
    // The focus moved into the dialog.
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    expect(await dialog.getByRole('textbox', { name: 'Participant link' }).inputValue()).toBe(
      participant,
    );
    expect(await dialog.getByRole('textbox', { name: 'Viewer link' }).inputValue()).toBe(viewer);
    await dialog.getByRole('button', { name: 'Copy the participant link' }).waitFor();
    await dialog.getByRole('button', { name: 'Copy the viewer link' }).waitFor();
    const code = dialog.getByRole('img', { name: 'QR code for the participant link' });
    await expectScannable(page, code);
    expect(await decodeQr(code)).toBe(participant);
    expect(await seriousAxeViolations(page, '.wk-dialog')).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/invite-desktop.png` });

    // Escape closes it, and the focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await opener.evaluate((node) => node === document.activeElement)).toBe(true);

    // On a phone the button takes the header's top row, in one word; the smallest phones too.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await headerOverlaps(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await headerOverlaps(page)).toEqual([]);
    // The code is as big there, in sight, and reads the same.
    const onPhone = await openInvite(page);
    const phoneCode = onPhone.getByRole('img', { name: 'QR code for the participant link' });
    await expectScannable(page, phoneCode);
    expect(await decodeQr(phoneCode)).toBe(participant);
    expect(await seriousAxeViolations(page, '.wk-dialog')).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/invite-phone.png` });
    // In Finnish too.
    await page.keyboard.press('Escape');
    await onPhone.waitFor({ state: 'detached' });
    await page.getByTestId('language-switch').locator('button[lang="fi"]').click();
    await page.getByRole('banner').getByRole('button', { name: 'Kutsu mukaan' }).click();
    const finnish = page.getByRole('dialog', { name: 'Kutsu mukaan' });
    const fiCode = finnish.getByRole('img', { name: 'Osallistujalinkin QR-koodi' });
    expect(await decodeQr(fiCode)).toBe(participant);
    await page.screenshot({ path: `${SCREENSHOTS}/invite-phone-fi.png` });
    await organiser.close();
  });

  it('on another device the dialog makes a new participant link: it joins, the old one opens nothing, and who joined stays', async () => {
    const created = await server.createBoard({ title: 'Other laptop' });
    const aino = await openBoard(browser, created.links.participant, 'Aino');
    // A participant has no Invite button.
    await aino.page.locator('[data-testid="board-title"]').waitFor();
    expect(await aino.page.getByRole('button', { name: 'Invite people' }).count()).toBe(0);

    const fiona = await openBoard(browser, created.links.facilitator, 'Fiona');
    await waitForConnection(fiona.page);
    const dialog = await openInvite(fiona.page);
    // No link known here: no code and no link, but a way to make one.
    await dialog.getByText('This device does not have the participant link').waitFor();
    expect(await dialog.getByRole('img').count()).toBe(0);
    // By keyboard: the dialog's buttons, then the question's answer.
    await dialog.getByRole('button', { name: 'Make a new participant link' }).focus();
    await fiona.page.keyboard.press('Enter');
    const confirm = fiona.page.getByRole('dialog', { name: 'Make a new participant link?' });
    // The same question as the Facilitate panel asks (join.test.ts), for a link this browser keeps.
    await confirm
      .getByText(
        'The current participant link stops opening this board, for everyone who has not joined with it yet. Whoever has joined stays. This browser keeps the new link, under Invite people.',
      )
      .waitFor();
    await confirm.getByRole('button', { name: 'Make a new link' }).focus();
    await fiona.page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });

    // The new link has the focus, selected, ready to copy.
    const link = await newLinkIn(
      dialog.getByRole('textbox', { name: 'Participant link' }),
      server.url,
      created.board.id,
      created.links.participant,
    );
    const code = dialog.getByRole('img', { name: 'QR code for the participant link' });
    expect(await decodeQr(code)).toBe(link);
    await fiona.page.screenshot({ path: `${SCREENSHOTS}/invite-new-link.png` });

    // Kept on this device: the dialog shows it again.
    await fiona.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const again = await openInvite(fiona.page);
    expect(await again.getByRole('textbox', { name: 'Participant link' }).inputValue()).toBe(link);

    // The new link joins as a participant; the old one no longer opens the board.
    const lauri = await openBoard(browser, link, 'Lauri');
    expect(await lauri.page.getByTestId('my-role').textContent()).toBe('Participant');
    const late = await newPerson(browser);
    const latePage = await late.newPage();
    await latePage.goto(created.links.participant);
    await latePage.getByTestId('board-error').waitFor();
    expect(await latePage.locator('input[name="displayName"]').count()).toBe(0);
    // Aino joined with the old link before: she is still on the board.
    await aino.page.reload();
    await aino.page.getByTestId('my-role').filter({ hasText: 'Participant' }).waitFor();
    await waitForConnection(aino.page);
    for (const context of [aino.context, fiona.context, lauri.context, late]) {
      await context.close();
    }
  });

  it('a link kept here that someone replaced since is not shown as if it worked', async () => {
    const organiser = await newPerson(browser);
    const landing = await organiser.newPage();
    await landing.goto(server.url);
    await landing.locator('input[name="title"]').fill('Replaced elsewhere');
    await landing.locator('button[type="submit"]').click();
    const facilitator = await landing.getByTestId('link-facilitator').inputValue();
    const boardId = new URL(facilitator).pathname.split('/').pop()!;
    // Another facilitator, elsewhere, made a new participant link meanwhile.
    const other = await server.join(boardId, new URL(facilitator).hash.slice(5), 'Other');
    await server.api(`/api/boards/${boardId}/keys/participant`, {
      method: 'POST',
      token: other.token,
    });

    const page = await organiser.newPage();
    await joinByLink(page, facilitator, 'Fiona');
    const dialog = await openInvite(page);
    await dialog.getByText('The participant link kept on this device no longer opens').waitFor();
    expect(await dialog.getByRole('img').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Make a new participant link' }).waitFor();
    // The viewer link still opens the board, so it stays.
    expect(await dialog.getByRole('textbox', { name: 'Viewer link' }).inputValue()).toContain(
      `/b/${boardId}#key=`,
    );

    // Leaving the board on this device (a shared laptop) forgets the kept links too.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await leaveOnThisDevice(page);
    expect(
      await page.evaluate(
        (id) => Object.keys(localStorage).filter((key) => key.includes(id)),
        boardId,
      ),
    ).toEqual([]);
    await organiser.close();
  });
});
