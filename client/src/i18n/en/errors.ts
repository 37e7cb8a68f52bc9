/**
 * What went wrong, in a sentence a person can act on: one for every code the server sends
 * (shared/errors.ts) and for the few the page meets on its own. The server's own message is
 * English and meant for logs; the page never shows it (`errorSentence` in ../error-sentence.ts).
 */
import type { ErrorCode } from '../../../../shared/errors.ts';

/** Failures the page finds itself, with no server code: no answer, no connection, no key. */
export type ClientErrorCode =
  | 'no_answer'
  | 'edit_refused'
  | 'offline'
  | 'unreachable'
  | 'timed_out'
  | 'http_error'
  | 'no_key';

/** Every code has its sentence; a rate limit's says how long to wait when the page knows. */
export type ErrorSentences = {
  [Code in ErrorCode | ClientErrorCode]: Code extends 'rate_limited'
    ? (waitSec: number | null) => string
    : string;
};

const wait = (seconds: number) =>
  seconds < 90
    ? `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`
    : `${Math.ceil(seconds / 60)} minutes`;

export const errors: ErrorSentences = {
  invalid_input:
    'That was not accepted: something in it is missing or not valid. Check it and try again.',
  invalid_json: 'The server could not read the request. Reload the page and try again.',
  malformed_message: 'The server could not read a message from this page. Reload the page.',
  headers_too_large: 'The address is too long for the server to read.',
  invalid_time_zone: 'The server does not know your time zone, so it cannot show times in it.',
  token_required: 'Join the board first: open it with the link you were given.',
  invalid_token:
    'Your place on this board is no longer valid. Open the board with your link to join again.',
  invalid_key: 'This link is not valid for this board. Ask the facilitator for a new link.',
  invalid_device_link:
    'This link was used already or has expired: it works once, for 10 minutes. Make a new one on the device where you are on the board.',
  admin_token_required:
    'Only the people who run this server can create boards on it. Ask them to create one for you.',
  create_token_required:
    'Creating boards on this server needs its passcode. Ask the people who run it for it.',
  metrics_token_required: 'The server’s figures are only for the people who run it.',
  role_not_allowed: 'Your role does not allow that.',
  read_only: 'The board is read-only right now.',
  not_a_target: 'This item is not part of the round.',
  board_not_found: 'There is no board at this address. Check the link.',
  route_not_found: 'The server does not offer this. Reload the page and try again.',
  round_not_found: 'This voting round no longer exists.',
  item_not_found: 'This item is no longer on the board.',
  frame_not_found: 'That frame is no longer on the board. Choose another, or none.',
  vote_not_found: 'You have no vote on this item to take back.',
  follow_up_not_found: 'This follow-up no longer exists: someone may have deleted it.',
  snapshot_not_found:
    'This version is no longer kept: older automatic versions are thinned out as time passes.',
  member_not_found: 'That person is no longer a member of the board. Choose someone else.',
  member_removed:
    'A facilitator took you off this board. If you should be on it, ask them for a link.',
  device_signed_out:
    'This device was signed out of the board, from another device of yours or by leaving the board on it. Open the board with its link to join again.',
  device_not_found: 'That device is no longer on the board as you. Open the list again.',
  board_deleted: 'This board has been deleted, for everyone: it cannot be opened any more.',
  method_not_allowed: 'The server does not accept this request. Reload the page and try again.',
  round_already_open: 'Another round is already open. Close it first.',
  round_closed: 'The round has closed.',
  budget_exhausted: 'You have used all your votes. Take one back to vote elsewhere.',
  item_cap_reached: 'This item already has as many of your votes as the round allows.',
  silent_writing_not_running: 'Silent writing is not running.',
  round_still_open: 'Close the round first.',
  payload_too_large: 'That is too large to send. Make it shorter and try again.',
  document_too_large: 'The board is too large to take more. Remove something first.',
  unsupported_media_type: 'The server could not read the request. Reload the page and try again.',
  rate_limited: (waitSec) =>
    waitSec
      ? `Too many attempts. Wait ${wait(waitSec)} and try again.`
      : 'Too many attempts. Wait a moment and try again.',
  internal_error:
    'Something went wrong on the server. Try again; if it keeps happening, tell whoever runs it.',
  storage_failed: 'The server could not save this. Try again in a moment.',
  upgrade_required: 'This address takes WebSocket connections only.',
  storage_full:
    'The server’s disk is full, so nothing can be saved now. Tell the people who run it.',
  shutting_down: 'The server is restarting. Try again in a moment.',

  no_answer:
    'No answer from the server in time, so this may not have been saved. The board shows what was once it is connected again.',
  edit_refused:
    'Your latest changes were not saved: the board was locked, or silent writing began, before they reached it.',
  offline: 'Not connected, so nothing was sent. Try again once the board is connected.',
  unreachable: 'The server could not be reached. Check the connection and try again.',
  timed_out: 'The server did not answer in time. Check the connection and try again.',
  http_error: 'The server did not answer as expected. Try again in a moment.',
  no_key: 'Open the board with the link you were given: it carries the key that lets you in.',
};
