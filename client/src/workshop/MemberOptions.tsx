/** The options of a member picker (a follow-up's owner): one per member of the board. */
import type { KnownMember } from './use-members.ts';

export function MemberOptions({ members }: { members: readonly KnownMember[] }) {
  return members.map((member) => (
    <option key={member.id} value={member.id}>
      {member.name}
    </option>
  ));
}
