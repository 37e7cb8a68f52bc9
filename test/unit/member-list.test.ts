import { expect, it } from 'vitest';
import { currentMembers } from '../../client/src/workshop/member-list.ts';

const aino = (n: number) => ({ id: `aino-${n}`, name: 'Aino', role: 'participant' as const });

it('a year of re-joins is one "Aino": the newest, or the one here now; an earlier one only while it owns a follow-up (QA)', () => {
  const joined = [aino(1), aino(2), aino(3), { id: 'bo', name: 'Bo' }, aino(4)];
  const joinOrder = new Map(joined.map((member, index) => [member.id, index]));
  const listed = (present: string[], owners: string[]) =>
    currentMembers(joined, {
      meId: 'fia',
      present: new Set(present),
      joinOrder,
      owners: new Set(owners),
    }).map((member) => `${member.id}${member.earlier ? ' (earlier)' : ''}`);
  // Nobody here: the Aino who joined last.
  expect(listed([], [])).toEqual(['aino-4', 'bo']);
  // Aino here from the device she used in week 2: that one.
  expect(listed(['aino-2'], [])).toEqual(['aino-2', 'bo']);
  // A follow-up went to the Aino of week 1: it still shows whose it is, after the current one.
  expect(listed([], ['aino-1'])).toEqual(['aino-4', 'aino-1 (earlier)', 'bo']);
});

it('someone taken off the board is not offered, but still names the follow-ups they own (QA)', () => {
  // The server's list no longer has Olavi; a follow-up of his does.
  const joined = [aino(1), { id: 'bo', name: 'Bo' }];
  const known = [...joined, { id: 'olavi', name: 'Olavi' }, { id: 'pia', name: 'Pia' }];
  const listed = (joinOrder: Map<string, number>) =>
    currentMembers(known, {
      meId: 'fia',
      present: new Set(),
      joinOrder,
      owners: new Set(['olavi']),
    }).map((member) => `${member.id}${member.earlier ? ' (earlier)' : ''}`);
  expect(listed(new Map(joined.map((member, index) => [member.id, index])))).toEqual([
    'aino-1',
    'bo',
    'olavi (earlier)',
  ]);
  // Before the list is read, the page cannot tell: everyone it knows is offered.
  expect(listed(new Map())).toEqual(['aino-1', 'bo', 'olavi', 'pia']);
});
