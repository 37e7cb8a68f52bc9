/**
 * A sentence of the status row above the board, and its one-line brief, which replaces it on a
 * phone (board.css), screen readers included: the connection banner, the lock and silent
 * writing. There a sentence took two or three lines, and the row grown by them covered the
 * customer journey's title and stage labels, or pushed the board down (viewport.ts). Outside
 * the status row (the side panels) the sentence stays.
 */
export function StatusWords({ words, brief }: { words: string; brief: string }) {
  return (
    <>
      <span className="status-words">{words}</span>
      <span className="status-brief">{brief}</span>
    </>
  );
}
