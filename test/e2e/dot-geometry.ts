/**
 * Where an item's overlay foot, its vote dots' pill and each dot lie on the screen, from the
 * boxes the page lays out, for a mouse and for a touch screen alike (on touch the pill is the
 * row's ::before, and each dot's square has its tap room below it): phone-dots and mouse-dots.
 * And how far apart the foot's targets are, as a pointer meets them: follow-up-targets and
 * resize-handle-foot.
 */
import type { Page } from 'playwright-core';
import type { Target } from './canvas-helpers.ts';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Within half a pixel: layout places edges in 64ths, the page rounds some of them. */
export const inside = (inner: Box, outer: Box) =>
  inner.left >= outer.left - 0.5 &&
  inner.right <= outer.right + 0.5 &&
  inner.top >= outer.top - 0.5 &&
  inner.bottom <= outer.bottom + 0.5;

export const show = (box: Box) =>
  `[${[box.left, box.top, box.right, box.bottom].map((v) => v.toFixed(1)).join(', ')}]`;

export interface FootGeometry {
  /** The item, and inside its border (a card clips there). */
  item: Box;
  inner: Box;
  foot: Box;
  /** The dots' pill: the row's box less what its ::before leaves out (a square's foot). */
  pill: Box;
  /** The dots drawn: each square's box less its bottom padding (the touch room below it). */
  dots: { name: string; box: Box }[];
  /** The number the dot of mine shows, where it shows one, and where its glyphs lie. */
  count: string | null;
  countBox: Box | null;
  /** Where the words start under the card's title, or the bottom of a note's first line. */
  wordsTop: number;
}

/** Where item `id`'s foot, its dots' pill and each dot lie on the screen. */
export function footOf(page: Page, id: string): Promise<FootGeometry> {
  return page.evaluate((itemId) => {
    const element = document.querySelector<HTMLElement>(`[data-item-id="${itemId}"]`)!;
    // Drawn above every item, outside the item's element.
    const overlay = document.querySelector<HTMLElement>(`[data-overlay-of="${itemId}"]`)!;
    const box = (rect: DOMRect) => ({
      left: rect.left,
      top: rect.top,
      right: rect.right,
      bottom: rect.bottom,
    });
    const px = (value: string) => Number.parseFloat(value) || 0;
    const itemBox = element.getBoundingClientRect();
    // Own px to screen px: the board's zoom and the foot's own (overlay.css).
    const scaleOf = (node: Element) =>
      node.getBoundingClientRect().height / px(getComputedStyle(node).height);
    const itemScale = scaleOf(element);
    const border = px(getComputedStyle(element).borderTopWidth) * itemScale;
    const row = overlay.querySelector('.wk-dots-row')!;
    const rowBox = row.getBoundingClientRect();
    const rowScale = scaleOf(row);
    // With a mouse the row has no ::before: its insets read "auto", and the pill is the row.
    const pill = getComputedStyle(row, '::before');
    const dots = [...row.querySelectorAll<HTMLElement>('.wk-dot')]
      .filter((dot) => dot.checkVisibility())
      .map((dot) => {
        const rect = dot.getBoundingClientRect();
        const padding = px(getComputedStyle(dot).paddingBottom) * scaleOf(dot);
        return {
          name: dot.classList[1] ?? '',
          box: { ...box(rect), bottom: rect.bottom - padding },
        };
      });
    const text = element.querySelector('.im-text');
    const title = element.querySelector('.im-concept-title');
    const wordsTop = text
      ? text.getBoundingClientRect().top + px(getComputedStyle(text).lineHeight) * itemScale
      : title!.getBoundingClientRect().bottom;
    const count = row.querySelector('.wk-dot-count');
    const shown = count?.checkVisibility() ? count : null;
    const glyphs = document.createRange();
    if (shown) glyphs.selectNodeContents(shown);
    return {
      item: box(itemBox),
      inner: {
        left: itemBox.left + border,
        top: itemBox.top + border,
        right: itemBox.right - border,
        bottom: itemBox.bottom - border,
      },
      foot: box(overlay.querySelector('.wk-overlay-foot')!.getBoundingClientRect()),
      pill: {
        left: rowBox.left + px(pill.left) * rowScale,
        top: rowBox.top + px(pill.top) * rowScale,
        right: rowBox.right - px(pill.right) * rowScale,
        bottom: rowBox.bottom - px(pill.bottom) * rowScale,
      },
      dots,
      count: shown ? shown.textContent : null,
      countBox: shown ? box(glyphs.getBoundingClientRect()) : null,
      wordsTop,
    };
  }, id);
}

/**
 * What is wrong with item `id`'s foot: a dot out of its pill, the foot or the pill out of the
 * item. Across, they keep inside the item's edges (a card's border clips); up, below the note's
 * first line or the card's title; down, inside the item unless its foot `hangs` below its edge
 * (a note's does, overlay.css).
 */
export async function footProblems(
  page: Page,
  id: string,
  where: string,
  hangs: boolean,
): Promise<string[]> {
  const at = await footOf(page, id);
  const problems: string[] = [];
  for (const dot of at.dots) {
    if (!inside(dot.box, at.pill)) {
      problems.push(`${where}: ${dot.name} ${show(dot.box)} out of its pill ${show(at.pill)}`);
    }
  }
  const within = { ...at.inner, top: at.wordsTop };
  for (const [what, box] of [
    ['the foot', at.foot],
    ['the pill', at.pill],
  ] as const) {
    const checked = hangs ? { ...box, bottom: within.bottom } : box;
    if (!inside(checked, within)) {
      problems.push(`${where}: ${what} ${show(box)} is not inside the item ${show(within)}`);
    }
  }
  return problems;
}

const CONTROLS = ['wk-assign', 'wk-fu-mark'];

/** The assign button or the follow-up mark, by the name `targetsOf` gives it. */
export const isControl = (target: Target) =>
  CONTROLS.some((name) => target.name.startsWith(`${name} `));

/**
 * What breaks WCAG 2.5.8 among an item's targets, for pairs with the assign button or the mark:
 * one smaller than 24 × 24 px whose 24 px circle (on the middle of the area that takes the
 * pointer) meets another's area, or another small one's circle. Edges fall between pixels, where
 * the page hit-tests by its own rounding: half a pixel.
 */
export function spacingProblems(targets: Target[], where: string): string[] {
  const aimed = targets.filter((target) => target.width > 0 && target.height > 0);
  const middle = ({ box }: Target) => ({
    x: (box.left + box.right) / 2,
    y: (box.top + box.bottom) / 2,
  });
  const small = (target: Target) => target.width < 23.5 || target.height < 23.5;
  const problems: string[] = [];
  for (const one of aimed.filter(small)) {
    const at = middle(one);
    for (const other of aimed) {
      if (other === one || !(isControl(one) || isControl(other))) continue;
      const { box } = other;
      const toArea = Math.hypot(
        Math.max(box.left - at.x, 0, at.x - box.right),
        Math.max(box.top - at.y, 0, at.y - box.bottom),
      );
      const apart = Math.hypot(middle(other).x - at.x, middle(other).y - at.y);
      if (toArea < 11.5 || (small(other) && apart < 23.5)) {
        problems.push(
          `${where}: ${one.name} (${one.width.toFixed(1)} × ${one.height.toFixed(1)}) is ` +
            `${apart.toFixed(1)} px from ${other.name}'s middle, ${toArea.toFixed(1)} from its edge`,
        );
      }
    }
  }
  return problems;
}
