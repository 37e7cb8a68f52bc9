/**
 * Leaving a board on this device: the browser forgets this tab's membership, as on a shared
 * workshop laptop before the next person sits down (QA: nothing but clearing the site's data
 * did it). The member stays on the board, with everything they did; their link brings them
 * back, as a new member.
 */
import { forgetInviteLinks } from '../app/invite-links.ts';
import { forgetMembership, rememberDisplayName } from '../app/membership.ts';
import { useBoardSession } from '../board/board-session.ts';
import { forgetVisits } from '../board/last-visit.ts';
import { useT } from '../i18n/i18n.tsx';
import { forgetBoardCopy } from '../sync/board-copy.ts';
import { forgetMemberEdits } from '../sync/kept-edits.ts';
import { Confirm } from './Modal.tsx';
import { useBoardTitle } from './use-board-title.ts';

export function LeaveDevice({ onClose }: { onClose: () => void }) {
  const t = useT();
  const session = useBoardSession();
  const { board, token, me } = session;
  const title = useBoardTitle(session);
  const leave = () => {
    forgetMembership(board.id, token);
    // When I was last here, which marks what is new next time: the next person's, not mine.
    forgetVisits(board.id);
    // The links kept for Invite people too: the next person here is not the board's host.
    forgetInviteLinks(board.id);
    // The name the join form would offer the next person too.
    rememberDisplayName(null);
    // And my words not yet sent: they go with me (the browser asks first where there are any).
    forgetMemberEdits(board.id, me.id);
    // And the board as this browser had it, for opening it offline.
    void forgetBoardCopy(board.id).finally(() => window.location.assign('/'));
  };
  return (
    <Confirm title={t.app.leaveTitle} answer={t.app.leaveAnswer} onAnswer={leave} onClose={onClose}>
      <p>{t.app.leaveText(title)}</p>
    </Confirm>
  );
}
