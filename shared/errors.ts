/**
 * Every error the API or the realtime channels can report, with the HTTP status it carries.
 * Codes are stable: clients branch on them, people read the message.
 */
export const ERROR_STATUS = {
  invalid_input: 400,
  invalid_json: 400,
  malformed_message: 400,
  /** An export's `tz` that names no time zone the server knows (its data may be older). */
  invalid_time_zone: 400,
  /** A request line and headers past what Node reads (16 KB): its HTTP parser answers (QA). */
  headers_too_large: 431,
  token_required: 401,
  invalid_token: 401,
  invalid_key: 401,
  /** A link to carry on from another device that was used already, or expired (or never was). */
  invalid_device_link: 401,
  admin_token_required: 401,
  create_token_required: 401,
  /**
   * Said to a member's connections as a facilitator takes it off the board, and to its token on
   * that board from then on.
   */
  member_removed: 401,
  /**
   * Said to a device's connections as its member signs it out from another device, and to its
   * token from then on (API.md, "Devices").
   */
  device_signed_out: 401,
  metrics_token_required: 401,
  role_not_allowed: 403,
  read_only: 403,
  not_a_target: 400,
  board_not_found: 404,
  route_not_found: 404,
  round_not_found: 404,
  item_not_found: 404,
  frame_not_found: 404,
  vote_not_found: 404,
  follow_up_not_found: 404,
  snapshot_not_found: 404,
  member_not_found: 404,
  device_not_found: 404,
  /** Realtime only: said to everyone connected when the board is deleted (HTTP then says 404). */
  board_deleted: 410,
  method_not_allowed: 405,
  round_already_open: 409,
  round_closed: 409,
  budget_exhausted: 409,
  item_cap_reached: 409,
  silent_writing_not_running: 409,
  round_still_open: 409,
  payload_too_large: 413,
  document_too_large: 413,
  unsupported_media_type: 415,
  upgrade_required: 426,
  rate_limited: 429,
  internal_error: 500,
  storage_failed: 500,
  storage_full: 507,
  shutting_down: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** `rate_limited` only: seconds until trying again can succeed (HTTP's Retry-After too). */
  retryAfterSec?: number;
}

/** The HTTP error envelope: `{"error":{"code","message"}}`. */
export interface ErrorResponse {
  error: ErrorBody;
}

/**
 * WebSocket close codes on the y-websocket endpoint (4000–4999 is the application range).
 * The close reason is the error code string, so a stock client can log why it was closed.
 */
export const CLOSE_CODE: Partial<Record<ErrorCode, number>> = {
  malformed_message: 4400,
  token_required: 4401,
  invalid_token: 4401,
  member_removed: 4401,
  device_signed_out: 4401,
  role_not_allowed: 4403,
  board_not_found: 4404,
  board_deleted: 4410,
  document_too_large: 4413,
  rate_limited: 4429,
  storage_failed: 4500,
  storage_full: 4507,
  internal_error: 4500,
  shutting_down: 1001,
};
