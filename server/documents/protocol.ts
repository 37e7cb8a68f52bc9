/**
 * The y-protocols wire format (sync, awareness), decoded strictly: a message must be exactly
 * one well-formed envelope, and an update must decode as a whole before anything applies it.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** Presence is small (a name, a colour, a cursor): larger awareness messages are refused. */
export const MAX_AWARENESS_BYTES = 64 * 1024;

export type InboundMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' };

/**
 * One client's presence in an awareness message. `state` is its JSON as UTF-8 bytes (a view
 * into the message), not yet decoded: most presence a server receives is stale (stock clients
 * echo what they were sent) and is dropped on its clock alone.
 */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Uint8Array;
}

/** `null` in UTF-8: the state of a client that left. */
const NULL_STATE = [0x6e, 0x75, 0x6c, 0x6c];

export function isNullState(state: Uint8Array): boolean {
  return (
    state.length === 4 &&
    state[0] === NULL_STATE[0] &&
    state[1] === NULL_STATE[1] &&
    state[2] === NULL_STATE[2] &&
    state[3] === NULL_STATE[3]
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses one state's JSON; throws MalformedMessage when it is not UTF-8 JSON. */
export function parseAwarenessState(state: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(state));
  } catch (error) {
    throw new MalformedMessage(
      `bad awareness state: ${error instanceof Error ? error.message : error}`,
    );
  }
}

const utf8Encoder = new TextEncoder();

/** A state as its JSON in UTF-8, as y-protocols writes it. */
export function encodeAwarenessState(state: unknown): Uint8Array {
  return utf8Encoder.encode(JSON.stringify(state));
}

export class MalformedMessage extends Error {}

/** An update with no structs and no deletions, as Yjs encodes an empty diff. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

export function decodeMessage(data: Uint8Array): InboundMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: InboundMessage;
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC_STEP_1) {
        Y.decodeStateVector(payload);
        message = { kind: 'sync-step-1', stateVector: payload };
      } else if (step === SYNC_STEP_2 || step === SYNC_UPDATE) {
        message = { kind: 'update', update: payload };
      } else {
        throw new MalformedMessage(`unknown sync step ${step}`);
      }
    } else if (type === MESSAGE_AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      if (update.length > MAX_AWARENESS_BYTES) throw new MalformedMessage('awareness too large');
      message = { kind: 'awareness', update, entries: readAwarenessEntries(update) };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      message = { kind: 'query-awareness' };
    } else {
      throw new MalformedMessage(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
    return message;
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(error instanceof Error ? error.message : String(error));
  }
}

/** An update's structs, as Yjs decodes them. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
export type DecodedStructs = DecodedUpdate['structs'];

/**
 * Throws unless the update decodes completely: structs, contents and delete set. Returns them
 * (update-shape.ts checks what the structs hold, update-dependencies.ts what they refer to).
 */
export function validateUpdate(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    throw new MalformedMessage(`bad update: ${error instanceof Error ? error.message : error}`);
  }
}

/** Reads an awareness update's entries without decoding or parsing their JSON. */
function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: decoding.readVarUint8Array(decoder) });
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing awareness bytes');
  return entries;
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarUint8Array(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * A message: varuint fields, then the payload with its length. Allocated once at its exact
 * size: a growing encoder would copy a large payload (a board's whole state) twice.
 */
function message(fields: readonly number[], payload: Uint8Array): Uint8Array {
  const head = encoding.createEncoder();
  for (const field of fields) encoding.writeVarUint(head, field);
  encoding.writeVarUint(head, payload.length);
  const headLength = encoding.length(head);
  const bytes = new Uint8Array(headLength + payload.length);
  bytes.set(encoding.toUint8Array(head), 0);
  bytes.set(payload, headLength);
  return bytes;
}

const syncMessage = (step: number, payload: Uint8Array) => message([MESSAGE_SYNC, step], payload);

export const encodeSyncStep1 = (stateVector: Uint8Array) => syncMessage(SYNC_STEP_1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => syncMessage(SYNC_STEP_2, update);
export const encodeUpdate = (update: Uint8Array) => syncMessage(SYNC_UPDATE, update);

export const encodeAwareness = (update: Uint8Array) => message([MESSAGE_AWARENESS], update);
