/**
 * Browser helpers for the workshop and accessibility tests: one browser context per person,
 * joined through the API and stored the way the board shell stores memberships, so each
 * page opens straight onto the board.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PublicMember } from '../../shared/api.ts';
import {
  addItem,
  CONCEPT_FIELDS,
  type ConceptField,
  type NewItem,
  readItems,
} from '../../shared/board-document.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { item, zoomTo } from './canvas-helpers.ts';

export interface Person {
  name: string;
  member: PublicMember;
  token: string;
  context: BrowserContext;
  page: Page;
  /** What the page wrote to its console as errors, and what it threw: a page should write none. */
  errors: string[];
}

export const SCREENSHOTS = path.resolve('test-results/screenshots');

/** Every concept field filled in ("The customerNeed"), as the overlay tests' cards have them. */
export const FILLED_FIELDS = Object.fromEntries(
  CONCEPT_FIELDS.map((field) => [field, `The ${field}`]),
) as Record<ConceptField, string>;

/** A concept card made narrow, as a team makes room for a row of cards, beside a note at 0, 0. */
export const NARROW_CARD: NewItem = {
  type: 'concept',
  x: 260,
  y: 0,
  w: 80,
  h: 560,
  title: 'Evening chat service',
  fields: { ...FILLED_FIELDS, firstStep: 'Pilot in March' },
};

/** A concept card far enough below a note at 0, 0 that the note's foot is not over it. */
export const CARD_BELOW_NOTE: NewItem = {
  type: 'concept',
  x: 0,
  y: 400,
  w: 300,
  h: 400,
  title: 'Evening chat service',
  fields: FILLED_FIELDS,
};

/**
 * A board (from `template`, else the default) made and joined by a facilitator, "Seeder", who
 * adds `items` over Socket.io; it returns once the server has every one. Their ids come in the
 * order given.
 */
