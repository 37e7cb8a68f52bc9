/**
 * What each item's overlay takes from the workshop state (client/src/workshop/overlay-view.ts),
 * fed by the store's own handling of the round events. A board draws an overlay on each of up
 * to 2,000 items: a vote must change the view of the items it changes the look of, not all.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { BoardSession } from '../../client/src/board/board-session.ts';
import {
  type OverlayView,
  overlayViewOf,
  sameOverlayView,
} from '../../client/src/workshop/overlay-view.ts';
import { WorkshopStore } from '../../client/src/workshop/workshop-store.ts';
import type { Round, RoundResult } from '../../shared/facilitation.ts';
import type { FollowUp } from '../../shared/follow-through.ts';

const round: Round = {
  id: 'round-1',
  title: 'Pick',
  status: 'open',
  budget: 2,
  maxPerItem: 2,
  itemTypes: ['note', 'concept'],
  frameId: null,
  anonymous: false,
  durationSec: null,
  openedAt: '2026-12-03T10:00:00.000Z',
  closesAt: null,
  closedAt: null,
  voters: 0,
};

/**
 * The store as a board page has it, hearing the server's events from a socket that never
 * connects (so it asks the server nothing): only what the events below say reaches it.
 */
function storeHearing(): { store: WorkshopStore; hear: (event: string, body: unknown) => void } {
  // Its manager (`io`) tells when the server was last heard from.
  const socket = Object.assign(new EventEmitter(), { connected: false, io: new EventEmitter() });
  const awareness = new Awareness(new Y.Doc());
  const session = {
    board: { title: 'Board' },
    provider: { socket },
    awareness,
  } as unknown as BoardSession;
  return { store: new WorkshopStore(session), hear: (event, body) => socket.emit(event, body) };
}

describe('an item overlay’s view of the workshop', () => {
  let store: WorkshopStore;
  let hear: (event: string, body: unknown) => void;
  const views = (...itemIds: string[]): OverlayView[] =>
    itemIds.map((itemId) => overlayViewOf(store.getState(), itemId));
  const progress = (voters: number, results: RoundResult[]) =>
    hear('round:progress', { roundId: round.id, voters, results });

  beforeEach(() => {
    ({ store, hear } = storeHearing());
    hear('round:opened', round);
  });

  it('another member’s vote changes the view of the item voted on, not the others', () => {
    progress(1, [{ itemId: 'a', votes: 1, rank: 1 }]);
    const [a, b] = views('a', 'b');
    progress(2, [{ itemId: 'a', votes: 2, rank: 1 }]);
    const [a2, b2] = views('a', 'b');
    expect(sameOverlayView(b!, b2!)).toBe(true);
    expect(sameOverlayView(a!, a2!)).toBe(false);
    expect(a2!.result).toEqual({ rank: 1, votes: 2 });
  });

  it('a vote that moves another item’s rank changes that item’s view too', () => {
    progress(2, [
      { itemId: 'a', votes: 1, rank: 1 },
      { itemId: 'b', votes: 1, rank: 1 },
    ]);
    const [b, c] = views('b', 'c');
    progress(2, [
      { itemId: 'a', votes: 2, rank: 1 },
      { itemId: 'b', votes: 1, rank: 2 },
    ]);
    const [b2, c2] = views('b', 'c');
    expect(sameOverlayView(b!, b2!)).toBe(false);
    expect(b2!.result).toEqual({ rank: 2, votes: 1 });
    expect(sameOverlayView(c!, c2!)).toBe(true);
  });

  it('my vote changes the item I voted on, and every item only when my votes run out', () => {
    const [a, b] = views('a', 'b');
    hear('round:mine', { roundId: round.id, remaining: 1, myVotes: { a: 1 } });
    const [a2, b2] = views('a', 'b');
    expect(sameOverlayView(b!, b2!)).toBe(true);
    expect(sameOverlayView(a!, a2!)).toBe(false);
    expect(a2).toMatchObject({ mine: 1, votesLeft: true });
    // The last vote: no item offers another one now.
    hear('round:mine', { roundId: round.id, remaining: 0, myVotes: { a: 2 } });
    const [, b3] = views('a', 'b');
    expect(sameOverlayView(b2!, b3!)).toBe(false);
    expect(b3).toMatchObject({ mine: 0, votesLeft: false });
  });

  it('the round closing changes every item’s view; the ranking shows what each got', () => {
    const [a, b] = views('a', 'b');
    hear('round:closed', {
      round: { ...round, status: 'closed', closedAt: '2026-12-03T10:05:00.000Z' },
      results: [{ itemId: 'a', votes: 3, rank: 1, label: 'A' }],
      excluded: [],
    });
    const [a2, b2] = views('a', 'b');
    expect(sameOverlayView(a!, a2!)).toBe(false);
    expect(sameOverlayView(b!, b2!)).toBe(false);
    expect(a2).toMatchObject({ round: null, result: { rank: 1, votes: 3 } });
    expect(b2).toMatchObject({ round: null, result: null });
  });

  it('a follow-up changes the view of its own item only', () => {
    const [a, b] = views('a', 'b');
    const followUp: FollowUp = {
      id: 'fu-1',
      itemId: 'a',
      title: 'Try it',
      owner: { name: '' },
      status: 'open',
      createdAt: '2026-12-03T10:06:00.000Z',
      updatedAt: '2026-12-03T10:06:00.000Z',
    };
    hear('followup:changed', followUp);
    const [a2, b2] = views('a', 'b');
    expect(sameOverlayView(a!, a2!)).toBe(false);
    expect(a2!.followUps).toEqual([followUp]);
    expect(sameOverlayView(b!, b2!)).toBe(true);
  });
});
