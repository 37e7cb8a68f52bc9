/** What the page lays out, measured as a person sees it: e2e tests of the board's chrome. */
import type { Page } from 'playwright-core';

/**
 * How many lines the words of each element matched take, by their line boxes: the words'
 * own, not the boxes of elements around them (a button's words may sit in a span of their own).
 */
export function lineCounts(
  page: Page,
  selector: string,
): Promise<{ text: string; lines: number }[]> {
  return page.evaluate((selector) => {
    return Array.from(document.querySelectorAll(selector))
      .filter((element) => element.checkVisibility())
      .map((element) => {
        const tops = new Set<number>();
        const words = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = words.nextNode(); node; node = words.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const line of range.getClientRects()) tops.add(Math.round(line.top));
        }
        return { text: element.textContent ?? '', lines: tops.size };
      });
  }, selector);
}
