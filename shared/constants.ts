/**
 * The contract's plain constants, in a module that imports no validator: the browser bundle
 * imports them from here, so it does not carry zod for a handful of values. The modules that
 * define the matching schemas re-export them.
 */
import type { ItemType } from './board-document.ts';

/** The shape of a board's, a member's or an item's id (a UUID). */
export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What starts a formula in Excel, LibreOffice and Google Sheets (tab and CR via DDE): text for a
 * spreadsheet that starts so is written with a leading apostrophe, which keeps it text.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A board's title at most, in UTF-16 units. */
export const MAX_TITLE_LENGTH = 200;

/** A member's name at most, in UTF-16 units (as JavaScript's `length` counts). */
export const MAX_NAME_LENGTH = 60;

/** Bumped when a realtime event's meaning changes; sent in the handshake's `auth.protocol`. */
export const PROTOCOL_VERSION = 1;

/** Items that can receive votes unless the facilitator says otherwise. */
export const DEFAULT_VOTE_TARGETS: readonly ItemType[] = ['note', 'concept'];

/** The phase banner's steps, in workshop order. */
export const PHASES = ['diverge', 'cluster', 'vote', 'assign'] as const;

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
