/**
 * The facilitator's tools as a participant meets them in the browser: rounds limited to a
 * frame, live tallies in public rounds, the history of rounds, rounds that close themselves,
 * the shared timer's signal, phase and lock, follow-ups assigned from the canvas, previews.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, readItems } from '../../shared/board-document.ts';
import type { RoundView } from '../../shared/facilitation.ts';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { centreOf, drag, overlayOf, overlayOfItem, zoomOf } from './canvas-helpers.ts';
import { openAs, openTab, type Person, screenshot, showOutline } from './workshop-helpers.ts';

const IN_TOPIC_1 = 'Queue numbers on screens';
const IN_TOPIC_2 = 'Evening opening hours';
const LABEL = 'Board label: how might we';

const onCanvas = (page: Page, text: string) => page.locator('[data-item-id]', { hasText: text });
/** The overlay of the item with `text` on the canvas (its dots, badge, assign button). */
const overlayOn = (page: Page, text: string) =>
  overlayOfItem(page.locator('.im-item[data-item-id]', { hasText: text }));

describe.skipIf(!HAS_CHROMIUM)('facilitation in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let boardId: string;
  let fran: Person;
  let pia: Person;
  let firstRoundId: string;
  let participantKey: string;
  let inTopic2Id: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Rounds', template: 'idea-mill' });
    boardId = created.board.id;
    participantKey = created.keys.participant;
    fran = await openAs(browser, server, boardId, created.keys.facilitator, 'Fran');
    pia = await openAs(browser, server, boardId, created.keys.participant, 'Pia');

    const writer = socketIoClient(server.url, boardId, fran.token);
    await writer.synced;
    const frames = readItems(writer.doc).filter((item) => item.type === 'frame');
    // Topic 1 and Topic 2 are the first two frames from the left.
    const sorted = frames.sort((a, b) => a.x - b.x);
    const ids = [IN_TOPIC_1, IN_TOPIC_2].map((text, i) =>
      addItem(writer.doc, {
        type: 'note',
        text,
        x: (sorted[i]?.x ?? 0) + 20,
        y: (sorted[i]?.y ?? 0) + 60,
        parent: sorted[i]?.id,
      }),
    );
    inTopic2Id = ids[1] ?? '';
    // A label of the board's own, as the templates have: words, not an idea to vote on.
    addItem(writer.doc, { type: 'text', text: LABEL, x: 0, y: -400, w: 600, h: 60 });
    await waitFor(
      () =>
        server.documents
          .open({ boardId })
          .doc.getMap('items')
          .has(ids[1] ?? ''),
      'the notes on the server',
    );
    writer.destroy();
    // An earlier round, for the history.
    const round = await server.api<{ round: { id: string } }>(`/api/boards/${boardId}/rounds`, {
      token: fran.token,
      body: { title: 'Warm-up', budget: 1 },
    });
    firstRoundId = round.body.round.id;
    await server.api(`/api/boards/${boardId}/rounds/${firstRoundId}/votes`, {
      token: pia.token,
      body: { itemId: ids[0] },
    });
    await server.api(`/api/boards/${boardId}/rounds/${firstRoundId}/close`, {
      token: fran.token,
      method: 'POST',
    });
    await (await overlayOn(pia.page, IN_TOPIC_1)).locator('[data-result-rank="1"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('veils items outside the round’s frame and shows live tallies in a public round', async () => {
    await fran.page.getByRole('textbox', { name: 'Title', exact: true }).fill('Topic 2 only');
    await fran.page.getByRole('combobox', { name: 'Only inside a frame' }).selectOption({
      label: 'Topic 2',
    });
    await fran.page.getByRole('checkbox', { name: /Anonymous/ }).uncheck();
    await fran.page.getByRole('button', { name: 'Open round' }).click();

    await (await overlayOn(pia.page, IN_TOPIC_1)).locator('[data-out-of-play]').waitFor();
    // Out of play, but a label keeps its words readable: no veil over text in a round of notes
    // (drawn in the same render as the veil above, from the same round).
    await onCanvas(pia.page, LABEL).waitFor();
    expect(await (await overlayOn(pia.page, LABEL)).locator('[data-out-of-play]').count()).toBe(0);
    expect(await (await overlayOn(pia.page, IN_TOPIC_1)).locator('[data-vote-dots]').count()).toBe(
      0,
    );
    const target = await overlayOn(pia.page, IN_TOPIC_2);
    expect(await target.locator('[data-out-of-play]').count()).toBe(0);
    await target.getByRole('button', { name: `Vote for “${IN_TOPIC_2}”` }).click();
    await target.locator('[data-vote-dots][data-my-votes="1"]').waitFor();
    // A vote Pia casts elsewhere (another tab, the HTTP API) shows on this page too.
    const listed = await server.api<{ rounds: RoundView[] }>(`/api/boards/${boardId}/rounds`, {
      token: pia.token,
    });
    const open = listed.body.rounds.find((view) => view.round.status === 'open');
    await server.api(`/api/boards/${boardId}/rounds/${open?.round.id}/votes`, {
      token: pia.token,
      body: { itemId: inTopic2Id },
    });
    await target.locator('[data-vote-dots][data-my-votes="2"]').waitFor();

    // Not anonymous: everyone sees the tally grow while the round is open.
    await (await overlayOn(fran.page, IN_TOPIC_2)).locator('[data-votes="2"]').waitFor();
    await showOutline(pia.page);
    // Topic 2, the frame the round is limited to, leads the outline (after Topic 1 otherwise).
    const first = pia.page.locator('section[data-outline-frame-id]').first();
    await first.locator('[data-round-frame]', { hasText: 'Voting now' }).waitFor();
    expect(await first.locator('h3').textContent()).toMatch(/^Topic 2 /);
    await screenshot(pia.page, 'outline-frame-round', '[data-testid="outline-view"]');
    // A note added from the outline meanwhile goes to the frame being voted on by default.
    const where = pia.page.getByRole('combobox', { name: 'Where' });
    expect(await where.locator('option:checked').textContent()).toBe('Topic 2');
    await pia.page.getByRole('textbox', { name: 'Note text' }).fill('A late idea');
    await pia.page.getByRole('button', { name: 'Add note', exact: true }).click();
    await first.locator('[data-outline-item-id]', { hasText: 'A late idea' }).waitFor();
    await pia.page
      .locator('[data-outline-item-id]', { hasText: IN_TOPIC_1 })
      .getByText('Not in this round')
      .waitFor();
    await pia.page
      .locator('[data-outline-item-id]', { hasText: IN_TOPIC_2 })
      .getByText('2 votes so far')
      .waitFor();
    await pia.page.locator('button[data-view="canvas"]').click();

    await fran.page.getByRole('button', { name: 'Close round' }).click();
    await (await overlayOn(pia.page, IN_TOPIC_2)).locator('[data-result-rank="1"]').waitFor();
    expect(await pia.page.locator('[data-out-of-play]').count()).toBe(0);
  });

  it('keeps every round as history and shows the chosen one on the board', async () => {
    await openTab(pia.page, 'Voting');
    const rounds = pia.page.getByTestId('round-results').locator('[data-round-id]');
    await rounds.nth(1).waitFor();
    // Newest first.
    expect(await rounds.first().innerText()).toContain('Topic 2 only');
    expect(await rounds.nth(1).innerText()).toContain('Warm-up');
    expect(
      await (await overlayOn(pia.page, IN_TOPIC_1)).locator('[data-result-rank]').count(),
    ).toBe(0);

    await rounds.nth(1).getByRole('button', { name: 'Show on the board' }).click();
    await (await overlayOn(pia.page, IN_TOPIC_1)).locator('[data-result-rank="1"]').waitFor();
    expect(
      await (await overlayOn(pia.page, IN_TOPIC_2)).locator('[data-result-rank]').count(),
    ).toBe(0);
    expect(
      await rounds
        .nth(1)
        .getByRole('button', { name: 'Show on the board' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    // And it looks pressed, the other not: the round already shown read as a button that did
    // nothing (QA).
    const look = (index: number) =>
      rounds
        .nth(index)
        .getByRole('button', { name: 'Show on the board' })
        .evaluate((button) => {
          const style = getComputedStyle(button);
          return {
            background: style.backgroundColor,
            tick: getComputedStyle(button, '::before').content,
          };
        });
    const [pressed, other] = [await look(1), await look(0)];
    expect(pressed.background).not.toBe(other.background);
    expect(pressed.tick).toContain('✓');
    expect(other.tick).toBe('none');
  });

  it('closes a timed round by itself for everyone', async () => {
    await server.api(`/api/boards/${boardId}/rounds`, {
      token: fran.token,
      body: { title: 'Lightning', budget: 1, durationSec: 2 },
    });
    await pia.page.getByTestId('votes-left').waitFor();
    await pia.page.getByTestId('votes-left').waitFor({ state: 'detached', timeout: 10_000 });
    await pia.page
      .getByTestId('round-results')
      .locator('[data-round-id]', { hasText: 'Lightning' })
      .waitFor();
  });

  it('shares phase, lock and the timer (which signals at zero), and brings everyone along', async () => {
    await openTab(fran.page, 'Facilitate');
    await fran.page.getByRole('combobox', { name: 'Set phase' }).selectOption({ label: 'Cluster' });
    await pia.page.getByTestId('workshop-banner').getByText('Cluster').waitFor();

    await fran.page.getByRole('button', { name: 'Lock the board' }).click();
    await pia.page.getByTestId('locked-banner').waitFor();
    await fran.page.getByRole('button', { name: 'Unlock the board' }).click();
    await pia.page.getByTestId('locked-banner').waitFor({ state: 'detached' });

    await fran.page.getByRole('spinbutton', { name: 'Minutes', exact: true }).fill('0.05');
    await fran.page.getByRole('button', { name: 'Start', exact: true }).click();
    const timer = pia.page.getByTestId('shared-timer');
    await timer.getByText(/^0:0\d$/).waitFor();
    await timer.getByText("Time's up").first().waitFor({ timeout: 10_000 });
    expect(await timer.getAttribute('class')).toContain('wk-pulse');
    await fran.page.getByRole('button', { name: 'Reset' }).click();
    await timer.waitFor({ state: 'detached' });

    await fran.page.getByRole('button', { name: 'Bring everyone to me' }).click();
    await pia.page.getByTestId('summoned-banner').getByText('Fran').waitFor();
  });

  it('"Bring everyone to me" shows a phone what the facilitator sees, not a corner of it (QA)', async () => {
    const phone = await openAs(browser, server, boardId, participantKey, 'Pekka', {
      width: 390,
      height: 800,
      touch: true,
    });
    await phone.page.locator('.im-surface').waitFor();
    const seen = async (page: Page) => {
      const box = (await page.locator('.im-surface').boundingBox())!;
      const zoom = await zoomOf(page);
      return { w: box.width / zoom, h: box.height / zoom };
    };
    await fran.page.getByRole('button', { name: 'Bring everyone to me' }).click();
    await phone.page.getByTestId('summoned-banner').getByText('Fran').waitFor();
    const wanted = await seen(fran.page);
    // Its screen holds the facilitator's whole view: as wide, and taller where it is taller.
    await expect
      .poll(
        async () => {
          const mine = await seen(phone.page);
          return mine.w >= wanted.w * 0.97 && mine.h >= wanted.h * 0.97;
        },
        { timeout: 5_000 },
      )
      .toBe(true);
    await phone.context.close();
  });

  it('on a tablet, with the side panels closed, the canvas shows the phase, timer and votes left', async () => {
    const tia = await openAs(browser, server, boardId, participantKey, 'Tia', { width: 800 });
    expect(await tia.page.getByTestId('side-panels').isHidden()).toBe(true);
    const call = (route: string, body: unknown) =>
      server.api(`/api/boards/${boardId}${route}`, { token: fran.token, body });
    await call('/phase', { phase: 'vote' });
    await call('/timer', { action: 'start', durationSec: 300 });
    const round = await call('/rounds', { title: 'Tablet round', budget: 3 });
    const banner = tia.page.getByTestId('canvas-banner');
    await banner.getByText('Vote', { exact: true }).waitFor();
    await banner.getByText(/^(5:00|4:5\d)$/).waitFor();
    await banner.getByText('3 of 3 votes left').waitFor();
    // With the panels open, their own banner says it, not a second one over the board.
    await tia.page.getByRole('button', { name: 'Workshop', pressed: false }).click();
    await banner.waitFor({ state: 'detached' });
    await tia.page.getByTestId('workshop-banner').getByText('3 of 3 votes left').waitFor();
    const { id } = (round.body as RoundView).round;
    await server.api(`/api/boards/${boardId}/rounds/${id}/close`, { token: fran.token, body: {} });
    await call('/timer', { action: 'reset' });
    await tia.context.close();
  });

  it('draws the assign action on the item at hand only, and gives it the focus back after its dialog', async () => {
    const page = fran.page;
    const assigns = page.locator('.im-world .wk-assign');
    // Nothing selected, hovered or focused: no item draws the button.
    await page.mouse.move(1, 1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => document.querySelectorAll('.im-world .wk-assign').length === 0,
    );
    const note = onCanvas(page, IN_TOPIC_2);
    await note.hover();
    const assign = (await overlayOn(fran.page, IN_TOPIC_2)).getByRole('button', {
      name: 'Assign follow-up',
    });
    await assign.waitFor();
    expect(await assigns.count()).toBe(1);
    await assign.click();
    const dialog = page.getByRole('dialog', { name: `Follow-up for “${IN_TOPIC_2}”` });
    await dialog.waitFor();
    // The pointer moves away, over the dialog, and closes it.
    await page.mouse.move(1, 1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Wherever the pointer ended up, the button is still there and has the focus back.
    expect(await assign.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it('assigns a follow-up from the canvas to someone typed in, which everyone sees', async () => {
    const note = onCanvas(fran.page, IN_TOPIC_2);
    await note.hover();
    await (await overlayOn(fran.page, IN_TOPIC_2))
      .getByRole('button', { name: 'Assign follow-up' })
      .click();
    const dialog = fran.page.getByRole('dialog', { name: `Follow-up for “${IN_TOPIC_2}”` });
    await dialog.getByRole('radio', { name: 'Someone else (name, e-mail)' }).check();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Olli Outside');
    await dialog.getByRole('textbox', { name: 'E-mail (optional)' }).fill('olli@example.com');
    await dialog.getByLabel('Due date').fill('2026-12-01');
    await dialog.getByRole('textbox', { name: 'Notes' }).fill('Ask the union first');
    await dialog.getByRole('button', { name: 'Create follow-up' }).click();
    await dialog.waitFor({ state: 'detached' });

    await openTab(pia.page, 'Follow-ups');
    const card = pia.page
      .getByTestId('followup-panel')
      .locator('section.wk-owner[aria-label="Olli Outside"] .wk-followup');
    await card.waitFor();
    expect(await card.innerText()).toContain('olli@example.com');
    // Not hers: Pia reads it but cannot change it.
    expect(await card.getByRole('combobox', { name: 'Status' }).isDisabled()).toBe(true);
    await (await overlayOn(pia.page, IN_TOPIC_2)).getByText('1 follow-up').waitFor();
  });

  it('in the Follow-ups panel a facilitator corrects a typed owner, gives one to someone outside the board, and takes an owner back (QA)', async () => {
    await openTab(fran.page, 'Follow-ups');
    const panel = fran.page.getByTestId('followup-panel');
    const olli = panel.locator('section.wk-owner[aria-label="Olli Outside"] .wk-followup');
    const owner = olli.getByRole('combobox', { name: 'Owner' });
    // The typed owner is shown, with "nobody" and "someone else" beside the members.
    expect(await owner.inputValue()).toBe('~typed');
    await owner.selectOption({ label: 'Someone else (name, e-mail)' });
    const typed = olli.getByRole('group', { name: 'Someone else (name, e-mail)' });
    // As it is, to correct: a typo in the address.
    expect(await typed.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Olli Outside');
    await typed.getByRole('textbox', { name: 'E-mail (optional)' }).fill('olli.o@example.com');
    await screenshot(fran.page, 'follow-up-typed-owner-en', '[data-testid="side-panels"]');
    await typed.getByRole('button', { name: 'Save owner' }).click();
    await olli.getByText('olli.o@example.com').waitFor();
    // To nobody: it waits under "Unassigned", and the board says so for everyone.
    await owner.selectOption({ label: 'Unassigned' });
    const waiting = panel.locator('section.wk-owner[aria-label="Unassigned"] .wk-followup', {
      hasText: IN_TOPIC_2,
    });
    await waiting.waitFor();
    // Then to someone who was not in the workshop, by name.
    await waiting.getByRole('combobox', { name: 'Owner' }).selectOption({
      label: 'Someone else (name, e-mail)',
    });
    const group = waiting.getByRole('group', { name: 'Someone else (name, e-mail)' });
    expect(await group.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('');
    await group.getByRole('textbox', { name: 'Name' }).fill('Hanna Head of Unit');
    await group.getByRole('textbox', { name: 'Name' }).press('Enter');
    await panel.locator('section.wk-owner[aria-label="Hanna Head of Unit"]').waitFor();
  });

  it('a follow-up assigned from the canvas has no owner until one is chosen (QA)', async () => {
    const note = onCanvas(fran.page, IN_TOPIC_2);
    await note.hover();
    await (await overlayOn(fran.page, IN_TOPIC_2))
      .getByRole('button', { name: 'Assign follow-up' })
      .click();
    const dialog = fran.page.getByRole('dialog', { name: `Follow-up for “${IN_TOPIC_2}”` });
    expect(await dialog.getByRole('combobox', { name: 'Choose a member' }).inputValue()).toBe('');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Ask who takes this');
    await dialog.getByRole('button', { name: 'Create follow-up' }).click();
    await dialog.waitFor({ state: 'detached' });
    await openTab(fran.page, 'Follow-ups');
    await fran.page
      .getByTestId('followup-panel')
      .locator('section.wk-owner[aria-label="Unassigned"] .wk-followup', {
        has: fran.page.getByRole('textbox', { name: 'Title', exact: true }),
        hasText: `Item: ${IN_TOPIC_2}`,
      })
      .waitFor();
  });

  it('previews a saved version’s report', async () => {
    await openTab(pia.page, 'History & export');
    await pia.page.getByRole('textbox', { name: 'Version name' }).fill('Mid-way');
    await pia.page.getByRole('button', { name: 'Save version' }).click();
    const row = pia.page.locator('[data-snapshot-id]', { hasText: 'Mid-way' });
    await row.getByRole('button', { name: 'Preview' }).click();
    const preview = pia.page.getByTestId('snapshot-preview');
    await preview.getByText(IN_TOPIC_2, { exact: false }).first().waitFor();
    await preview.getByRole('heading', { level: 3, name: 'Rounds' }).waitFor();
    await pia.page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    // A participant may save, not restore.
    expect(await row.getByRole('button', { name: 'Restore' }).count()).toBe(0);
  });

  /**
   * A note in no frame, right of the second topic frame, and a round over that frame: the
   * note as Pia's page draws it, and `end` to close the round and take the note away.
   */
  async function looseNoteBesideRound(title: string, text: string) {
    const writer = socketIoClient(server.url, boardId, fran.token);
    await writer.synced;
    const topic2 = readItems(writer.doc)
      .filter((item) => item.type === 'frame')
      .sort((a, b) => a.x - b.x)[1]!;
    const outside = { x: topic2.x + topic2.w + 100, y: topic2.y + 60 };
    const loose = addItem(writer.doc, { type: 'note', text, ...outside });
    const opened = await server.api<{ round: { id: string } }>(`/api/boards/${boardId}/rounds`, {
      token: fran.token,
      body: { title, budget: 1, frameId: topic2.id },
    });
    const note = pia.page.locator(`[data-item-id="${loose}"]`);
    const overlay = overlayOf(pia.page, loose);
    const end = async () => {
      await server.api(`/api/boards/${boardId}/rounds/${opened.body.round.id}/close`, {
        token: fran.token,
        method: 'POST',
      });
      writer.doc.getMap('items').delete(loose);
      await note.waitFor({ state: 'detached' });
      writer.destroy();
    };
    return { writer, topic2, outside, loose, note, overlay, end };
  }

  it('a note in no frame comes into a frame round when the frame is moved over it', async () => {
    const { writer, topic2, note, overlay, end } = await looseNoteBesideRound(
      'Topic 2 again',
      'Loose idea',
    );
    await overlay.locator('[data-out-of-play]').waitFor();
    // The facilitator slides the frame over the note; the note itself does not change.
    const frameMap = writer.doc.getMap('items').get(topic2.id) as import('yjs').Map<unknown>;
    frameMap.set('x', topic2.x + topic2.w);
    await overlay.locator('[data-out-of-play]').waitFor({ state: 'detached' });
    await overlay.locator('[data-vote-dots]').waitFor();
    // Selected, the note shows its resize handle in the corner: the vote button keeps clear.
    await note.click({ position: { x: 30, y: 30 } });
    const handle = await note.locator('[data-handle="resize"]').boundingBox();
    const plus = await overlay.locator('.wk-dot-add').boundingBox();
    expect(handle && plus).toBeTruthy();
    expect(plus!.x + plus!.width <= handle!.x || plus!.y + plus!.height <= handle!.y).toBe(true);
    await screenshot(pia.page, 'rounds-selected-target');
    await pia.page.keyboard.press('Escape');
    frameMap.set('x', topic2.x);
    await overlay.locator('[data-out-of-play]').waitFor();
    await end();
  });

  it('a note moved into the round’s frame takes votes, and moved out again no longer does', async () => {
    const { writer, topic2, outside, loose, note, overlay, end } = await looseNoteBesideRound(
      'Topic 2 once more',
      'Wandering idea',
    );
    const noteMap = writer.doc.getMap('items').get(loose) as import('yjs').Map<unknown>;
    const moveTo = (to: { x: number; y: number }) =>
      writer.doc.transact(() => {
        noteMap.set('x', to.x);
        noteMap.set('y', to.y);
      });
    await overlay.locator('[data-out-of-play]').waitFor();
    // Moved by someone else, still in no frame: inside the round by where its centre lies.
    moveTo({ x: topic2.x + topic2.w - 200, y: topic2.y + 260 });
    await overlay.locator('[data-vote-dots]').waitFor();
    expect(await overlay.locator('[data-out-of-play]').count()).toBe(0);
    moveTo(outside);
    await overlay.locator('[data-out-of-play]').waitFor();
    expect(await overlay.locator('[data-vote-dots]').count()).toBe(0);

    // Pia drags it in by hand: dropped in the frame, the note is the frame's now.
    const parentOf = () => noteMap.get('parent');
    const grip = async () => {
      const box = (await note.boundingBox())!;
      return { x: box.x + 20, y: box.y + 20 };
    };
    const from = await grip();
    await drag(pia.page, from, await centreOf(pia.page.locator(`[data-item-id="${topic2.id}"]`)));
    await waitFor(() => parentOf() === topic2.id, 'the note dropped into the frame');
    await overlay.locator('[data-vote-dots]').waitFor();
    expect(await overlay.locator('[data-out-of-play]').count()).toBe(0);
    // And back to where it was: out of the round's frame (into the next one), out of the round.
    await drag(pia.page, await grip(), from);
    await waitFor(() => parentOf() !== topic2.id, 'the note dragged out of the frame');
    await overlay.locator('[data-out-of-play]').waitFor();
    expect(await overlay.locator('[data-vote-dots]').count()).toBe(0);

    await end();
  });

  it('a note in a group frame takes votes once the group is dropped in the round’s frame', async () => {
    const { writer, topic2, outside, loose, overlay, end } = await looseNoteBesideRound(
      'Topic 2, grouped',
      'Grouped idea',
    );
    const items = writer.doc.getMap('items');
    // A group frame around the note, outside the round's frame: the note is the group's.
    const group = addItem(writer.doc, {
      type: 'frame',
      ...{ x: outside.x - 20, y: outside.y - 50, w: 260, h: 280, title: 'Group' },
    });
    const noteMap = items.get(loose) as import('yjs').Map<unknown>;
    const groupMap = items.get(group) as import('yjs').Map<unknown>;
    noteMap.set('parent', group);
    await overlay.locator('[data-out-of-play]').waitFor();
    // Someone drops the group into Topic 2 (its place and its parent, as the canvas does).
    const into = { x: topic2.x + 20, y: topic2.y + topic2.h - 300 };
    const moveGroup = (to: { x: number; y: number }, parent: string | null) =>
      writer.doc.transact(() => {
        const dx = to.x - (groupMap.get('x') as number);
        const dy = to.y - (groupMap.get('y') as number);
        for (const map of [groupMap, noteMap]) {
          map.set('x', (map.get('x') as number) + dx);
          map.set('y', (map.get('y') as number) + dy);
        }
        if (parent) groupMap.set('parent', parent);
        else groupMap.delete('parent');
      });
    moveGroup(into, topic2.id);
    await overlay.locator('[data-out-of-play]').waitFor({ state: 'detached' });
    await overlay.locator('[data-vote-dots]').waitFor();
    await screenshot(pia.page, 'rounds-nested-group');
    // Pia's vote on it counts.
    await overlay.locator('.wk-dot-add').click();
    await overlay.locator('[data-my-votes="1"]').waitFor();
    // Dragged back out, the group takes the note out of the round.
    moveGroup({ x: outside.x - 20, y: outside.y - 50 }, null);
    await overlay.locator('[data-out-of-play]').waitFor();
    items.delete(group);
    await end();
  });
});