export async function seededBoard(
  server: TestServer,
  title: string,
  items: NewItem[],
  template?: string,
) {
  const created = await server.createBoard({ title, ...(template ? { template } : {}) });
  const boardId = created.board.id;
  const seeder = await server.join(boardId, created.keys.facilitator, 'Seeder');
  const writer = socketIoClient(server.url, boardId, seeder.token);
  await writer.synced;
  const ids = items.map((init) => addItem(writer.doc, init));
  await waitFor(() => {
    const stored = server.documents.open({ boardId }).doc.getMap('items');
    return ids.every((id) => stored.has(id));
  }, 'the items on the server');
  writer.destroy();
  /** POSTs to one of the board's routes ("/rounds"), as the seeder unless given another token. */
  const post = async <T = unknown>(route: string, body?: unknown, token = seeder.token) => {
    const response = await server.api<T>(`/api/boards/${boardId}${route}`, {
      token,
      method: 'POST',
      body,
    });
    if (response.status >= 300) {
      throw new Error(`POST ${route}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  };
  return {
    boardId,
    keys: created.keys,
    links: created.links,
    seederToken: seeder.token,
    ids,
    post,
  };
}

export type SeededBoard = Awaited<ReturnType<typeof seededBoard>>;

export async function openAs(
  browser: Browser,
  server: TestServer,
  boardId: string,
  key: string,
  name: string,
  options: {
    language?: 'en' | 'fi';
    /** The browser's own locale, when it is not the page language's. */
    locale?: string;
    width?: number;
    height?: number;
    touch?: boolean;
    /**
     * Opens the board at "localhost": there the browser keeps the page's connection when it
     * reports going offline, holding what is sent until it is back (elsewhere it closes it).
     */
    atLocalhost?: boolean;
    /** Runs before the page opens: routes for its WebSocket, say. */
    prepare?: (context: BrowserContext) => Promise<void>;
  } = {},
): Promise<Person> {
  const joined = await server.join(boardId, key, name);
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    locale: options.locale ?? (options.language === 'fi' ? 'fi-FI' : 'en-US'),
    // A phone's screen: touch, no hover, sharp.
    ...(options.touch ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
  });
  const membership = JSON.stringify({ token: joined.token, member: joined.member });
  await context.addInitScript(
    ([storageKey, value, language]) => {
      localStorage.setItem(storageKey, value);
      localStorage.setItem('ideamill.language', language);
    },
    [`ideamill.board.${boardId}`, membership, options.language ?? 'en'] as const,
  );
  await options.prepare?.(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    errors.push(error.message);
    console.error(`[${name}] page error:`, error.message);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const origin = options.atLocalhost ? server.url.replace('127.0.0.1', 'localhost') : server.url;
  await page.goto(`${origin}/b/${boardId}`);
  // Loaded, whether the screen is wide enough to show the side panels or not.
  await page.getByTestId('workshop-panels').waitFor({ state: 'attached' });
  return { name, member: joined.member, token: joined.token, context, page, errors };
}

/** Pans item `id` to the middle of the canvas, clear of the bars over a phone's canvas. */
export async function middleOf(page: Page, id: string): Promise<void> {
  const canvas = (await page.locator('.im-canvas').boundingBox())!;
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + 24);
  for (let i = 0; i < 6; i++) {
    const box = (await item(page, id).boundingBox())!;
    const dx = box.x + box.width / 2 - (canvas.x + canvas.width / 2);
    const dy = box.y + box.height / 2 - (canvas.y + canvas.height * 0.45);
    if (Math.abs(dx) < 4 && Math.abs(dy) < 4) return;
    await page.mouse.wheel(dx, dy);
    await page.waitForTimeout(150);
  }
}

/**
 * Zooms to about `target` about item `id`, selected (a click or a tap on its words, where it is
 * not yet: zoomed out in a round, a phone's foot can cover all of a note's words), as a
 * facilitator, whose assign button then shows. Returns the zoom reached, in whole per cent.
 */
export async function zoomAndSelect(
  person: Person,
  id: string,
  target: number,
  touch: boolean,
): Promise<number> {
  const { page } = person;
  await middleOf(page, id);
  const zoom = await zoomTo(page, target, item(page, id));
  if (!(Math.abs(zoom / target - 1) < 0.02)) throw new Error(`zoomed to ${zoom} for ${target}`);
  await middleOf(page, id);
  const selected = page.locator(`[data-item-id="${id}"].is-selected`);
  if ((await selected.count()) === 0) {
    const words = item(page, id).locator('.im-text, .im-concept-title');
    // The middle of its first line: clear of the foot below, and of a phone's tool bar.
    const position = { x: (await words.boundingBox())!.width / 2, y: 3 };
    if (touch) await words.tap({ position });
    else await words.click({ position });
  }
  await page.locator(`[data-overlay-of="${id}"].item-selected .wk-assign`).waitFor();
  return Math.round(zoom * 100);
}

/** Picks a tab of the side panels by its visible name. */
export async function openTab(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

export async function screenshot(page: Page, name: string, selector?: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  if (selector) await page.locator(selector).first().screenshot({ path: file });
  else await page.screenshot({ path: file });
}

/** Switches the board page between the canvas and the outline (the shell's view toggle). */
export async function showOutline(page: Page): Promise<void> {
  await page.locator('button[data-view="outline"]').click();
  await page.getByTestId('outline-view').waitFor();
}

/**
 * Fills a board through the API, as a facilitator: notes in the first frame, a closed public
 * round with results, and follow-ups on its winner. Returns the note ids in order.
 */
export async function seedBoard(
  server: TestServer,
  boardId: string,
  facilitatorToken: string,
  notes: string[],
  votes: number[],
): Promise<{ noteIds: string[]; roundId: string }> {
  const writer = socketIoClient(server.url, boardId, facilitatorToken);
  await writer.synced;
  const frame = readItems(writer.doc).find((item) => item.type === 'frame');
  const noteIds = notes.map((text, i) =>
    addItem(writer.doc, {
      type: 'note',
      x: (frame?.x ?? 0) + 20 + (i % 3) * 220,
      y: (frame?.y ?? 0) + 60 + Math.floor(i / 3) * 220,
      text,
      parent: frame?.id,
    }),
  );
  // The notes must be on the server before votes can name them.
  await waitFor(
    () =>
      server.documents
        .open({ boardId })
        .doc.getMap('items')
        .has(noteIds.at(-1) ?? ''),
    'the notes to reach the server',
  );
  writer.destroy();
  const budget = Math.max(
    1,
    votes.reduce((sum, n) => sum + n, 0),
  );
  const round = await server.api<{ round: { id: string } }>(`/api/boards/${boardId}/rounds`, {
    token: facilitatorToken,
    body: { title: 'First pick', budget, anonymous: false },
  });
  const roundId = round.body.round.id;
  for (const [index, count] of votes.entries()) {
    for (let n = 0; n < count; n++) {
      await server.api(`/api/boards/${boardId}/rounds/${roundId}/votes`, {
        token: facilitatorToken,
        body: { itemId: noteIds[index] },
      });
    }
  }
  await server.api(`/api/boards/${boardId}/rounds/${roundId}/close`, {
    token: facilitatorToken,
    method: 'POST',
  });
  return { noteIds, roundId };
}
