/** The board's state as the server sends it (`board:state`), for tests of what the page makes of it. */
import { type BoardState, UNTOUCHED_BOARD_STATE } from '../../shared/facilitation.ts';

/**
 * A board at rest: unlocked, no phase, no timer, no silent writing, names hidden; `serverNow`
 * the server's clock as it sent it (by default, now).
 */
export function calmBoard(serverNow = Date.now()): BoardState {
  return { ...UNTOUCHED_BOARD_STATE, serverNow };
}
