/**
 * `/b/:id`: turns a link into a membership and opens the board. The first visit with
 * `#key=` asks for a display name and joins; later visits reuse the stored token. The key
 * is removed from the address bar once used, so it does not linger in screenshots or history.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Board, GetBoardResponse, JoinBoardResponse } from '../../../shared/api.ts';
import { BoardPage } from '../board/BoardPage.tsx';
import { useT } from '../i18n/i18n.tsx';
import { ApiError, apiRequest } from './api.ts';
import { BoardError } from './BoardError.tsx';
import { JoinForm } from './JoinForm.tsx';
import {
  forgetMembership,
  keyFromHash,
  loadMembership,
  type Membership,
  rememberDisplayName,
  saveMembership,
} from './membership.ts';
import { PageLoading } from './PageLoading.tsx';

type Phase =
  | { kind: 'checking' }
  | { kind: 'ask'; key: string; error: string | null }
  | { kind: 'ready'; board: Board; membership: Membership }
  | { kind: 'error'; code: 'invalid_key' | 'board_not_found' | 'no_key' | 'other'; detail: string };

function stripKeyFromUrl(): void {
  if (!window.location.hash) return;
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search,
  );
}

function failure(error: unknown): Extract<Phase, { kind: 'error' }> {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_key') return { kind: 'error', code: 'invalid_key', detail: '' };
    if (error.status === 404) return { kind: 'error', code: 'board_not_found', detail: '' };
    return { kind: 'error', code: 'other', detail: error.message };
  }
  return { kind: 'error', code: 'other', detail: String(error) };
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
      stripKeyFromUrl();
      setPhase({ kind: 'ready', board, membership: current });
    },
    [boardId],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the check on retry.
  useEffect(() => {
    const key = keyFromHash(window.location.hash);
    const stored = loadMembership(boardId);
    if (!stored || (key && stored.key !== undefined && stored.key !== key)) {
      setPhase(
        key ? { kind: 'ask', key, error: null } : { kind: 'error', code: 'no_key', detail: '' },
      );
      return;
    }
    setPhase({ kind: 'checking' });
    open(stored).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        // The token no longer works (or never did): join again if the link allows it.
        forgetMembership(boardId);
        setPhase(
          key ? { kind: 'ask', key, error: null } : { kind: 'error', code: 'no_key', detail: '' },
        );
        return;
      }
      setPhase(failure(error));
    });
  }, [boardId, open, attempt]);

  const join = async (key: string, name: string) => {
    try {
      const joined = await apiRequest<JoinBoardResponse>(`/api/boards/${boardId}/join`, {
        body: { key, name },
      });
      rememberDisplayName(name);
      await open({ token: joined.token, member: joined.member, key });
    } catch (error) {
      const next = failure(error);
      if (next.code === 'other' && error instanceof ApiError && error.status === 400) {
        setPhase({ kind: 'ask', key, error: error.message });
      } else {
        setPhase(next);
      }
    }
  };

  switch (phase.kind) {
    case 'checking':
      return <PageLoading />;
    case 'ask':
      return <JoinForm error={phase.error} onJoin={(name) => join(phase.key, name)} />;
    case 'ready':
      return (
        <BoardPage
          board={phase.board}
          me={phase.membership.member}
          token={phase.membership.token}
        />
      );
    case 'error': {
      const message = {
        invalid_key: t.app.errorInvalidKey,
        board_not_found: t.app.errorUnknownBoard,
        no_key: t.app.errorNoKey,
        other: t.app.errorGeneric(phase.detail),
      }[phase.code];
      const retry = phase.code === 'other' ? () => setAttempt((n) => n + 1) : undefined;
      return <BoardError message={message} onRetry={retry} />;
    }
  }
}
