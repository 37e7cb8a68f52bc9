/**
 * Fake timers with animation frames for the canvas's model in Node: the viewport tells its
 * listeners once per frame, and Node has no frames. Call at the top of a describe (or file).
 */
import { afterEach, beforeEach, vi } from 'vitest';

export function withFakeFrames(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (callback: (t: number) => void) =>
      setTimeout(() => callback(performance.now()), 16),
    );
    vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}
