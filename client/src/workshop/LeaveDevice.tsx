/**
 * Leaving a board on this device: the browser forgets this tab's membership, as on a shared
 * workshop laptop before the next person sits down (QA: nothing but clearing the site's data
 * did it), and the server signs the device out, later where it cannot be reached now
 * (sign-out-later.ts). The member stays on the board, with everything they did; their link
 * brings them back, as a new member.
 */
import { forgetInviteLinks } from '../app/invite-links.ts';
import { forgetMembership, rememberDisplayName } from '../app/membership.ts';
import { signOutDevice } from '../app/sign-out-later.ts';
import { useBoardSession } from '../board/board-session.ts';
import { forgetVisits } from '../board/last-visit.ts';
import { useT } from '../i18n/i18n.tsx';
import { forgetBoardCopy } from '../sync/board-copy.ts';
import { forgetMemberEdits } from '../sync/kept-edits.ts';
import { Confirm } from './Modal.tsx';
import { useBoardTitle } from './use-board-title.ts';

/** How long leaving waits for the server to sign this device out, at most. */
const SIGN_OUT_WAIT_MS = 3_000;

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
    // On the board, this device is signed out: its token, wherever it was copied, opens the
    // board no more, and it leaves the member's list of devices. This page's connection ends
    // first, so that it is not told of that. Offline, or with a server slow to answer, the
    // token is kept for that alone until a later page of Ideamill reaches the server.
    session.provider.socket.disconnect();
    const signedOut = Promise.race([
      signOutDevice(board.id, token),
      new Promise((resolve) => setTimeout(resolve, SIGN_OUT_WAIT_MS)),
    ]);
    // And the board as this browser had it, for opening it offline.
    void Promise.all([forgetBoardCopy(board.id), signedOut]).finally(() =>
      window.location.assign('/'),
    );
  };
  return (
    <Confirm title={t.app.leaveTitle} answer={t.app.leaveAnswer} onAnswer={leave} onClose={onClose}>
      <p>{t.app.leaveText(title)}</p>
    </Confirm>
  );
}
