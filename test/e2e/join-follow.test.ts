import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ViewportState } from '../../client/src/board/presence.ts';
import { openBoard, showView, waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { socketIoClient, yWebsocketClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';

/** The view a member's page publishes in awareness, as a plain Yjs client sees it. */
function publishedViewport(
  observer: ReturnType<typeof yWebsocketClient>,
  name: string,
): ViewportState | null {
  for (const state of observer.provider.awareness.getStates().values()) {
    if ((state as { member?: { name?: string } }).member?.name === name) {
      return (state as { viewport?: ViewportState }).viewport ?? null;
    }
  }
  return null;
}

const near = (a: ViewportState | null, b: ViewportState | null) =>
  a !== null &&
  b !== null &&
  Math.abs(a.x - b.x) <= 2 &&
  Math.abs(a.y - b.y) <= 2 &&
  Math.abs(a.zoom - b.zoom) < 0.01;

describe.skipIf(!HAS_CHROMIUM)('following people around the board', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('follows a member as they move, stops on my own move, and answers "bring everyone to me"', async () => {
    const { board, tokens } = await server.boardWithMembers('customer-journey');
    const boardId = board.board.id;
    // A plain Yjs client watches what each page publishes in awareness.
    const observer = yWebsocketClient(server.url, boardId, tokens.viewer);
    await observer.synced;
    const viewportOf = (name: string) => publishedViewport(observer, name);

    const lead = await openBoard(browser, board.links.facilitator, 'Fiona');
    const follower = await openBoard(browser, board.links.participant, 'Aino');
    await waitForConnection(lead.page);
    await waitForConnection(follower.page);

    await follower.page.locator('.presence-toggle').click();
    await follower.page.locator('.presence-row', { hasText: 'Fiona' }).locator('button').click();
    await follower.page.locator('[data-testid="following-banner"]').waitFor();
    await follower.page.keyboard.press('Escape');

    // The lead pans the board; the follower's view goes along.
    await expect.poll(() => viewportOf('Fiona')?.x ?? null).not.toBeNull();
    const start = viewportOf('Fiona');
    const canvas = lead.page.locator('.canvas-host');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await lead.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await lead.page.mouse.wheel(400, 300);
    await expect.poll(() => near(viewportOf('Fiona'), start)).toBe(false);
    const followed = viewportOf('Fiona');
    await expect.poll(() => near(viewportOf('Aino'), followed), { timeout: 10_000 }).toBe(true);

    // Touching the board myself ends following: the lead moves on, my view stays.
    await follower.page.locator('.canvas-host').click({ position: { x: 400, y: 300 } });
    await follower.page.locator('[data-testid="following-banner"]').waitFor({ state: 'detached' });
    await lead.page.mouse.wheel(-800, -600);
    await expect.poll(() => near(viewportOf('Fiona'), followed)).toBe(false);
    await follower.page.waitForTimeout(800);
    expect(near(viewportOf('Aino'), followed)).toBe(true);

    // A facilitator brings everyone to a place.
    const facilitator = socketIoClient(server.url, boardId, tokens.facilitator);
    await facilitator.synced;
    const place = { x: 1500, y: 700, zoom: 0.75 };
    await new Promise((resolve) =>
      facilitator.provider.socket.emit('presence:summon', { viewport: place }, resolve),
    );
    await follower.page.locator('[data-testid="summoned-banner"]').waitFor();
    await expect.poll(() => near(viewportOf('Aino'), place), { timeout: 10_000 }).toBe(true);

    facilitator.destroy();
    observer.destroy();
    await lead.context.close();
    await follower.context.close();
  });

  it('a participant reading the outline is told where "bring everyone to me" points, and one press shows the board there', async () => {
    const { board, tokens } = await server.boardWithMembers('customer-journey');
    const boardId = board.board.id;
    const observer = yWebsocketClient(server.url, boardId, tokens.viewer);
    await observer.synced;
    const viewportOf = (name: string) => publishedViewport(observer, name);
    const reader = await openBoard(browser, board.links.participant, 'Aino');
    await waitForConnection(reader.page);
    await showView(reader.page, 'outline');

    const facilitator = socketIoClient(server.url, boardId, tokens.facilitator);
    await facilitator.synced;
    const place = { x: 1500, y: 700, zoom: 0.75 };
    await new Promise((resolve) =>
      facilitator.provider.socket.emit('presence:summon', { viewport: place }, resolve),
    );
    const banner = reader.page.getByTestId('summoned-banner');
    await banner.waitFor();
    // Nothing has moved yet: the outline has no view to move. The notice says where to look,
    // and waits for the reader (a canvas's notice goes after 6 s, its view moved already).
    expect(await reader.page.getByTestId('outline-view').count()).toBe(1);
    await reader.page.waitForTimeout(6500);
    await banner.getByRole('button', { name: 'Show me' }).click({ timeout: 5000 });
    await reader.page.locator('.im-canvas').waitFor();
    await banner.waitFor({ state: 'detached' });
    await expect.poll(() => near(viewportOf('Aino'), place), { timeout: 10_000 }).toBe(true);
    // The first fit of a canvas just shown does not take the reader away again.
    await reader.page.waitForTimeout(1000);
    expect(near(viewportOf('Aino'), place)).toBe(true);

    facilitator.destroy();
    observer.destroy();
    await reader.context.close();
  });
});
