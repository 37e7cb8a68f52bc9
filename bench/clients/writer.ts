/**
 * A send-only writer for the throughput workload. It moves its own note with a real Y.Doc and
 * sends each update in its server's own protocol; what the server relays to it is read off the
 * socket and dropped. A full client would also apply every other writer's moves: with four
 * writers flat out on a 2-core machine, that client-side work (not the server) set the figure.
 */
import * as encoding from 'lib0/encoding';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { PROTOCOL_VERSION } from '../../shared/constants.ts';
import {
  createNote,
  MESSAGE_SYNC,
  moveMessageBytes,
  moveNote,
  syncUpdateMessage,
} from '../note.ts';
import type { ClientSpec } from '../peers/types.ts';
import { RELAY_KIND_NOTE, relayMessage } from '../protocol.ts';
import { engineBacklog } from './socketio-client.ts';

export interface Writer {
  /** Resolves once the server has accepted the connection; rejects on refusal. */
  readonly ready: Promise<void>;
  /** One move of the writer's note: one update on the wire. */
  move(step: number): void;
  /** Bytes (Socket.io: packets) queued locally and not yet written: the flood paces on it. */
  backlog(): number;
  destroy(): void;
}

/** A connection that carries one protocol's messages and ignores what comes back. */
interface Wire {
  readonly ready: Promise<void>;
  send(message: Uint8Array): void;
  backlog(): number;
  close(): void;
}

const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_AUTH_TOKEN = 0;

function hocuspocusMessage(room: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * A `ws` socket, ready at its first message (the server's opening sync, or its reply to the
 * `opening` message) or, for a server that says nothing first, once open.
 */
function webSocketWire(url: string, readyAt: 'message' | 'open', opening?: Uint8Array): Wire {
  const ws = new WebSocket(url);
  const ready = new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      if (opening) ws.send(opening);
      if (readyAt === 'open') resolve();
    });
    ws.once('message', () => resolve());
    ws.once('error', reject);
    ws.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason}`)));
  });
  return {
    ready,
    send: (message) => ws.send(message),
    backlog: () => ws.bufferedAmount,
    close: () => ws.terminate(),
  };
}

function socketIoWire(spec: ClientSpec): Wire {
  const socket = io(spec.url, {
    transports: ['websocket'],
    reconnection: false,
    auth: { token: spec.token, boardId: spec.room, protocol: PROTOCOL_VERSION },
  });
  const ready = new Promise<void>((resolve, reject) => {
    socket.once('board:welcome', () => resolve());
    socket.once('board:error', (error: { code: string }) => reject(new Error(error.code)));
    socket.once('connect_error', reject);
  });
  return {
    ready,
    send: (message) => socket.emit('yjs', message),
    backlog: () => engineBacklog(socket),
    close: () => socket.disconnect(),
  };
}

function wireFor(spec: ClientSpec): { wire: Wire; frame: (update: Uint8Array) => Uint8Array } {
  switch (spec.kind) {
    case 'ywebsocket': {
      const query = spec.token ? `?token=${encodeURIComponent(spec.token)}` : '';
      return {
        wire: webSocketWire(`${spec.url}/${spec.room}${query}`, 'message'),
        frame: syncUpdateMessage,
      };
    }
    case 'socketio':
      return { wire: socketIoWire(spec), frame: syncUpdateMessage };
    case 'hocuspocus': {
      const auth = hocuspocusMessage(spec.room, (encoder) => {
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN);
        encoding.writeVarString(encoder, spec.token ?? '');
      });
      const frame = (update: Uint8Array) =>
        hocuspocusMessage(spec.room, (encoder) => {
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          syncProtocol.writeUpdate(encoder, update);
        });
      return { wire: webSocketWire(spec.url, 'message', auth), frame };
    }
    case 'relay':
      throw new Error('relay writers send no Yjs updates');
  }
}

/** A floor writer: messages as large as a real move's, no Yjs. */
function relayWriter(spec: ClientSpec): Writer {
  const wire = webSocketWire(`${spec.url}/${spec.room}`, 'open');
  const bytes = moveMessageBytes();
  return {
    ready: wire.ready,
    move: () => wire.send(relayMessage(RELAY_KIND_NOTE, bytes)),
    backlog: wire.backlog,
    destroy: wire.close,
  };
}

export function openWriter(spec: ClientSpec, noteId: string): Writer {
  if (spec.kind === 'relay') return relayWriter(spec);
  const { wire, frame } = wireFor(spec);
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => wire.send(frame(update)));
  const ready = wire.ready.then(() => createNote(doc, noteId));
  ready.catch(() => {});
  return {
    ready,
    move: (step) => moveNote(doc, noteId, step),
    backlog: wire.backlog,
    destroy() {
      wire.close();
      doc.destroy();
    },
  };
}
