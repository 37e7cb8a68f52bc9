/** The options of a member picker (a follow-up's owner): the board's current members. */
import { useT } from '../i18n/i18n.tsx';
import type { ListedMember } from './member-list.ts';

export function MemberOptions({ members }: { members: readonly ListedMember[] }) {
  const t = useT();
  return members.map((member) => (
    <option key={member.id} value={member.id}>
      {member.earlier ? t.workshop.earlierMember(member.name) : member.name}
    </option>
  ));
}
