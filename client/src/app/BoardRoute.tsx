/**
 * `/b/:id`: turns a link into a membership and opens the board. The first visit with
 * `#key=` asks for a display name and joins; later visits reuse the stored token. The key
 * leaves the address bar as soon as it is read, before the name prompt shows, so it does not
 * linger in a shared screen, a screenshot or the history; the tab holds it until it has joined.
 * A link with `#device=` (made on another device, DeviceLinkDialog.tsx) asks for nothing: the
 * server gives this browser that device's membership.
 */
import { useCallback, useEffect, useState } from 'react';
import type {
  Board,
  GetBoardResponse,
  InvitationResponse,
  JoinBoardResponse,
} from '../../../shared/api.ts';
import { BoardPage } from '../board/BoardPage.tsx';
import { errorSentence, type Failure, failureOf } from '../i18n/error-sentence.ts';
import { useT } from '../i18n/i18n.tsx';
import {
  type BoardCopy,
  forgetBoardCopy,
  readBoardCopy,
  readMyNotesCopy,
} from '../sync/board-copy.ts';
import { forgetMemberEdits, hasKeptEditsOf } from '../sync/kept-edits.ts';
import { ApiError, apiRequest } from './api.ts';
import { BoardError } from './BoardError.tsx';
import { JoinForm } from './JoinForm.tsx';
import {
  deviceLinkFromHash,
  forgetMembership,
  heldDeviceLink,
  heldJoiningKey,
  holdDeviceLink,
  holdJoiningKey,
  keyFromHash,
  keyTag,
  loadMembership,
  type Membership,
  rememberDisplayName,
  saveMembership,
} from './membership.ts';
import { PageLoading } from './PageLoading.tsx';

// Failures are kept as codes and put into words as the page draws: a switch of language
// then says them in the new one.
type Phase =
  | { kind: 'checking' }
  | { kind: 'ask'; key: string; error: Failure | null; invitation?: InvitationResponse }
  | { kind: 'ready'; board: Board; membership: Membership; copy?: BoardCopy }
  | { kind: 'error'; failure: Failure };

const NO_KEY: Phase = { kind: 'error', failure: { code: 'no_key' } };

/**
 * Failures that trying again will not mend: the link itself is wrong, its board gone, or a
 * facilitator took this member off (only a new link brings them back).
 */
const FINAL = new Set([
  'invalid_key',
  'board_not_found',
  'board_deleted',
  'no_key',
  'member_removed',
  'device_signed_out',
  'invalid_device_link',
]);

function stripKeyFromUrl(): void {
  if (!window.location.hash) return;
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search,
  );
}

/** How often a board the server could not be reached for is asked for again. */
const RETRY_UNREACHABLE_MS = 5_000;

const isUnreachable = (phase: Phase) =>
  phase.kind === 'error' && phase.failure.code === 'unreachable';

function failure(error: unknown): Extract<Phase, { kind: 'error' }> {
  // Any 404 here is the board's: the address names nothing else.
  if (error instanceof ApiError && error.status === 404) {
    return { kind: 'error', failure: { code: 'board_not_found' } };
  }
  return { kind: 'error', failure: failureOf(error) };
}

