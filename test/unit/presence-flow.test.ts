/**
 * Presence flow control (server/documents/presence-flow.ts): which connections a presence tick
 * skips because their clients have not applied what they were sent, and what they get once
 * they have. Time is passed in, so every step is exact.
 */
import { describe, expect, it } from 'vitest';
import { BEHIND_MS, GIVE_UP_MS, PresenceFlow } from '../../server/documents/presence-flow.ts';
import type { AwarenessEntry } from '../../server/documents/protocol.ts';

interface Conn {
  name: string;
  clientIds: Set<number>;
}
const conn = (name: string, ...ids: number[]): Conn => ({ name, clientIds: new Set(ids) });

/** A tick relaying `clocks`: planned, sent to everyone not skipped. Returns the plan. */
function tick(
  flow: PresenceFlow<Conn>,
  conns: Conn[],
  clocks: Record<number, number>,
  now: number,
) {
  const map = new Map(Object.entries(clocks).map(([id, clock]) => [Number(id), clock]));
  const plan = flow.plan([...map.keys()], now);
  for (const c of conns) if (!plan.skip.has(c)) flow.sent(c, map, now);
  for (const c of plan.catchUp.keys()) flow.sent(c, map, now);
  return plan;
}

/** What a stock client sends back for a message it applied: the same entries. */
const echo = (clocks: Record<number, number>): AwarenessEntry[] =>
  Object.entries(clocks).map(([id, clock]) => ({
    clientId: Number(id),
    clock,
    state: new Uint8Array([0x7b, 0x7d]),
  }));

describe('presence flow control', () => {
  it('skips a client that has not echoed for BEHIND_MS, then catches it up with what it missed', () => {
    const flow = new PresenceFlow<Conn>();
    const slow = conn('slow', 1);
    const mover = conn('mover', 2);
    const other = conn('other', 3);
    const conns = [slow, mover, other];
    for (const c of conns) flow.joined(c);

    // The first message it echoes makes it a client that echoes.
    tick(flow, conns, { 2: 1 }, 0);
    expect(flow.echoed(slow, echo({ 2: 1 }))).toBe(false);

    // Unechoed: still sent within BEHIND_MS, skipped after it.
    expect(tick(flow, conns, { 2: 2 }, 10).skip.size).toBe(0);
    expect(tick(flow, conns, { 2: 3 }, 10 + BEHIND_MS / 2).skip.size).toBe(0);
    const skipped = tick(flow, conns, { 3: 1 }, 11 + BEHIND_MS);
    expect([...skipped.skip]).toEqual([slow]);
    expect(skipped.catchUp.size).toBe(0);

    // Its echo of the newest message it has stands for the one before too: caught up, and
    // owed the tick it missed.
    expect(flow.echoed(slow, echo({ 2: 3 }))).toBe(true);
    const catchUp = flow.plan(null, 20 + BEHIND_MS);
    expect([...catchUp.catchUp]).toEqual([[slow, [3]]]);
    // Nothing more is owed, to anyone.
    expect(flow.plan(null, 21 + BEHIND_MS).catchUp.size).toBe(0);
  });

  it('catching up with the next tick: the ids it missed and the new ones, in one message', () => {
    const flow = new PresenceFlow<Conn>();
    const slow = conn('slow', 1);
    const conns = [slow, conn('a', 2), conn('b', 3)];
    for (const c of conns) flow.joined(c);
    tick(flow, conns, { 2: 1 }, 0);
    flow.echoed(slow, echo({ 2: 1 }));
    tick(flow, conns, { 2: 2 }, 0);
    tick(flow, conns, { 3: 1 }, BEHIND_MS + 1); // skipped
    flow.echoed(slow, echo({ 2: 2 }));
    const plan = tick(flow, conns, { 2: 3 }, BEHIND_MS + 2);
    expect(plan.skip.has(slow)).toBe(true);
    expect(plan.catchUp.get(slow)).toEqual([3, 2]);
  });

  it('never holds back a client that does not echo, or one that only sends its own state again', () => {
    const flow = new PresenceFlow<Conn>();
    const quiet = conn('quiet', 1);
    const conns = [quiet, conn('mover', 2)];
    for (const c of conns) flow.joined(c);
    for (let t = 0; t < 10; t++) {
      // Its own state, stale: not an echo of anything it was sent.
      expect(flow.echoed(quiet, echo({ 1: 1 }))).toBe(false);
      expect(tick(flow, conns, { 2: t + 1 }, t * BEHIND_MS).skip.size).toBe(0);
    }
  });

  it('does not wait for an echo of its own state coming back', () => {
    const flow = new PresenceFlow<Conn>();
    const me = conn('me', 1);
    const conns = [me, conn('mover', 2)];
    for (const c of conns) flow.joined(c);
    tick(flow, conns, { 2: 1 }, 0);
    flow.echoed(me, echo({ 2: 1 }));
    // A tick with only my own state: a stock client applies nothing, so sends nothing back.
    tick(flow, conns, { 1: 1 }, 10);
    expect(tick(flow, conns, { 2: 2 }, 20 + BEHIND_MS).skip.size).toBe(0);
  });

  it('stops waiting after GIVE_UP_MS for an echo that is not coming', () => {
    const flow = new PresenceFlow<Conn>();
    const slow = conn('slow', 1);
    const conns = [slow, conn('mover', 2)];
    for (const c of conns) flow.joined(c);
    tick(flow, conns, { 2: 1 }, 0);
    flow.echoed(slow, echo({ 2: 1 }));
    tick(flow, conns, { 2: 2 }, 0);
    expect(tick(flow, conns, { 2: 3 }, GIVE_UP_MS).skip.has(slow)).toBe(true);
    const plan = tick(flow, conns, { 2: 4 }, GIVE_UP_MS + 1);
    expect(plan.catchUp.get(slow)).toEqual([2]);
  });

  it('far behind, a client is sent everyone', () => {
    const flow = new PresenceFlow<Conn>();
    const slow = conn('slow', 1);
    const conns = [slow, conn('mover', 2)];
    for (const c of conns) flow.joined(c);
    tick(flow, conns, { 2: 1 }, 0);
    flow.echoed(slow, echo({ 2: 1 }));
    tick(flow, conns, { 2: 2 }, 0);
    for (let t = 0; t < 100; t++) tick(flow, conns, { 2: 3 + t }, BEHIND_MS + 1 + t);
    flow.echoed(slow, echo({ 2: 2 }));
    expect(flow.plan(null, BEHIND_MS + 200).catchUp.get(slow)).toBe('everyone');
  });
});
