import { expect, it } from 'vitest';
import { daysOverdue, localToday } from '../../client/src/workshop/overdue.ts';

it('a follow-up still open past its due date says by how many days; done, dropped or undated ones never do (QA)', () => {
  const today = '2027-01-04';
  expect(daysOverdue({ due: '2026-01-26', status: 'in_progress' }, today)).toBe(343);
  expect(daysOverdue({ due: '2027-01-03', status: 'open' }, today)).toBe(1);
  expect(daysOverdue({ due: '2027-01-04', status: 'open' }, today)).toBe(0);
  expect(daysOverdue({ due: '2027-02-01', status: 'open' }, today)).toBe(0);
  expect(daysOverdue({ due: '2026-01-26', status: 'done' }, today)).toBe(0);
  expect(daysOverdue({ due: '2026-01-26', status: 'dropped' }, today)).toBe(0);
  expect(daysOverdue({ status: 'open' }, today)).toBe(0);
  // Across a change to summer time, still whole days.
  expect(daysOverdue({ due: '2027-03-20', status: 'open' }, '2027-04-02')).toBe(13);
  expect(localToday(new Date(2027, 0, 4, 23, 59))).toBe('2027-01-04');
});
