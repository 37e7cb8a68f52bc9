/**
 * Moving an element by its transform without Chrome re-layerizing the page at every frame.
 *
 * When a script changes an element's transform, Chrome works out the page's compositing layers
 * again (overlap testing over every paint chunk of the page). Only where a transform animation
 * is running on the element does it update the compositor's transform directly. So while the
 * camera moves, the world carries an animation that adds the identity to its own transform:
 * nothing changes on screen, and a pan costs no layerization. It stops once the element has
 * rested for REST_MS, so an idle board renders no frames.
 * Elsewhere (other browsers, jsdom) the animation is harmless or absent; where animations cannot
 * add to the element's own transform it is not used.
 *
 * Measured in docs/BENCHMARKS.md ("Panning without re-layerizing").
 */

/** How long an element must be still before its animation stops. */
const REST_MS = 300;

interface Motion {
  animation: Animation;
  rest: ReturnType<typeof setTimeout>;
}

const moving = new WeakMap<HTMLElement, Motion>();
/** False once this browser showed it cannot add an animation to an element's own transform. */
let canAdd = true;

/** `element`'s transform is about to change, or just did: keep it on the fast path a while. */
export function inMotion(element: HTMLElement): void {
  const motion = moving.get(element);
  if (motion) {
    clearTimeout(motion.rest);
    motion.rest = setTimeout(() => stop(element), REST_MS);
    return;
  }
  if (!canAdd || typeof element.animate !== 'function') return;
  const animation = element.animate(
    [{ transform: 'translate(0px, 0px)' }, { transform: 'translate(0px, 0px)' }],
    { duration: 3_600_000, composite: 'add' },
  );
  // A browser without composite operations would replace the transform instead: the board
  // would jump to its origin while it moves.
  if ((animation.effect as KeyframeEffect | null)?.composite !== 'add') {
    animation.cancel();
    canAdd = false;
    return;
  }
  moving.set(element, { animation, rest: setTimeout(() => stop(element), REST_MS) });
}

function stop(element: HTMLElement): void {
  const motion = moving.get(element);
  if (!motion) return;
  moving.delete(element);
  clearTimeout(motion.rest);
  motion.animation.cancel();
}
