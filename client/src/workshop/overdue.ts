/**
 * How many days a follow-up is past its due date: a date gone by while the work is still open
 * or in progress looked like any other date, however long ago it was (QA: a year of follow-ups).
 * Done and dropped ones are never overdue. `today` is the page's own date, YYYY-MM-DD.
 */
import type { FollowUp } from '../../../shared/follow-through.ts';

const DAY = 86_400_000;

export function daysOverdue(followUp: Pick<FollowUp, 'due' | 'status'>, today: string): number {
  if (!followUp.due || followUp.status === 'done' || followUp.status === 'dropped') return 0;
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${followUp.due}T00:00:00Z`)) / DAY;
  return Number.isFinite(days) && days > 0 ? Math.round(days) : 0;
}

/** The page's date as YYYY-MM-DD, in its own time zone (a due date is a day where one lives). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
