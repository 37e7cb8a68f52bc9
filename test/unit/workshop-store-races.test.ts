/**
 * The workshop store with a second facilitator on the board: a refusal goes once what it says
 * is over, a reveal refused because another facilitator's came first says whose it was and how,
 * and a lock that came a moment before my click is taken as my click (journey QA D1, D8, D9). The store hears a fake socket, which answers its requests as told.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { BoardSession } from '../../client/src/board/board-session.ts';
import { WorkshopStore } from '../../client/src/workshop/workshop-store.ts';
import type { AckResult } from '../../shared/events.ts';
import type { Round } from '../../shared/facilitation.ts';
import { calmBoard } from '../helpers/board-state.ts';

const calm = calmBoard();

const paulasRound: Round = {
  id: 'round-1',
  title: 'Pick',
  status: 'open',
  budget: 5,
  maxPerItem: 5,
  itemTypes: ['note'],
  frameId: null,
  anonymous: true,
  durationSec: null,
  openedAt: '2026-12-06T16:00:00.000Z',
  closesAt: null,
  closedAt: null,
  voters: 0,
};

type Answer = (body: unknown) => AckResult<unknown>;

/** Ken's store; `hear` delivers a server event, `answers` says how requests are answered. */
function kensStore(answers: Record<string, Answer>) {
  const socket = new EventEmitter() as EventEmitter & { connected: boolean; io: EventEmitter };
  socket.connected = false;
  // Its manager tells when the server was last heard from.
  socket.io = new EventEmitter();
  const hear = (event: string, body: unknown) =>
    EventEmitter.prototype.emit.call(socket, event, body);
  socket.emit = (event: string, body: unknown, ack: (result: AckResult<unknown>) => void) => {
    const answer = answers[event];
    if (!answer) throw new Error(`asked ${event}`);
    ack(answer(body));
    return true;
  };
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({
    member: { id: 'ken', name: 'Ken', color: '#000', role: 'facilitator' },
  });
  const other = new Awareness(new Y.Doc());
  other.setLocalState({
    member: { id: 'paula', name: 'Paula', color: '#000', role: 'facilitator' },
  });
  applyAwarenessUpdate(awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
  const session = {
    board: { title: 'Board' },
    me: { id: 'ken', name: 'Ken', role: 'facilitator' },
    provider: { socket },
    awareness,
  } as unknown as BoardSession;
  const store = new WorkshopStore(session);
  socket.connected = true;
  return { store, hear };
}

describe('two facilitators, as the store hears them', () => {
  it('"Another round is already open" goes once that round closes; other errors stay', async () => {
    const { store, hear } = kensStore({
      'round:open': () => ({
        ok: false,
        error: { code: 'round_already_open', message: 'Close the open round first.' },
      }),
    });
    hear('board:state', calm);
    hear('round:opened', paulasRound);
    expect(await store.openRound({ budget: 5, anonymous: true })).toBe(false);
    expect(store.getState().error?.code).toBe('round_already_open');
    // Still true while the round is open: votes coming in change nothing.
    hear('round:progress', { roundId: paulasRound.id, voters: 1 });
    expect(store.getState().error?.code).toBe('round_already_open');
    hear('round:closed', {
      round: { ...paulasRound, status: 'closed' },
      results: [],
      excluded: [],
    });
    expect(store.getState().error).toBeNull();
  });

  it('a refusal that says nothing of the round stays as the round closes', async () => {
    const { store, hear } = kensStore({
      'board:lock': () => ({ ok: false, error: { code: 'rate_limited', message: 'Slow down.' } }),
    });
    hear('board:state', calm);
    hear('round:opened', paulasRound);
    await store.controls.setLocked(true);
    hear('round:closed', {
      round: { ...paulasRound, status: 'closed' },
      results: [],
      excluded: [],
    });
    expect(store.getState().error?.code).toBe('rate_limited');
  });

  it('my reveal refused as Paula revealed first: I am told she did, with names, and no error', async () => {
    const kens = kensStore({
      // Paula's reveal reaches the server first: its news comes, then my refusal.
      'silent:reveal': () => {
        kens.hear('board:state', { ...calm, showNames: true });
        kens.hear('silent:revealed', { revealed: 3, anonymous: false });
        return {
          ok: false,
          error: { code: 'silent_writing_not_running', message: 'Start silent writing first.' },
        };
      },
    });
    kens.hear('board:state', { ...calm, silentWriting: true });
    await kens.store.controls.reveal(true);
    expect(kens.store.getState().error).toBeNull();
    expect(kens.store.getState().notice).toEqual({
      change: { control: 'silent', running: false, anonymous: false },
      by: 'Paula',
      replaced: false,
    });
  });

  it('the lock Paula set a moment before my click is taken as my click: nothing is sent', async () => {
    const { store, hear } = kensStore({});
    hear('board:state', calm);
    hear('board:state', { ...calm, locked: true });
    // No answer is set up for board:lock: asking would throw.
    await store.controls.toggleLock();
    expect(store.getState().notice).toEqual({
      change: { control: 'lock', locked: true },
      by: 'Paula',
      replaced: false,
    });
  });
});
