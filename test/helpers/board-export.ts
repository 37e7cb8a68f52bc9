/** A board's export as the export formats take it, for tests that render one from items. */
import type { Board } from '../../shared/api.ts';
import type { Item } from '../../shared/board-document.ts';
import type { BoardExport } from '../../shared/follow-through.ts';

/** `items` on a board of no rounds, members or follow-ups unless `rest` gives them. */
export function boardExport(
  items: Item[],
  { board = {}, ...rest }: { board?: Partial<Board> } & Partial<Omit<BoardExport, 'board'>> = {},
): BoardExport {
  return {
    format: 'ideamill.board-export',
    version: 1,
    exportedAt: '2026-12-05T12:00:00.000Z',
    board: {
      id: 'b',
      title: 'Kehittämispäivä',
      template: 'blank',
      language: 'en',
      createdAt: '2026-12-05T08:00:00.000Z',
      ...board,
    },
    snapshot: null,
    members: [],
    items,
    rounds: [],
    followUps: [],
    ...rest,
  };
}
