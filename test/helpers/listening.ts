/**
 * One member's connections over every way in (our Socket.io client, a raw Socket.io client,
 * stock y-websocket clients) that record what the server tells them as it lets them go, and
 * the refusals a later connection gets.
 */
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import type { ErrorBody } from '../../shared/errors.ts';
import { socketIoClient, waitFor, yWebsocketClient } from './clients.ts';

export interface ListeningConnections {
  /** `board:error`s told to our client and to the raw socket. */
  heard: ErrorBody[];
  rawHeard: ErrorBody[];
  /** Why the raw socket was disconnected. */
  rawGone: Promise<string>;
  /** Each y-websocket client's close, as its provider saw it. */
  closes: { code: number; reason: string }[];
  /** Resolves once every connection is up and synced. */
  ready: Promise<void>;
  destroy(): void;
}

/** `rooms`: the y-websocket rooms to join (the board's id, or `${id}/private`). */
export function listeningConnections(
  url: string,
  boardId: string,
  token: string,
  rooms: readonly string[] = [boardId],
): ListeningConnections {
  const ours = socketIoClient(url, boardId, token);
  const heard: ErrorBody[] = [];
  ours.provider.on('board-error', (error: ErrorBody) => heard.push(error));
  const raw = io(url, { auth: { token, boardId }, transports: ['websocket'], reconnection: false });
  const rawHeard: ErrorBody[] = [];
  raw.on('board:error', (error) => rawHeard.push(error));
  const rawGone = new Promise<string>((resolve) => raw.on('disconnect', resolve));
  const closes: { code: number; reason: string }[] = [];
  const stock = rooms.map((room) => {
    const client = yWebsocketClient(url, room, token);
    client.provider.on('connection-close', (event: { code: number; reason: string } | null) => {
      if (event) closes.push({ code: event.code, reason: event.reason });
    });
    return client;
  });
  const ready = Promise.all([ours.synced, ...stock.map((client) => client.synced)]).then(() =>
    waitFor(() => raw.connected, 'the raw socket connected'),
  );
  return {
    heard,
    rawHeard,
    rawGone,
    closes,
    ready,
    destroy() {
      for (const client of [ours, ...stock]) client.destroy();
      raw.close();
    },
  };
}

/** The error a new Socket.io connection is refused with (its connect_error's data). */
export async function socketIoRefusal(url: string, boardId: string, token: string) {
  const socket = io(url, {
    auth: { token, boardId },
    transports: ['websocket'],
    reconnection: false,
  });
  try {
    const error = await new Promise<Error & { data?: ErrorBody }>((resolve) =>
      socket.on('connect_error', resolve),
    );
    return error.data;
  } finally {
    socket.close();
  }
}

/** How a new y-websocket connection to the board is closed: [code, reason]. */
export function yWebsocketRefusal(url: string, boardId: string, token: string) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/yjs/${boardId}?token=${token}`);
  return new Promise<[number, string]>((resolve) =>
    ws.on('close', (code, reason) => resolve([code, reason.toString()])),
  );
}
