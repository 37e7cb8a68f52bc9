/**
 * Routes: `/` creates a board; `/b/:id` (with `#key=` on first visit) joins and opens it.
 * Each route is its own chunk, so a participant opening a link never downloads the landing
 * page and the landing page never downloads the canvas.
 */
import { lazy, Suspense } from 'react';
import { PageLoading } from './PageLoading.tsx';
import { PartBoundary } from './PartBoundary.tsx';

const LandingPage = lazy(() =>
  import('./LandingPage.tsx').then((module) => ({ default: module.LandingPage })),
);
const BoardRoute = lazy(() =>
  import('./BoardRoute.tsx').then((module) => ({ default: module.BoardRoute })),
);

const BOARD_PATH = /^\/b\/([^/]+)\/?$/;

export function App() {
  const boardId = BOARD_PATH.exec(window.location.pathname)?.[1];
  return (
    <PartBoundary>
      <Suspense fallback={<PageLoading />}>
        {boardId ? <BoardRoute boardId={decodeURIComponent(boardId)} /> : <LandingPage />}
      </Suspense>
    </PartBoundary>
  );
}
