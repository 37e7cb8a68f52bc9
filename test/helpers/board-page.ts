/** Driving the web board in Chromium the way a person does: links, the name prompt, the views. */
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
} from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOTS = 'test-results/screenshots';

export interface OpenedBoard {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser profile (its own localStorage), as a second person on another machine. */
export async function newPerson(
  browser: Browser,
  locale = 'en-US',
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ locale, viewport: { width: 1280, height: 800 }, ...options });
}

/** Opens a board link and answers the name prompt; resolves once the board page shows. */
export async function joinByLink(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.locator('input[name="displayName"]').fill(name);
  await page.locator('form.join-form button[type="submit"]').click();
  await page.locator('[data-testid="board-title"]').waitFor();
}

/** "Leave this board on this device" from my row of the people list, confirmed: the start page. */
export async function leaveOnThisDevice(page: Page): Promise<void> {
  await page.locator('.presence-toggle').click();
  await page.getByRole('button', { name: 'Leave this board on this device…' }).click();
  await page
    .getByRole('dialog', { name: 'Leave this board on this device?' })
    .getByRole('button', { name: 'Leave', exact: true })
    .click();
  await page.locator('form.create-form').waitFor();
}

export async function openBoard(
  browser: Browser,
  link: string,
  name: string,
  locale = 'en-US',
): Promise<OpenedBoard> {
  const context = await newPerson(browser, locale);
  const page = await context.newPage();
  await joinByLink(page, link, name);
  return { context, page };
}

export async function waitForConnection(page: Page, status = 'connected'): Promise<void> {
  await page.locator(`[data-testid="connection"][data-status="${status}"]`).waitFor();
}

export async function showView(page: Page, view: 'canvas' | 'outline'): Promise<void> {
  await page.locator(`.view-toggle button[data-view="${view}"]`).click();
  if (view === 'outline') await page.locator('[data-testid="outline-view"]').waitFor();
}

/** Adds a note through the outline view's form, which needs no pointer gestures. */
export async function addNoteInOutline(page: Page, text: string): Promise<void> {
  await showView(page, 'outline');
  await page.locator('form.ol-add textarea').fill(text);
  await page.locator('form.ol-add button[type="submit"]').click();
}

/**
 * The link a facilitator has just made, read from its box: a link to the board, not `old`, with
 * the focus and the whole link selected, ready to copy.
 */
export async function newLinkIn(
  box: Locator,
  origin: string,
  boardId: string,
  old: string,
): Promise<string> {
  await box.waitFor();
  const link = await box.inputValue();
  expect(link).toMatch(new RegExp(`^${origin}/b/${boardId}#key=.{40,}$`));
  expect(link).not.toBe(old);
  expect(
    await box.evaluate(
      (input: HTMLInputElement) =>
        input === document.activeElement &&
        input.selectionEnd! - input.selectionStart! === input.value.length,
    ),
  ).toBe(true);
  return link;
}

/**
 * When `page`'s browser last kept its copy of the board for opening it offline
 * (client/src/sync/board-copy.ts), or null where it keeps none.
 */
export function boardCopyKeptAt(page: Page, boardId: string): Promise<number | null> {
  return page.evaluate(async (id) => {
    // Not opened where it does not exist: opening would make it, empty, under the app's feet.
    const databases = await indexedDB.databases();
    if (!databases.some((database) => database.name === 'ideamill')) return null;
    return new Promise<number | null>((resolve) => {
      const opened = indexedDB.open('ideamill');
      opened.onerror = () => resolve(null);
      opened.onsuccess = () => {
        const db = opened.result;
        if (!db.objectStoreNames.contains('board-copies')) {
          db.close();
          return resolve(null);
        }
        const read = db.transaction('board-copies').objectStore('board-copies').get(id);
        read.onsuccess = () => {
          db.close();
          resolve((read.result as { keptAt?: number } | undefined)?.keptAt ?? null);
        };
        read.onerror = () => {
          db.close();
          resolve(null);
        };
      };
    });
  }, boardId);
}
