/**
 * The board's header on a laptop (1280 × 720) and a desktop (1440 × 900), in English and in
 * Finnish, as a facilitator and as a participant, with a room full of people: nothing in it
 * covers anything else, each word stays on one line, and all of it stays inside the header.
 * QA saw the Finnish facilitator's avatars cover "Jäsennys" and "4 henkilöä paikalla" run out
 * of the top of the header. Screenshots for review: test-results/screenshots/header-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, withServerAndBrowser } from '../helpers/browser.ts';
import { socketIoClient } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { openAs, screenshot } from './workshop-helpers.ts';

const SCREENS = [
  { width: 1280, height: 720 },
  // The narrowest that shows the count beside the avatars (board.css).
  { width: 1360, height: 768 },
  { width: 1440, height: 900 },
] as const;

/** What the header shows, each a thing of its own that nothing else may cover. */
const PARTS = [
  '.brand-mark',
  '.board-title',
  '.board-header .role-badge',
  '.view-toggle button',
  '.avatar-stack',
  '.presence-count',
  '.connection-pill',
  '.language-switch',
  '.invite-toggle',
  '.panels-toggle',
];

interface Part {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** How many lines its words take, by their line boxes. */
  lines: number;
  /** Its words are wider than the room it gives them (cut, or ellipsed). */
  cut: boolean;
}

/** The header's parts as drawn: their boxes, lines, and whether their words fit. */
function headerParts(page: Page): Promise<{ header: Part; parts: Part[] }> {
  return page.evaluate((selectors) => {
    const measure = (element: Element, name: string) => {
      const { left, top, right, bottom } = element.getBoundingClientRect();
      const tops = new Set<number>();
      const words = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = words.nextNode(); node; node = words.nextNode()) {
        // A screen reader's words (a legend, a count's name) are not drawn.
        if (node.parentElement?.closest('.visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const line of range.getClientRects()) tops.add(Math.round(line.top));
      }
      const cut = element.scrollWidth > element.clientWidth + 0.5;
      return { name, left, top, right, bottom, lines: tops.size, cut };
    };
    const header = document.querySelector('.board-header')!;
    const parts = selectors.flatMap((selector) =>
      Array.from(document.querySelectorAll(selector))
        .filter((element) => element.checkVisibility())
        .map((element) => measure(element, `${selector} "${element.textContent?.trim()}"`)),
    );
    return { header: measure(header, 'header'), parts };
  }, PARTS);
}

/** What is wrong with the header as drawn, one sentence a problem. */
function headerProblems({ header, parts }: { header: Part; parts: Part[] }): string[] {
  const problems: string[] = [];
  for (const [i, a] of parts.entries()) {
    if (a.lines > 1) problems.push(`${a.name} takes ${a.lines} lines`);
    // The title gives way with an ellipsis and its whole name in a tooltip; nothing else is cut.
    if (a.cut && !a.name.startsWith('.board-title')) problems.push(`${a.name} is cut`);
    if (
      a.left < header.left - 0.5 ||
      a.right > header.right + 0.5 ||
      a.top < header.top - 0.5 ||
      a.bottom > header.bottom + 0.5
    ) {
      problems.push(`${a.name} is outside the header`);
    }
    for (const b of parts.slice(i + 1)) {
      const apart =
        a.right <= b.left + 0.5 ||
        b.right <= a.left + 0.5 ||
        a.bottom <= b.top + 0.5 ||
        b.bottom <= a.top + 0.5;
      if (!apart) problems.push(`${a.name} and ${b.name} overlap`);
    }
  }
  return problems;
}

describe.skipIf(!HAS_CHROMIUM)('the board header on a laptop', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('fits in one row, nothing covering anything, in both languages and roles with six people here', async () => {
    const created = await server.createBoard({ title: 'Kirjaston palvelupolku' });
    const boardId = created.board.id;
    // Five others on the board: five avatars and "+1" beside my own.
    const others = await Promise.all(
      ['Emma Virtanen', 'Pekka Laine', 'Aino Mäkelä', 'Bo Berg', 'Fiona Reyes'].map(
        async (name, i) => {
          const joined = await server.join(boardId, created.keys.participant, name);
          const client = socketIoClient(server.url, boardId, joined.token);
          await client.synced;
          client.provider.awareness.setLocalState({
            member: {
              ...joined.member,
              color: ['#c2410c', '#047857', '#1d4ed8', '#7c3aed', '#be185d'][i],
            },
            cursor: null,
            viewport: null,
            selection: [],
          });
          return client;
        },
      ),
    );
    const found: string[] = [];
    for (const language of ['fi', 'en'] as const) {
      for (const role of ['facilitator', 'participant'] as const) {
        const me = await openAs(browser, server, boardId, created.keys[role], 'Fiona', {
          language,
          ...SCREENS[0],
        });
        const { page } = me;
        await page.waitForFunction(
          () => document.querySelector('.avatar-more')?.textContent === '+1',
        );
        for (const size of SCREENS) {
          await page.setViewportSize(size);
          // Wait for the layout to settle at the new width.
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
          const problems = headerProblems(await headerParts(page));
          found.push(...problems.map((problem) => `${language} ${role} ${size.width}: ${problem}`));
          await screenshot(page, `header-${language}-${role}-${size.width}`, '.board-header');
        }
        await me.context.close();
      }
    }
    for (const client of others) client.destroy();
    expect(found).toEqual([]);
  });
});

describe.skipIf(!HAS_CHROMIUM)('the board header on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it("keeps a team board's number whole where the title is cut (QA: every team's board read 'Kehittämispäivä 20…')", async () => {
    const title = 'Kehittämispäivä 2026: asiakaskokemus · Tiimi 3';
    const created = await server.createBoard({ title });
    const me = await openAs(browser, server, created.board.id, created.keys.participant, 'Liisa', {
      language: 'fi',
      width: 390,
      height: 844,
      touch: true,
    });
    const { page } = me;
    const heading = page.getByTestId('board-title');
    await heading.waitFor();
    const shown = await page.evaluate(() => {
      const box = (selector: string) => {
        const element = document.querySelector(selector) as HTMLElement;
        const { left, right } = element.getBoundingClientRect();
        return { left, right, cut: element.scrollWidth > element.clientWidth + 0.5 };
      };
      return {
        title: box('.board-title'),
        head: box('.board-title-head'),
        tail: box('.board-title-tail'),
        tailText: document.querySelector('.board-title-tail')?.textContent,
      };
    });
    await screenshot(page, 'header-phone-team-board', '.board-header');
    // The beginning gives way, with an ellipsis; the team's number is drawn whole, inside the title.
    expect(shown.head.cut).toBe(true);
    expect(shown.tailText).toBe(' · Tiimi 3');
    expect(shown.tail.cut).toBe(false);
    expect(shown.tail.right).toBeLessThanOrEqual(shown.title.right + 0.5);
    expect(shown.tail.left).toBeGreaterThanOrEqual(shown.head.right - 0.5);
    // Read as one name, and whole in its tooltip.
    expect(await heading.textContent()).toBe(title);
    expect(await heading.getAttribute('title')).toBe(title);
    await me.context.close();
  });
});
