/**
 * A vote cast while the connection is away (journey QA, D2). The browser said it was offline,
 * and the page sent the vote anyway: the browser held it, and sent it once back online 13 s
 * later. The server counted it, but the page had given up on its answer after 10 s and ignored
 * it: "2 of 2 votes left", no dot, and "this may not have been saved" until a reload, so
 * people voted again. Now a vote cast while the browser says it is offline is refused at once,
 * saying nothing was sent. One cast into a connection that died without the browser knowing gets
 * no answer, and the page connects again at once instead of half a minute later (an answer that
 * still comes after the page gave up is shown: test/unit/socket-request.test.ts).
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RoundView } from '../../shared/facilitation.ts';
import { waitForConnection } from '../helpers/board-page.ts';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';
import { overlayOf } from './canvas-helpers.ts';
import { openAs, screenshot, seededBoard } from './workshop-helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('a vote cast while the connection is away', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  async function roundOfTwoVotes(title: string) {
    const seeded = await seededBoard(server, title, [
      { type: 'note', x: 0, y: 0, text: 'Clinic phone line' },
    ]);
    await seeded.post('/rounds', { title: 'Which first?', budget: 2 });
    /** Chen's votes as the server holds them. */
    const myVotes = async (token: string) => {
      const { body } = await server.api<{ rounds: RoundView[] }>(
        `/api/boards/${seeded.boardId}/rounds`,
        { token },
      );
      return body.rounds[0]?.myVotes;
    };
    return { ...seeded, myVotes };
  }

  it('while the browser is offline, is refused at once, saying nothing was sent; back online, it counts', async () => {
    const seeded = await roundOfTwoVotes('Offline vote');
    // At localhost, as in the QA pass: the browser keeps the connection and holds what is sent.
    const chen = await openAs(browser, server, seeded.boardId, seeded.keys.participant, 'Chen', {
      atLocalhost: true,
    });
    const { page, context } = chen;
    const votesLeft = page.getByTestId('votes-left');
    await votesLeft.getByText('2 of 2 votes left').waitFor();
    const dot = overlayOf(page, seeded.ids[0]!).locator('.wk-dot-add');

    await context.setOffline(true);
    await waitForConnection(page, 'offline');
    await dot.click();
    const refused = page
      .getByRole('alert')
      .filter({ hasText: 'Not connected, so nothing was sent' });
    // At once: not after the 10 s the page waits for an answer.
    await refused.first().waitFor({ timeout: 3_000 });
    await screenshot(page, 'offline-vote-refused');
    expect(await votesLeft.textContent()).toContain('2 of 2 votes left');

    await context.setOffline(false);
    await waitForConnection(page);
    await page.waitForTimeout(1_000);
    // Nothing was sent, as the page said.
    expect(await seeded.myVotes(chen.token)).toEqual({});
    await dot.click();
    await votesLeft.getByText('1 of 2 votes left').waitFor();
    expect(await seeded.myVotes(chen.token)).toEqual({ [seeded.ids[0]!]: 1 });
    expect(await refused.count()).toBe(0);
    await context.close();
  });

  it('cast into a connection that died without a word, says no answer and connects again at once: cast again, it counts once', async () => {
    const seeded = await roundOfTwoVotes('Dead link vote');
    // Each WebSocket through a link of its own; `cut()` makes the links open now drop every
    // message both ways and close nothing, as a Wi-Fi re-association or a NAT that forgot the
    // connection leaves it. Links opened afterwards pass.
    const links: { dead: boolean }[] = [];
    const cut = () => {
      for (const link of links) link.dead = true;
    };
    const chen = await openAs(browser, server, seeded.boardId, seeded.keys.participant, 'Chen', {
      prepare: (context) =>
        context.routeWebSocket(/\/socket\.io\//, (page) => {
          const link = { dead: false };
          links.push(link);
          const toServer = page.connectToServer();
          page.onMessage((message) => {
            if (!link.dead) toServer.send(message);
          });
          toServer.onMessage((message) => {
            if (!link.dead) page.send(message);
          });
        }),
    });
    const { page, context } = chen;
    const votesLeft = page.getByTestId('votes-left');
    await votesLeft.getByText('2 of 2 votes left').waitFor();
    const opened = links.length;

    cut();
    await overlayOf(page, seeded.ids[0]!).locator('.wk-dot-add').click();
    const noAnswer = page
      .getByRole('alert')
      .filter({ hasText: 'No answer from the server in time' });
    await noAnswer.first().waitFor({ timeout: 15_000 });
    // Connecting again now, not when Socket.io's pings would have noticed (30 s after the last
    // one, while the page said it was live).
    await expect.poll(() => links.length, { timeout: 5_000 }).toBeGreaterThan(opened);
    await waitForConnection(page);
    // The page's own reads on reconnecting leave the sentence for the person to read (they
    // took it away at once, CI caught it): it goes with their next action's answer.
    await page.waitForTimeout(1_000);
    expect(await noAnswer.count()).toBe(1);
    await screenshot(page, 'dead-link-vote-no-answer');
    // The vote never reached the server, and the page, connected again, says what it holds.
    expect(await seeded.myVotes(chen.token)).toEqual({});
    expect(await votesLeft.textContent()).toContain('2 of 2 votes left');
    await overlayOf(page, seeded.ids[0]!).locator('.wk-dot-add').click();
    await votesLeft.getByText('1 of 2 votes left').waitFor({ timeout: 5_000 });
    expect(await seeded.myVotes(chen.token)).toEqual({ [seeded.ids[0]!]: 1 });
    await noAnswer.first().waitFor({ state: 'detached' });
    await context.close();
  });
});
