/**
 * Writers' names on the board: "Reveal with names" shows each revealed note's writer to
 * everyone, at the note's foot and in the outline; one without shows nobody's, and a
 * facilitator turns the names on and off for the whole board (QA: a reveal with names showed
 * them nowhere but in the exports).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { addNoteByDoubleClick, overlayOfItem } from './canvas-helpers.ts';
import { openAs, type Person, screenshot, showOutline } from './workshop-helpers.ts';

/** The writer's name each note with these words shows at its foot ('' for none). */
async function namesOn(page: Page, texts: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const text of texts) {
    const note = page.locator('.im-note', { hasText: text });
    await note.waitFor();
    const writer = (await overlayOfItem(note)).locator('.wk-writer');
    names.push(
      (await writer.count()) > 0 ? ((await writer.getAttribute('data-writer')) ?? '') : '',
    );
  }
  return names;
}

async function expectNames(page: Page, texts: string[], expected: string[]): Promise<void> {
  await expect.poll(() => namesOn(page, texts), { timeout: 5000 }).toEqual(expected);
}

describe.skipIf(!HAS_CHROMIUM)("writers' names on the board", () => {
  let server: TestServer;
  let browser: Browser;
  let fran: Person;
  let aino: Person;
  let ben: Person;
  let namesBox: ReturnType<Page['getByRole']>;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const created = await server.createBoard({ title: 'Service day' });
    const { id } = created.board;
    fran = await openAs(browser, server, id, created.keys.facilitator, 'Fran');
    aino = await openAs(browser, server, id, created.keys.participant, 'Aino');
    // Ben joins later and reads the outline, as on a phone.
    ben = await openAs(browser, server, id, created.keys.participant, 'Ben');
    await showOutline(ben.page);
    namesBox = fran.page.getByRole('checkbox', { name: 'Show who wrote each note' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function silentWriting(
    note: string,
    at: number,
    reveal: 'Reveal with names' | 'Reveal without names',
  ) {
    await fran.page.getByRole('button', { name: 'Start silent writing' }).click();
    await aino.page.getByTestId('silent-writing-banner').waitFor();
    await addNoteByDoubleClick(aino.page, at, at, note);
    await fran.page.getByTestId('silent-progress').getByText('1 note').waitFor();
    await fran.page.getByRole('button', { name: reveal }).click();
    await aino.page.locator('.im-canvas:not([data-private-writing])').waitFor();
  }

  it('a reveal with names shows the writer on the canvas and in the outline, to everyone', async () => {
    expect(await namesBox.isChecked()).toBe(false);
    await silentWriting('Clearer signage', 0.4, 'Reveal with names');
    for (const page of [fran.page, aino.page]) {
      await expectNames(page, ['Clearer signage'], ['Aino']);
    }
    await ben.page
      .locator('[data-outline-item-id]', { hasText: 'Clearer signage' })
      .getByText('Written by Aino')
      .waitFor();
    expect(await namesBox.isChecked()).toBe(true);
    await screenshot(fran.page, 'writers-names-shown');
    // The name is said to screen readers as whose it is, and the note's words stay clear of it.
    const foot = (
      await overlayOfItem(fran.page.locator('.im-note', { hasText: 'Clearer signage' }))
    ).locator('.wk-writer');
    expect(await foot.locator('[aria-hidden="true"]').innerText()).toBe('Aino');
    expect(await foot.textContent()).toContain('Written by Aino');
  });

  it('the facilitator hides them for everyone, and shows them again', async () => {
    await namesBox.uncheck();
    await expectNames(aino.page, ['Clearer signage'], ['']);
    await ben.page.getByText('Written by Aino').waitFor({ state: 'detached' });
    await namesBox.check();
    await expectNames(aino.page, ['Clearer signage'], ['Aino']);
  });

  it("a reveal without names hides them, and turned on again, names nobody's anonymous note", async () => {
    await silentWriting('Call back within a day', 0.7, 'Reveal without names');
    const both = ['Clearer signage', 'Call back within a day'];
    await expectNames(aino.page, both, ['', '']);
    expect(await namesBox.isChecked()).toBe(false);
    await namesBox.check();
    await expectNames(aino.page, both, ['Aino', '']);
    await expectNames(fran.page, both, ['Aino', '']);
    // A page opened now finds the board as the facilitator left it.
    await aino.page.reload();
    await expectNames(aino.page, both, ['Aino', '']);
    for (const person of [fran, aino, ben]) expect(person.errors).toEqual([]);
  });
});
