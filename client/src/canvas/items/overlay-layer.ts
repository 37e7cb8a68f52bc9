/**
 * Items' overlays (the workshop's vote dots, badges, follow-up marks, assign button) are drawn in
 * a layer of their own above every item, each in a box at its item's place (`data-overlay-of`,
 * ItemShell.tsx): drawn inside the item's element they stacked with it, and an item lying over it
 * hid them and took the clicks meant for them (a11y QA). Out of the item's element, they still
 * count as the item's: these find one from the other.
 */

/** The layer's element, made once per canvas: React draws each overlay into it (a portal). */
export function makeOverlayLayer(): HTMLDivElement {
  const layer = document.createElement('div');
  layer.className = 'im-overlays';
  return layer;
}

/** The id of the item `node` is part of: inside its element, or inside its overlay. */
export function itemIdOf(node: Element | null | undefined): string | null {
  const owner = node?.closest('[data-item-id], [data-overlay-of]');
  return owner?.getAttribute('data-item-id') ?? owner?.getAttribute('data-overlay-of') ?? null;
}

/** The element of the item `node` is part of (its own, or its overlay's item's), on the page. */
export function itemElementOf(node: Element | null | undefined): HTMLElement | null {
  const own = node?.closest<HTMLElement>('[data-item-id]');
  if (own) return own;
  const id = node?.closest('[data-overlay-of]')?.getAttribute('data-overlay-of');
  if (!node || !id) return null;
  const world = node.closest('.im-world') ?? node.ownerDocument;
  return world.querySelector<HTMLElement>(`.im-item[data-item-id="${CSS.escape(id)}"]`);
}

/** The overlay drawn for the item whose element is `item`, if one is. */
export function overlayElementOf(item: Element | null | undefined): HTMLElement | null {
  const id = item?.getAttribute('data-item-id');
  if (!item || !id) return null;
  const world = item.closest('.im-world') ?? item.ownerDocument;
  return world.querySelector<HTMLElement>(`[data-overlay-of="${CSS.escape(id)}"]`);
}
