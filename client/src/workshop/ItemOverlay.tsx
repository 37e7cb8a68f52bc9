/** Drawn by the canvas on each item: vote dots during a round, results, follow-up marks. */
export function ItemOverlay(_props: { itemId: string }) {
  return null;
}
