/**
 * The Socket.io realtime contract (docs/PROTOCOL.md). Both ends import these maps, so an
 * event name or payload exists in exactly one place:
 *   server: Server<ClientToServerEvents, ServerToClientEvents, {}, SocketData>
 *   client: Socket<ServerToClientEvents, ClientToServerEvents>
 * Requests carry an acknowledgement callback that receives an AckResult.
 */
import { z } from 'zod';
import type { Board, PublicMember, RenameBoardBody, RenamedBoard } from './api.ts';
import type { ErrorBody } from './errors.ts';
import type {
  BoardState,
  CloseRoundResponse,
  OpenRoundBody,
  Participation,
  RevealResponse,
  Round,
  RoundResult,
  RoundView,
  SilentProgress,
  TimerAction,
  Viewport,
  VoteResponse,
} from './facilitation.ts';
import type {
  CreateFollowUpBody,
  FollowUp,
  FollowUpsFromRoundBody,
  Snapshot,
  UpdateFollowUpBody,
} from './follow-through.ts';
import type { Member } from './roles.ts';

export { PROTOCOL_VERSION } from './constants.ts';

/** `io(url, { auth })`: who is connecting, to which board. */
export const socketAuthSchema = z.object({
  token: z.string().min(1).max(200),
  boardId: z.string().uuid(),
  /** Never a reason to refuse (PROTOCOL.md): a value that is not a version is ignored. */
  protocol: z.number().int().optional().catch(undefined),
  /**
   * Encodings the client can undo for a large `yjs` / `private:yjs` message (since 5 December
   * 2026): `deflate-raw`. Unknown names are ignored, and so is a value that is not a list of
   * names: the connection gets every message as it is, not a refusal.
   */
  acceptEncoding: z.array(z.string().max(40)).max(8).optional().catch(undefined),
});

/** How a server → client `yjs` message may be compressed: raw DEFLATE (RFC 1951). */
export type ContentEncoding = 'deflate-raw';
export type SocketAuth = z.infer<typeof socketAuthSchema>;

/** A restore, as everyone on the board hears of it. */
export interface BoardRestored {
  snapshotId: string;
  /** The restorer's name, and member id (names need not be unique). */
  by: string;
  memberId: string;
  /** The version saved just before the restore: restoring it undoes the restore. */
  undoSnapshotId: string;
  /** Entries of `items` the restore took away, brought back, and set to an earlier state. */
  removed: number;
  added: number;
  changed: number;
}

export type AckResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type Ack<T> = (result: AckResult<T>) => void;

export const roundRefSchema = z.strictObject({ roundId: z.string().min(1).max(200) });
export const voteRefSchema = z.strictObject({
  roundId: z.string().min(1).max(200),
  itemId: z.string().min(1).max(200),
});

export interface ClientToServerEvents {
  /**
   * One y-protocols message for the shared board document. With an acknowledgement, the server
   * calls it (with no arguments) once what the message carried is stored.
   */
  yjs: (message: Uint8Array, stored?: () => void) => void;
  /** One y-protocols message for my private document (silent writing); acknowledged alike. */
  'private:yjs': (message: Uint8Array, stored?: () => void) => void;
  'round:open': (body: OpenRoundBody, ack: Ack<RoundView>) => void;
  'round:vote': (body: { roundId: string; itemId: string }, ack: Ack<VoteResponse>) => void;
  'round:retract': (body: { roundId: string; itemId: string }, ack: Ack<VoteResponse>) => void;
  'round:close': (body: { roundId: string }, ack: Ack<CloseRoundResponse>) => void;
  'round:list': (ack: Ack<RoundView[]>) => void;
  /** Facilitators: a new title for the board (as `PATCH /api/boards/:id`). */
  'board:rename': (body: RenameBoardBody, ack: Ack<RenamedBoard>) => void;
  'board:lock': (body: { locked: boolean }, ack: Ack<BoardState>) => void;
  /** Facilitators: whether the board shows who wrote each note. */
  'board:names': (body: { shown: boolean }, ack: Ack<BoardState>) => void;
  'board:phase': (body: { phase: string | null }, ack: Ack<BoardState>) => void;
  'timer:control': (body: TimerAction, ack: Ack<BoardState>) => void;
  'silent:start': (body: Record<string, never>, ack: Ack<BoardState>) => void;
  'silent:reveal': (body: { anonymous?: boolean }, ack: Ack<RevealResponse>) => void;
  'silent:progress': (body: Record<string, never>, ack: Ack<SilentProgress>) => void;
  /** Facilitator: "bring everyone to me". */
  'presence:summon': (body: { viewport: Viewport }, ack: Ack<Record<string, never>>) => void;
  'followup:list': (ack: Ack<FollowUp[]>) => void;
  'followup:create': (body: CreateFollowUpBody, ack: Ack<FollowUp>) => void;
  'followup:update': (
    body: { id: string; changes: UpdateFollowUpBody },
    ack: Ack<FollowUp>,
  ) => void;
  'followup:delete': (body: { id: string }, ack: Ack<Record<string, never>>) => void;
  'followup:from-round': (body: FollowUpsFromRoundBody, ack: Ack<FollowUp[]>) => void;
  'snapshot:list': (ack: Ack<Snapshot[]>) => void;
  'snapshot:create': (body: { name?: string }, ack: Ack<Snapshot>) => void;
  'snapshot:restore': (body: { snapshotId: string }, ack: Ack<Snapshot>) => void;
  'snapshot:delete': (body: { snapshotId: string }, ack: Ack<Record<string, never>>) => void;
}

