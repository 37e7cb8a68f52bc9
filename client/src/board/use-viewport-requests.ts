/**
 * Where the canvas should move my view to: following a member (their published viewport,
 * kept up as it changes until I interact or stop) or the facilitator's "bring everyone to me".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Viewport } from '../../../shared/facilitation.ts';
import type { ViewportRequest } from '../canvas/BoardCanvas.tsx';
import type { BoardSession } from './board-session.ts';
import type { ViewportState } from './presence.ts';
import { readMember, readViewport } from './use-presence.ts';

export interface Followed {
  clientId: number;
  name: string;
}

export interface ViewportRequests {
  request: ViewportRequest | null;
  following: Followed | null;
  follow: (clientId: number) => void;
  stopFollowing: () => void;
  /** Forgets the last request, so that a canvas mounted later starts from its own view. */
  clearRequest: () => void;
  /** The name of whoever last brought everyone to their view, while the notice shows. */
  summonedBy: string | null;
  /** Takes the notice down: acted on, or the view changed. */
  dismissSummoned: () => void;
}

const sameViewport = (a: ViewportState, b: ViewportState) =>
  Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;

export function useViewportRequests(
  session: BoardSession | null,
  /** Keeps the notice up until dismissed: the outline, which has no view to move, offers one. */
  keepSummoned = false,
): ViewportRequests {
  const [request, setRequest] = useState<ViewportRequest | null>(null);
  const [following, setFollowing] = useState<Followed | null>(null);
  const [summonedBy, setSummonedBy] = useState<string | null>(null);
  const seq = useRef(0);
  const last = useRef<ViewportState | null>(null);

  const moveTo = useCallback((viewport: ViewportState) => {
    if (last.current && sameViewport(last.current, viewport)) return;
    last.current = viewport;
    seq.current += 1;
    setRequest({ viewport, seq: seq.current });
  }, []);

  const follow = useCallback(
    (clientId: number) => {
      const state = session?.awareness.getStates().get(clientId);
      const member = readMember(state);
      if (!session || !member || clientId === session.awareness.clientID) return;
      last.current = null;
      setFollowing({ clientId, name: member.name });
      const viewport = readViewport(state);
      if (viewport) moveTo(viewport);
    },
    [session, moveTo],
  );
  const stopFollowing = useCallback(() => setFollowing(null), []);
  const clearRequest = useCallback(() => {
    last.current = null;
    setRequest(null);
  }, []);

  useEffect(() => {
    if (!session || !following) return;
    const { awareness } = session;
    const onChange = (change: { added: number[]; updated: number[]; removed: number[] }) => {
      if (change.removed.includes(following.clientId)) {
        setFollowing(null);
        return;
      }
      if (
        !change.updated.includes(following.clientId) &&
        !change.added.includes(following.clientId)
      ) {
        return;
      }
      const viewport = readViewport(awareness.getStates().get(following.clientId));
      if (viewport) moveTo(viewport);
    };
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [session, following, moveTo]);

  useEffect(() => {
    if (!session) return;
    const socket = session.provider.socket;
    const onSummoned = (summon: { memberId: string; name: string; viewport: Viewport }) => {
      if (summon.memberId === session.me.id) return;
      setFollowing(null);
      last.current = null;
      moveTo(summon.viewport);
      setSummonedBy(summon.name);
    };
    socket.on('presence:summoned', onSummoned);
    return () => {
      socket.off('presence:summoned', onSummoned);
    };
  }, [session, moveTo]);

  useEffect(() => {
    if (!summonedBy || keepSummoned) return;
    const timer = setTimeout(() => setSummonedBy(null), 6000);
    return () => clearTimeout(timer);
  }, [summonedBy, keepSummoned]);
  const dismissSummoned = useCallback(() => setSummonedBy(null), []);

  return { request, following, follow, stopFollowing, clearRequest, summonedBy, dismissSummoned };
}
