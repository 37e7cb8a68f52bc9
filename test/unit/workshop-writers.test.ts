/**
 * The writers' names the workshop store keeps while the board shows them: everyone who has
 * joined as the names turn on, and whoever comes since, from presence.
 */
import { EventEmitter } from 'node:events';
import { expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { BoardSession } from '../../client/src/board/board-session.ts';
import { WorkshopStore } from '../../client/src/workshop/workshop-store.ts';
import type { BoardState } from '../../shared/facilitation.ts';
import { calmBoard } from '../helpers/board-state.ts';

const state = (showNames: boolean): BoardState => ({ ...calmBoard(), showNames });

it('reads the members as names turn on, and adds whoever joins while they show', async () => {
  const socket = Object.assign(new EventEmitter(), { connected: false, io: new EventEmitter() });
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({
    member: { id: 'me', name: 'Fran', color: '#000', role: 'facilitator' },
  });
  const asked: string[] = [];
  const session = {
    board: { title: 'Board' },
    provider: { socket },
    awareness,
    api: async (route: string) => {
      asked.push(route);
      return { members: [{ id: 'aino', name: 'Aino', role: 'participant', color: '#000' }] };
    },
  } as unknown as BoardSession;
  const store = new WorkshopStore(session);
  // Names hidden: nothing is read.
  socket.emit('board:state', state(false));
  expect(asked).toEqual([]);

  socket.emit('board:state', state(true));
  await expect.poll(() => store.getState().writers.get('aino')).toBe('Aino');
  expect(store.getState().writers.get('me')).toBe('Fran');
  expect(asked).toEqual(['/members']);
  // Someone joins: their presence arrives, and their name with it.
  const joiner = new Awareness(new Y.Doc());
  joiner.setLocalState({ member: { id: 'cai', name: 'Cai', color: '#000', role: 'participant' } });
  const { encodeAwarenessUpdate, applyAwarenessUpdate } = await import('y-protocols/awareness');
  applyAwarenessUpdate(awareness, encodeAwarenessUpdate(joiner, [joiner.clientID]), 'remote');
  expect(store.getState().writers.get('cai')).toBe('Cai');
  // The board state again, names still on: the list is not read again.
  socket.emit('board:state', state(true));
  expect(asked).toEqual(['/members']);
  for (const one of [awareness, joiner]) one.destroy();
});