export interface ServerToClientEvents {
  /** One y-protocols message for the shared board document. */
  /** `encoding`: the message is compressed so (only to a client whose auth accepts it). */
  yjs: (message: Uint8Array, encoding?: ContentEncoding) => void;
  /** One y-protocols message for my private document. */
  'private:yjs': (message: Uint8Array, encoding?: ContentEncoding) => void;
  /**
   * Sent once after the handshake: who the server thinks you are, and which build of the web
   * client it serves (its entry script, `/assets/index-<hash>.js`; absent without one).
   */
  'board:welcome': (welcome: {
    member: PublicMember;
    /** The board as it is now: its title may have changed since the page loaded. */
    board: Board;
    protocol: number;
    build?: string;
    /** The server acknowledges `yjs` and `private:yjs` messages once stored (see PROTOCOL.md). */
    acknowledges?: boolean;
    /**
     * The largest `yjs` message the server takes: one far past it never reaches the server's
     * own check (the transport cuts it), so a client holds it back itself (PROTOCOL.md).
     */
    maxMessageBytes?: number;
  }) => void;
  /** A facilitator (or the operator) gave the board a new title. */
  'board:renamed': (renamed: RenamedBoard) => void;
  /** Something the client sent was refused; fatal codes are followed by a disconnect. */
  'board:error': (error: ErrorBody) => void;
  /** Lock, phase, timer, silent writing and names shown: on connect and on every change. */
  'board:state': (state: BoardState) => void;
  'round:opened': (round: Round) => void;
  /** After every cast or retraction. `results` only in rounds that are not anonymous. */
  'round:progress': (progress: {
    roundId: string;
    voters: number;
    results?: RoundResult[];
  }) => void;
  /** Facilitators only: how many votes each member has used (never on what). */
  'round:participation': (update: { roundId: string; participation: Participation[] }) => void;
  'round:closed': (closed: CloseRoundResponse) => void;
  /**
   * My own votes changed through another connection of mine (another tab, or the HTTP API).
   * The connection that cast the vote gets its acknowledgement instead.
   */
  'round:mine': (mine: { roundId: string } & VoteResponse) => void;
  /**
   * My device link was taken (`POST /api/boards/:id/device-links/take`): another device is on
   * the board as me now. Since 7 December 2026.
   */
  'device-link:taken': () => void;
  'silent:revealed': (reveal: { revealed: number; anonymous: boolean }) => void;
  /** Facilitators only, while silent writing runs: the totals changed. */
  'silent:progress': (progress: SilentProgress) => void;
  'presence:summoned': (summon: { memberId: string; name: string; viewport: Viewport }) => void;
  /** A follow-up was created or changed. */
  'followup:changed': (followUp: FollowUp) => void;
  'followup:deleted': (deleted: { id: string }) => void;
  'snapshot:created': (snapshot: Snapshot) => void;
  /**
   * Snapshots were let go: automatic ones by retention (thinned with age), all of one pass at
   * once, or one a facilitator deleted. A history list drops them, and asking for one of them
   * is `snapshot_not_found`.
   */
  'snapshot:deleted': (deleted: { ids: string[] }) => void;
  /**
   * The board was restored from a snapshot; the document change arrives on `yjs`. `by` is the
   * restorer's name, `memberId` who they are (two members may share a name).
   */
  'board:restored': (restored: BoardRestored) => void;
}

export interface SocketData {
  member: Member;
  /** Which of the member's devices the token is (API.md, "Devices"). */
  device: string;
  /** Whether large sync messages may go compressed (the handshake's `acceptEncoding`). */
  acceptsDeflate?: boolean;
  /** The error code the server closed the connection for, for its log. */
  closedFor?: string;
}
