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