export function BoardRoute({ boardId }: { boardId: string }) {
  const t = useT();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  const open = useCallback(
    async (membership: Membership) => {
      const { board, me } = await apiRequest<GetBoardResponse>(`/api/boards/${boardId}`, {
        token: membership.token,
      });
      const current = { ...membership, member: me };
      saveMembership(boardId, current);
      holdJoiningKey(boardId, null);
      stripKeyFromUrl();
      setPhase({ kind: 'ready', board, membership: current });
    },
    [boardId],
  );

  // Another board link pasted into this tab's address bar changes only the fragment: the page
  // is not loaded again, so the link is read here (a facilitator trying the participant link).
  useEffect(() => {
    const onHashChange = () => {
      const { hash } = window.location;
      if (keyFromHash(hash) || deviceLinkFromHash(hash)) setAttempt((n) => n + 1);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the check on retry.
  useEffect(() => {
    const fromDevice = deviceLinkFromHash(window.location.hash);
    if (fromDevice) {
      holdDeviceLink(boardId, fromDevice);
      stripKeyFromUrl();
    }
    const code = fromDevice ?? heldDeviceLink(boardId);
    if (code) {
      setPhase({ kind: 'checking' });
      apiRequest<JoinBoardResponse>(`/api/boards/${boardId}/device-links/take`, { body: { code } })
        .then((taken) => {
          // Kept at once: the code works only once, and opening the board may yet fail.
          const membership = { token: taken.token, member: taken.member };
          saveMembership(boardId, membership);
          holdDeviceLink(boardId, null);
          return open(membership);
        })
        .catch((error: unknown) => {
          const failed = failure(error);
          if (FINAL.has(failed.failure.code)) holdDeviceLink(boardId, null);
          setPhase(failed);
        });
      return;
    }
    const fromLink = keyFromHash(window.location.hash);
    if (fromLink) {
      holdJoiningKey(boardId, fromLink);
      stripKeyFromUrl();
    }
    const key = fromLink ?? heldJoiningKey(boardId);
    const stored = loadMembership(boardId, key ? keyTag(key) : undefined);
    if (!stored) {
      setPhase(key ? { kind: 'ask', key, error: null } : NO_KEY);
      return;
    }
    // Trying again while the server cannot be reached keeps saying so, not a blink of "loading".
    setPhase((now) => (isUnreachable(now) ? now : { kind: 'checking' }));
    open(stored).catch(async (error: unknown) => {
      const failed = failure(error);
      // The server cannot be reached: the board as this browser last had it, where it has it.
      if (failed.failure.code === 'unreachable') {
        const copy = await readBoardCopy(boardId);
        if (!copy) return setPhase(failed);
        const board = { ...copy.board, title: stored.title ?? copy.board.title };
        // My private notes of silent writing too, where kept.
        const mine = (await readMyNotesCopy(boardId, stored.member.id)) ?? undefined;
        return setPhase({ kind: 'ready', board, membership: stored, copy: { ...copy, mine } });
      }
      // The board is gone, or this membership no longer opens it: nor does its copy.
      if (FINAL.has(failed.failure.code) || (error instanceof ApiError && error.status === 401)) {
        void forgetBoardCopy(boardId);
      }
      if (error instanceof ApiError && error.status === 401) {
        // Taken off the board: said so on every visit, not "open it with your link" (QA).
        if (!key && error.code === 'member_removed') return setPhase(failure(error));
        // The token no longer works (or never did): join again if the link allows it.
        forgetMembership(boardId, stored.token);
        // Signed out from another device: said once, then this browser keeps nothing of it.
        if (error.code === 'device_signed_out') {
          forgetMemberEdits(boardId, stored.member.id);
          if (!key) return setPhase(failure(error));
        }
        setPhase(key ? { kind: 'ask', key, error: null } : NO_KEY);
        return;
      }
      setPhase(failed);
    });
  }, [boardId, open, attempt]);

  // Offline (a reload on a train, a tab the phone's browser brings back): the page came from
  // the service worker (public/sw.js) and the board opens by itself once the server answers.
  const unreachable = isUnreachable(phase);
  useEffect(() => {
    if (!unreachable) return;
    const again = () => setAttempt((n) => n + 1);
    window.addEventListener('online', again);
    const timer = window.setInterval(again, RETRY_UNREACHABLE_MS);
    return () => {
      window.removeEventListener('online', again);
      window.clearInterval(timer);
    };
  }, [unreachable]);

  // Which board and role the link opens, said before the name is asked: one team's link among
  // seven is told apart (QA), and a link that opens nothing says so before anyone types.
  const askingWith = phase.kind === 'ask' && !phase.invitation ? phase.key : null;
  useEffect(() => {
    if (!askingWith) return;
    let current = true;
    apiRequest<InvitationResponse>(`/api/boards/${boardId}/invitation`, {
      body: { key: askingWith },
    })
      .then((invitation) => {
        if (!current) return;
        setPhase((now) =>
          now.kind === 'ask' && now.key === askingWith ? { ...now, invitation } : now,
        );
      })
      .catch((error: unknown) => {
        if (!current) return;
        const failed = failure(error);
        // Only what the link itself says: anything else (a network blip, too many tries) is
        // left to the join, which tells it.
        if (!FINAL.has(failed.failure.code)) return;
        holdJoiningKey(boardId, null);
        setPhase(failed);
      });
    return () => {
      current = false;
    };
  }, [boardId, askingWith]);

  const refuse = (error: unknown) => {
    const refused = failure(error);
    // A link that will never work is not kept for the next reload to try again.
    if (FINAL.has(refused.failure.code)) holdJoiningKey(boardId, null);
    setPhase(refused);
  };

  const join = async (key: string, name: string) => {
    let joined: JoinBoardResponse;
    try {
      joined = await apiRequest<JoinBoardResponse>(`/api/boards/${boardId}/join`, {
        body: { key, name },
      });
    } catch (error) {
      // A name refused, too many tries, or no connection: the form stays, with the name typed
      // and the reason, to try again (offline it had gone for a page that said the board
      // would open by itself, and then asked the name again).
      const failed = failureOf(error);
      if (
        (error instanceof ApiError && (error.status === 400 || error.status === 429)) ||
        failed.code === 'unreachable'
      ) {
        setPhase((now) => ({
          kind: 'ask',
          key,
          error: failed,
          invitation: now.kind === 'ask' ? now.invitation : undefined,
        }));
        return;
      }
      return refuse(error);
    }
    rememberDisplayName(name);
    // Kept at once, as a device link's is: opening the board may yet fail (the connection
    // lost in between), and trying again then opens it as this member, not a second one.
    const membership = { token: joined.token, member: joined.member, keyTag: keyTag(key) };
    saveMembership(boardId, membership);
    await open(membership).catch(refuse);
  };

  switch (phase.kind) {
    case 'checking':
      return <PageLoading />;
    case 'ask':
      return (
        <JoinForm
          invitation={phase.invitation}
          error={phase.error && errorSentence(t, phase.error)}
          onJoin={(name) => join(phase.key, name)}
        />
      );
    case 'ready':
      return (
        <BoardPage
          board={phase.board}
          me={phase.membership.member}
          token={phase.membership.token}
          copy={phase.copy}
        />
      );
    case 'error': {
      // Pressed, it shows that it tries (the quiet tries while offline show nothing).
      const retry = FINAL.has(phase.failure.code)
        ? undefined
        : () => {
            setPhase({ kind: 'checking' });
            setAttempt((n) => n + 1);
          };
      if (!unreachable) {
        return <BoardError message={errorSentence(t, phase.failure)} onRetry={retry} />;
      }
      const member = loadMembership(boardId)?.member;
      const kept = member !== undefined && hasKeptEditsOf(boardId, member.id);
      return (
        <BoardError
          title={t.app.offlineTitle}
          message={errorSentence(t, phase.failure)}
          detail={`${t.app.opensWhenBack}${kept ? ` ${t.app.keptEditsWait}` : ''}`}
          onRetry={retry}
        />
      );
    }
  }
}
