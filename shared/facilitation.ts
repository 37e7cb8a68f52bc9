/**
 * Facilitation: voting rounds, board lock, phase, shared timer, silent writing.
 * Schemas for every request (HTTP body or Socket.io payload) and the shapes the server returns.
 */
import { z } from 'zod';
import { ITEM_TYPES, type ItemType } from './board-document.ts';
import { type Box, centre, contains } from './geometry.ts';
import { atMost, oneLineText } from './text-rules.ts';

export { DEFAULT_VOTE_TARGETS, PHASES } from './constants.ts';

/**
 * `frameId` and `durationSec` may be null, as a round returns them (no frame, no timer): a script
 * opens the next round with the settings it read.
 */
export const openRoundBody = z
  .strictObject({
    title: z
      .string()
      .trim()
      .refine(...atMost(200))
      .optional(),
    budget: z.number().int().min(1).max(99),
    maxPerItem: z.number().int().min(1).max(99).optional(),
    itemTypes: z.array(z.enum(ITEM_TYPES)).min(1).max(ITEM_TYPES.length).optional(),
    frameId: z.string().min(1).max(200).nullish(),
    anonymous: z.boolean().default(true),
    durationSec: z.number().int().min(1).max(86_400).nullish(),
  })
  .refine((body) => body.maxPerItem === undefined || body.maxPerItem <= body.budget, {
    message: 'maxPerItem must not exceed the budget',
    path: ['maxPerItem'],
  });
export type OpenRoundBody = z.input<typeof openRoundBody>;

export const voteBody = z.strictObject({ itemId: z.string().min(1).max(200) });

export type RoundStatus = 'open' | 'closed';

export interface Round {
  id: string;
  title: string;
  status: RoundStatus;
  budget: number;
  maxPerItem: number;
  itemTypes: ItemType[];
  frameId: string | null;
  anonymous: boolean;
  durationSec: number | null;
  openedAt: string;
  /** When the server closes it by itself (rounds with a duration). */
  closesAt: string | null;
  closedAt: string | null;
  /** How many members have cast at least one vote. */
  voters: number;
}

/** Frames in frames deeper than this are taken for a loop of parents. */
const MAX_NESTING = 64;

/** An item's place as insideFrame reads it: its box and the frame it was dropped in. */
export type Placed = Box & { parent?: string };

/** Looks up a board's item by id, for insideFrame: null or undefined where there is none. */
export type FrameOf = (id: string) => (Placed & { type: string }) | null | undefined;

/**
 * Whether an item lies inside a round's frame (docs/API.md, `frameId`), as the canvas nests
 * them: the frame's child by `parent`, or a child of a frame inside it, at any depth; where the
 * chain of parents ends (an item without one, or a parent that names no frame), the centre of
 * its last item lying in the frame. So a note in a group frame drawn in the round's frame takes
 * votes, as does a note whose frame was deleted from under it, where it now lies. A child of the
 * round's frame still is one once the frame is gone. The server decides votes with this; the
 * board asks it too, to mark a round's targets before anyone clicks.
 */
export function insideFrame(item: Placed, frameId: string, frameOf: FrameOf): boolean {
  let last: Placed = item;
  for (let depth = 0; last.parent !== undefined; depth++) {
    if (last.parent === frameId) return true;
    // Parents in a loop (a foreign client's data): no frame holds them.
    if (depth === MAX_NESTING) return false;
    const parent = frameOf(last.parent);
    if (parent?.type !== 'frame') break;
    last = parent;
  }
  const frame = frameOf(frameId);
  return frame?.type === 'frame' && contains(frame, centre(last));
}

export interface RoundResult {
  itemId: string;
  votes: number;
  /** 1 for the most votes; equal votes share a rank (1, 1, 3). */
  rank: number;
  /**
   * What the item was called when the round closed (its first line, at most 200 characters):
   * the results still read if the item is deleted later. Only in closed rounds' results.
   */
  label?: string;
}

/** Votes on items deleted during the round: counted out of the results, and said so. */
export interface ExcludedResult {
  itemId: string;
  votes: number;
  reason: 'item_deleted';
}

/** How many votes each member has used: facilitators see this, never the items voted on. */
export interface Participation {
  memberId: string;
  name: string;
  used: number;
}

/** A round as one member sees it. */
export interface RoundView {
  round: Round;
  /** My votes: item id → how many. */
  myVotes: Record<string, number>;
  remaining: number;
  /** Ranked results: once closed, or live while open in a round that is not anonymous. */
  results?: RoundResult[];
  excluded?: ExcludedResult[];
  participation?: Participation[];
}

export interface CloseRoundResponse {
  round: Round;
  results: RoundResult[];
  excluded: ExcludedResult[];
}

export interface VoteResponse {
  remaining: number;
  myVotes: Record<string, number>;
}

export const lockBody = z.strictObject({ locked: z.boolean() });
export const namesBody = z.strictObject({ shown: z.boolean() });
export const phaseBody = z.strictObject({
  /** One of PHASES, or the facilitator's own words; null clears it. */
  phase: oneLineText('phase', 80).nullable(),
});
export const timerBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start'), durationSec: z.number().int().min(1).max(86_400) }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('reset') }),
]);
export type TimerAction = z.infer<typeof timerBody>;

export const silentWritingBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({ action: z.literal('reveal'), anonymous: z.boolean().default(false) }),
]);

export type TimerState =
  | { status: 'idle' }
  | { status: 'running'; durationMs: number; endsAt: number }
  | { status: 'paused'; durationMs: number; remainingMs: number };

export interface BoardState {
  locked: boolean;
  phase: string | null;
  timer: TimerState;
  silentWriting: boolean;
  /**
   * Whether the board shows who wrote each note: a facilitator's choice, which a reveal with
   * names turns on and one without turns off.
   */
  showNames: boolean;
  /** The server's clock when this was sent (ms): clients correct their countdown with it. */
  serverNow: number;
}

/** A board's state until a facilitator changes it (the server's clock aside). */
export const UNTOUCHED_BOARD_STATE: Readonly<Omit<BoardState, 'serverNow'>> = {
  locked: false,
  phase: null,
  timer: { status: 'idle' },
  silentWriting: false,
  showNames: false,
};

export interface RevealResponse {
  revealed: number;
}

/**
 * How far silent writing has come, for facilitators deciding when to reveal: how many people
 * have a private note, and how many notes there are, all told (never whose).
 */
export interface SilentProgress {
  writers: number;
  notes: number;
}

export const viewportSchema = z.strictObject({
  x: z.number().finite(),
  y: z.number().finite(),
  zoom: z.number().finite().positive().max(100),
  /** The board area on the summoner's screen (board units), for each to see it whole. */
  w: z.number().finite().positive().max(10_000_000).optional(),
  h: z.number().finite().positive().max(10_000_000).optional(),
});
export type Viewport = z.infer<typeof viewportSchema>;
