/**
 * The canvas's wiring to the outside world, as effects: pointer and keyboard input, the
 * clipboard, presence publishing, the first view of the board, requested viewports.
 */
import { type RefObject, useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { LANGUAGES } from '../../../shared/api.ts';
import {
  ITEM_TYPES,
  type ItemMap,
  type ItemType,
  itemsOf,
} from '../../../shared/board-document.ts';
import { CONCEPT_FIELD_LABELS } from '../../../shared/concept-fields.ts';
import type { WriteScope } from '../board/write-access.ts';
import { onDocChange } from '../sync/doc-changes.ts';
import type { ViewportRequest } from './BoardCanvas.tsx';
import {
  CLIPBOARD_MIME,
  copyItems,
  lastCopied,
  notesFromText,
  parsePayload,
  pasteItems,
  plainTextOf,
} from './model/clipboard.ts';
import { firstView } from './model/first-view.ts';
import { type Box, boundsOf, boxOf, centre } from './model/geometry.ts';
import { PresencePublisher } from './presence/presence-publisher.ts';
import { HeldNudge } from './tools/held-nudge.ts';
import { handleKeyDown, type KeyboardActions } from './tools/keyboard.ts';
import { PointerController } from './tools/pointer-controller.ts';
import { guardTaps } from './tools/tap-guard.ts';
import { canWrite, type ToolEnv } from './tools/tool-env.ts';

/**
 * How far from the origin, in board units, a page can place an item: Chrome lays out at most
 * about 2^25 CSS pixels, and an item is placed at its board position before the camera scales
 * the world. What a stock client puts further out (an x of 1e12) cannot be drawn where it is.
 */
const DRAWABLE = 16_000_000;

/**
 * The box around the board's items that a page can draw: the first view and "zoom to fit" show
 * it. One item far beyond the rest would otherwise make both show nothing at all.
 */
export function boardBounds(env: ToolEnv) {
  const drawable = (box: Box) =>
    Math.max(Math.abs(box.x), Math.abs(box.y), Math.abs(box.x + box.w), Math.abs(box.y + box.h)) <=
    DRAWABLE;
  return boundsOf(
    env.model
      .all()
      .map((l) => boxOf(l.item))
      .filter((r): r is Box => r !== null && drawable(r)),
  );
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function useCanvasEffects(
  env: ToolEnv,
  surface: RefObject<HTMLElement | null>,
  world: RefObject<HTMLDivElement | null>,
  awareness: Awareness,
  actions: KeyboardActions,
  viewportRequest: ViewportRequest | null,
  { sharedReadOnly: readOnly, locked }: WriteScope,
) {
  const { model, state, viewport, undo } = env;
  const pointerRef = useRef<PointerController | null>(null);
  const nudgeRef = useRef<HeldNudge | null>(null);
  // A canvas shown to see where someone brought everyone starts there, not with the whole board.
  const requestedAtMount = useRef(viewportRequest !== null);

  useEffect(() => {
    undo.attach();
    return () => undo.detach();
  }, [undo]);

  // Camera, input and presence.
  useEffect(() => {
    const root = surface.current;
    const worldElement = world.current;
    if (!root || !worldElement) return;
    viewport.attach(worldElement);
    const uncount = viewport.counterScale(worldElement);
    const resize = () => {
      const { left, top } = root.getBoundingClientRect();
      const at = { x: left, y: top };
      viewport.resize(root.clientWidth, root.clientHeight, at, () => boardBounds(env)?.y);
    };
    const sized = new ResizeObserver(resize);
    sized.observe(root);
    resize();
    // Focus moving to an off-screen item must pan the camera, never scroll the surface.
    const unscroll = () => {
      root.scrollLeft = 0;
      root.scrollTop = 0;
    };
    root.addEventListener('scroll', unscroll);

    const publisher = new PresencePublisher(awareness);
    const pointer = new PointerController(root, env);
    pointerRef.current = pointer;
    const nudge = new HeldNudge(env);
    nudgeRef.current = nudge;
    // Before the pointer controller's own listener: a press ends a held Alt+arrow first.
    const releaseNudge = () => nudge.release();
    root.addEventListener('pointerdown', releaseNudge, { capture: true });
    // On the surface and the bars over it (the canvas): a control a tap brings up under the
    // finger (the selection bar) does not take that tap's click.
    const unguard = guardTaps(root.parentElement ?? root);
    // While silent writing runs, where I am and which of my private notes I select stay mine:
    // a note revealed without names must not be traceable to me by either. A participant's
    // view too, as a new note goes in its middle (the server blanks all three, PROTOCOL.md);
    // a facilitator's stays, for "bring everyone to me".
    const writingPrivately = model.privateDoc !== null;
    const hidingView = writingPrivately && env.me.role === 'participant';
    const publishView = () => publisher.viewport(hidingView ? null : viewport.state());
    if (writingPrivately) publisher.cursor(null);
    let lastCursor: { x: number; y: number } | null = null;
    pointer.onCursor = (point) => {
      lastCursor = point;
      publisher.cursor(writingPrivately ? null : point);
    };
    const offViewport = viewport.subscribe(publishView);
    let lastSelection = state.selection;
    const offState = state.subscribe(() => {
      if (undo.holdUntilEditingEnds && !state.editing) undo.endGesture();
      if (state.selection !== lastSelection) {
        lastSelection = state.selection;
        publisher.selection([...state.selection].filter((id) => !model.isPrivate(id)));
      }
    });
    publishView();

    // The canvas's own controls (tool bar, zoom) count as the canvas for letter shortcuts, and
    // so does an element that holds the focus only to say where I am (the board's name, after
    // joining: data-focus-landing), as the page itself does.
    const container = root.parentElement ?? root;
    const inCanvas = () => {
      const active = document.activeElement;
      return (
        active === document.body ||
        active === null ||
        active.hasAttribute('data-focus-landing') ||
        container.contains(active)
      );
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isEditable(event.target) && inCanvas() && env.typing.swallows(event)) {
        event.preventDefault();
        return;
      }
      if (event.key === 'Escape' && pointer.cancelGesture()) {
        event.preventDefault();
        return;
      }
      const onButton = event.target instanceof Element && event.target.closest('button');
      if (event.key === ' ' && !onButton && !isEditable(event.target) && inCanvas()) {
        pointer.spaceHeld = true;
        root.classList.add('is-panning');
        event.preventDefault();
        return;
      }
      if (handleKeyDown(event, env, actions, nudge, inCanvas())) event.preventDefault();
    };
    const releaseSpace = () => {
      pointer.spaceHeld = false;
      root.classList.remove('is-panning');
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') releaseSpace();
      if (event.key === 'Alt' || event.key.startsWith('Arrow')) nudge.release();
    };
    // Keys let go in another window never reach us: nothing stays held.
    const onBlur = () => {
      releaseSpace();
      nudge.release();
    };
    const onCopy = (event: ClipboardEvent) => {
      if (isEditable(event.target) || !inCanvas() || state.selection.size === 0) return;
      const payload = copyItems(model, state.selection);
      if (!payload || !event.clipboardData) return;
      event.clipboardData.setData(CLIPBOARD_MIME, JSON.stringify(payload));
      // The page's language (i18n.tsx sets it), for a concept card's field labels.
      const language = LANGUAGES.find((known) => known === document.documentElement.lang) ?? 'en';
      event.clipboardData.setData(
        'text/plain',
        plainTextOf(payload, CONCEPT_FIELD_LABELS[language]),
      );
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || !inCanvas() || !canWrite(env)) return;
      const data = event.clipboardData;
      const plain = data?.getData('text/plain') ?? '';
      // Items copied from a board (an older page put their JSON under text/plain); else words
      // from elsewhere become notes. This tab's last copy only when the clipboard holds nothing
      // at all: text copied since then is what the person means (QA: old notes pasted instead).
      const copied = parsePayload(data?.getData(CLIPBOARD_MIME) ?? '') ?? parsePayload(plain);
      const fromText = copied ? null : notesFromText(plain);
      const payload = copied ?? fromText ?? (data?.types.length ? null : lastCopied());
      if (!payload) return;
      event.preventDefault();
      // Land the copies under the pointer when it is on the board, else just beside the originals
      // (notes from text, which have none, in the middle of the view).
      let dx = 24;
      let dy = 24;
      const xs = payload.items.map((i) => i.fields.x).filter((v) => typeof v === 'number');
      const ys = payload.items.map((i) => i.fields.y).filter((v) => typeof v === 'number');
      const at = lastCursor ?? (fromText ? viewport.centre() : null);
      if (at && xs.length > 0 && ys.length > 0) {
        dx = Math.round(at.x - Math.min(...xs));
        dy = Math.round(at.y - Math.min(...ys));
      }
      undo.boundary();
      state.select(pasteItems(model, payload, dx, dy, env.me.id, env.readOnly()));
      undo.boundary();
    };
    const onFocusIn = (event: FocusEvent) => {
      const element = event.target instanceof Element ? event.target : null;
      const id = element?.getAttribute('data-item-id');
      const item = id ? model.read(id) : null;
      const box = item ? boxOf(item) : null;
      if (!box) return;
      const view = viewport.visible();
      const onScreen =
        box.x + box.w > view.x &&
        box.x < view.x + view.w &&
        box.y + box.h > view.y &&
        box.y < view.y + view.h;
      if (!onScreen) viewport.animateTo({ ...centre(box), zoom: viewport.zoom });
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    root.addEventListener('focusin', onFocusIn);
    return () => {
      if (pointerRef.current === pointer) pointerRef.current = null;
      pointer.destroy();
      if (nudgeRef.current === nudge) nudgeRef.current = null;
      nudge.drop();
      publisher.destroy();
      offViewport();
      offState();
      sized.disconnect();
      uncount();
      root.removeEventListener('scroll', unscroll);
      root.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
      root.removeEventListener('pointerdown', releaseNudge, { capture: true });
      unguard();
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
      viewport.attach(null);
    };
  }, [env, surface, world, awareness, actions, model, state, viewport, undo]);

  // The moment what I may change narrows (the shared board closes to me, or a lock puts my
  // pens down), a drag, resize or held Alt+arrow of what I may no longer change ends.
  useEffect(() => {
    if (!readOnly && !locked) return;
    pointerRef.current?.narrowed();
    nudgeRef.current?.narrowed();
  }, [readOnly, locked]);

  // Selection and editing forget items that are gone (deleted here or by someone else).
  useEffect(() => {
    const docs = model.docs();
    const exists = (id: string) => model.docOf(id) !== null;
    const prune = (event: Y.YMapEvent<ItemMap>, transaction: Y.Transaction) => {
      const editing = state.editing;
      if (
        editing &&
        transaction.origin !== model.origin &&
        event.keysChanged.has(editing.id) &&
        !exists(editing.id)
      ) {
        // Someone else deleted what I am typing in. The keys already on their way are the
        // text's: they must not switch tools or delete the rest of my selection.
        env.typing.editorTaken(editing.id, surface.current);
        state.select([]);
        // Only the reveal takes notes out of my private document: that is no news.
        if (event.target === itemsOf(model.doc)) {
          // Its element is still on the page: React draws the deletion after this.
          const element = surface.current?.querySelector(
            `[data-item-id="${CSS.escape(editing.id)}"]`,
          );
          const type = element?.getAttribute('data-item-type');
          state.tell({
            kind: 'deleted-while-editing',
            type: (ITEM_TYPES as readonly unknown[]).includes(type) ? (type as ItemType) : null,
          });
        }
      }
      state.prune(exists);
    };
    for (const doc of docs) itemsOf(doc).observe(prune);
    return () => {
      for (const doc of docs) itemsOf(doc).unobserve(prune);
    };
  }, [model, state, env, surface]);

  // The first view (model/first-view.ts: the whole board, or its start where the whole would be
  // too small to read) once its content is here (it may arrive after mounting, in the first
  // sync). Later arrivals never move the camera: people are working. Once per
  // opening of the board, so it hangs on the shared document alone: the language, and silent
  // writing starting or revealed, make a new env and model, and fitting the board again for
  // those took everyone back to the first view just as they were asked to write (QA).
  const latestEnv = useRef(env);
  latestEnv.current = env;
  const sharedDoc = model.doc;
  useEffect(() => {
    if (requestedAtMount.current) return;
    let done = false;
    const mounted = Date.now();
    let unsubscribe = (): void => {};
    const fitOnce = (origin?: unknown) => {
      if (done) return;
      const latest = latestEnv.current;
      const bounds = boardBounds(latest);
      const remote = origin !== undefined;
      if (origin === latest.model.origin || Date.now() - mounted > 5000 || (remote && !bounds)) {
        done = true;
      }
      if (done || !bounds) return;
      done = true;
      unsubscribe();
      const types = latest.model.all().map((located) => located.item.type);
      viewport.animateTo(firstView(viewport, bounds, types), 0);
    };
    unsubscribe = onDocChange(sharedDoc, fitOnce);
    requestAnimationFrame(() => fitOnce());
    return () => {
      done = true;
      unsubscribe();
    };
  }, [sharedDoc, viewport]);

  useEffect(() => {
    // Another member's view (followed, or brought to): the area they see, at my screen's zoom.
    if (viewportRequest) {
      const target = viewportRequest.viewport;
      viewport.animateTo({ ...target, zoom: viewport.zoomToSee(target) });
    }
  }, [viewportRequest, viewport]);
}
