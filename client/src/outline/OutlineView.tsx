/** The accessible alternative to the canvas: frames, items, votes and follow-ups as a list. */
export function OutlineView() {
  return null;
}
