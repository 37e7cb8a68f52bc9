/**
 * The infinite canvas: renders the board document's items as DOM (real, findable text) and
 * edits them. Pan and zoom move one CSS transform on the world element; each item is its own
 * memoized component subscribed to its own Y.Map, so a board of thousands stays fluid.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { PublicMember } from '../../../shared/api.ts';
import { CopyButton } from '../app/CopyButton.tsx';
import type { ViewportState } from '../board/presence.ts';
import { narrowed, type WriteAccess, type WriteScope } from '../board/write-access.ts';
import { useT } from '../i18n/i18n.tsx';
import {
  CanvasContext,
  type CanvasContextValue,
  type ItemOverlayRenderer,
} from './canvas-context.ts';
import { ItemsLayers } from './items/ItemsLayer.tsx';
import { itemIdOf, makeOverlayLayer } from './items/overlay-layer.ts';
import { BoardModel } from './model/board-model.ts';
import { CanvasState, type Notice, toolsFor, useCanvasState } from './model/canvas-state.ts';
import { DragPreview } from './model/drag-preview.ts';
import { Nearby } from './model/nearby.ts';
import { CanvasUndo } from './model/undo.ts';
import { Viewport } from './model/viewport.ts';
import { Cursors } from './presence/Cursors.tsx';
import { RemoteSelections } from './presence/RemoteSelections.tsx';
import { createByKeyboard } from './tools/create.ts';
import { DraftStore } from './tools/drafts.ts';
import { deleteSelection, duplicateSelection, type KeyboardActions } from './tools/keyboard.ts';
import { editableIds, type ToolEnv } from './tools/tool-env.ts';
import { TypingGuard } from './tools/typing-guard.ts';
import { ConfirmDeleteFrames } from './ui/ConfirmDeleteFrames.tsx';
import { DraftLayer } from './ui/DraftLayer.tsx';
import { HelpDialog } from './ui/HelpDialog.tsx';
import { Minimap } from './ui/Minimap.tsx';
import { SelectionBar } from './ui/SelectionBar.tsx';
import { Toolbar } from './ui/Toolbar.tsx';
import { ZoomControls } from './ui/ZoomControls.tsx';
import { boardBounds, useCanvasEffects } from './use-canvas-effects.ts';
import './canvas.css';

const currentTool = (state: CanvasState) => state.tool;
const currentNotice = (state: CanvasState) => state.notice;

/** Long enough to read a sentence twice. */
const NOTICE_MS = 6000;

function noticeWords(t: ReturnType<typeof useT>, notice: Notice): string {
  switch (notice.kind) {
    case 'left-out':
      return t.canvas.leftOut(notice.action, notice.count, notice.why);
    case 'deleted-while-editing':
      return t.canvas.deletedWhileEditing(notice.type);
    case 'nothing-selected':
      return t.canvas.nothingSelected;
    case 'editing-stopped':
      return t.canvas.editingStopped(notice.why);
  }
}

/**
 * The words in the open editor of item `id` (a note's, a concept field's, a frame's title), as
 * I typed them, sent or not.
 */
function editorWords(id: string): string {
  const own = `[data-item-id="${CSS.escape(id)}"], [data-title-of="${CSS.escape(id)}"]`;
  const active = document.activeElement;
  const field =
    active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement
      ? active
      : document.querySelector<HTMLTextAreaElement>(`:is(${own}) textarea`);
  return field?.closest(own) ? field.value : '';
}

/** The words I was writing when my editing stopped, to copy, and the notice's Close. */
function KeptWords({ state, text }: { state: CanvasState; text: string }) {
  const t = useT();
  return (
    <div className="im-notice-kept">
      <p className="im-notice-kept-label">{t.canvas.keptWords}</p>
      {/* Not read out as it grows, a letter at a time, while the typing goes on. */}
      <p className="im-notice-kept-text" aria-live="off" data-testid="kept-words">
        {text}
      </p>
      <div className="im-notice-actions">
        <CopyButton text={text} label={t.canvas.copyKeptWords} />
        <button
          type="button"
          className="button button-secondary"
          onClick={() => state.clearNotice()}
        >
          {t.canvas.closeNotice}
        </button>
      </div>
    </div>
  );
}

/** The canvas's notices (canvas-state.ts), spoken by screen readers; each fades after a while. */
function CanvasNotice({ state }: { state: CanvasState }) {
  const t = useT();
  const notice = useCanvasState(state, currentNotice);
  // Kept words stay until closed: they may be all that is left of them.
  const lasting = notice?.kind === 'editing-stopped';
  useEffect(() => {
    if (!notice || lasting) return;
    const timer = setTimeout(() => {
      if (state.notice === notice) state.clearNotice();
    }, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, lasting, state]);
  // The live region stays in the page, so what appears in it is announced.
  return (
    <div className="im-notice-slot" role="status" aria-live="polite">
      {notice ? (
        // A new element for each notice, so a screen reader says the same words again.
        <div
          key={notice.seq}
          className="im-notice"
          data-testid="canvas-notice"
          data-kind={notice.kind}
          data-seq={notice.seq}
        >
          <p className="im-notice-words">{noticeWords(t, notice)}</p>
          {notice.kind === 'editing-stopped' && notice.text.trim() !== '' ? (
            <KeptWords state={state} text={notice.text} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export interface ViewportRequest {
  viewport: ViewportState;
  /** Changes on every request, so asking for the same place twice still moves. */
  seq: number;
}

export interface BoardCanvasProps {
  doc: Y.Doc;
  awareness: Awareness;
  me: PublicMember;
  /**
   * What I may write (board/write-access.ts): whether the shared board is read-only to me,
   * whether my new notes go to my private document, whether the board is locked to me (my
   * private notes are then read-only too).
   */
  access: WriteAccess;
  /** Moves my viewport: following a member, or the facilitator's "bring everyone to me". */
  viewportRequest: ViewportRequest | null;
  /**
   * My private document while silent writing runs: its items are drawn (marked private) and
   * my new notes go there instead of into `doc`. Null otherwise.
   */
  privateDoc: Y.Doc | null;
  /**
   * Drawn inside each item's element (vote dots, result badges); owned by workshop/. Called
   * when an item renders: the element it returns should subscribe to its own state.
   */
  itemOverlay?: ItemOverlayRenderer;
}

/**
 * How wide the canvas prints, in CSS pixels: what A4 portrait holds inside the browser's default
 * margins (190 mm), so a portrait page is not cut and a landscape one shows it whole.
 */
const PRINT_WIDTH = 700;

export function BoardCanvas({
  doc,
  awareness,
  me,
  access,
  viewportRequest,
  privateDoc,
  itemOverlay,
}: BoardCanvasProps) {
  const t = useT();
  const surface = useRef<HTMLElement>(null);
  const world = useRef<HTMLDivElement>(null);
  const { sharedReadOnly: readOnly, locked } = access;
  const accessRef = useRef(access);
  accessRef.current = access;
  const model = useMemo(
    () => new BoardModel(doc, privateDoc, () => accessRef.current),
    [doc, privateDoc],
  );
  const [state] = useState(() => new CanvasState());
  const [viewport] = useState(() => new Viewport());
  const [nearby] = useState(() => new Nearby(viewport));
  const [preview] = useState(() => new DragPreview(() => world.current));
  const [drafts] = useState(() => new DraftStore());
  const [typing] = useState(() => new TypingGuard());
  const undo = useMemo(() => new CanvasUndo(model.docs(), model.origin), [model]);
  const remoteSelections = useMemo(() => new RemoteSelections(awareness), [awareness]);
  useEffect(() => remoteSelections.attach(), [remoteSelections]);
  const tool = useCanvasState(state, currentTool);
  const [helpOpen, setHelpOpen] = useState(false);
  // The overview covers a corner of the board, so it opens on request.
  const [minimapOpen, setMinimapOpen] = useState(false);

  const [overlays] = useState(makeOverlayLayer);
  // Put in its layer before the items are drawn (the layer is the world's first child), so an
  // overlay measuring itself as it is drawn (workshop/foot-room.ts) is on the page. Stable: a
  // layer moved would drop the focus from a vote dot in it.
  const holdOverlays = useCallback(
    (layer: HTMLDivElement | null) => layer?.append(overlays),
    [overlays],
  );
  const overlayRef = useRef(itemOverlay);
  overlayRef.current = itemOverlay;
  const overlay = useCallback<ItemOverlayRenderer>(
    (id, engaged) => overlayRef.current?.(id, engaged) ?? null,
    [],
  );

  const scopeBefore = useRef<WriteScope>({ sharedReadOnly: readOnly, locked });
  useEffect(() => {
    const scope = { sharedReadOnly: readOnly, locked };
    const closed = narrowed(scopeBefore.current, scope);
    scopeBefore.current = scope;
    // My private document went with silent writing: what was selected in it is gone.
    state.prune((id) => model.docOf(id) !== null);
    if (!toolsFor(readOnly, model.writesPrivately).includes(state.tool)) {
      state.setTool('select');
    }
    if (state.editing && !model.mayEdit(state.editing.id)) {
      const { id } = state.editing;
      const text = editorWords(id);
      // The rest of the sentence goes on arriving as keys: kept with the words (canvas-state.ts).
      typing.editorTaken(id, surface.current, (event) => state.keepTyped(event));
      state.stopEditing();
      // Not when only my private document went (the reveal): that has news of its own.
      if (closed) {
        state.tell({ kind: 'editing-stopped', why: locked ? 'locked' : 'silent', text });
      }
    }
  }, [readOnly, locked, model, state, typing]);

  const env = useMemo<ToolEnv>(
    () => ({
      model,
      state,
      viewport,
      undo,
      drafts,
      preview,
      me,
      readOnly: () => model.access().sharedReadOnly,
      labels: { newFrame: t.canvas.newFrame, newConcept: t.canvas.newConcept },
      typing,
    }),
    [model, state, viewport, undo, drafts, preview, me, t, typing],
  );

  const zoomToFit = useCallback(() => {
    const bounds = boardBounds(env);
    if (bounds) viewport.animateTo(viewport.fitting(bounds));
    else viewport.animateTo({ x: 0, y: 0, zoom: 1 });
  }, [env, viewport]);
  // Printing (print.css): the whole board, fitted to a canvas of the screen's proportions at most
  // PRINT_WIDTH wide, which keeps that size on paper; the view comes back afterwards.
  useEffect(() => {
    let printing: { view: ViewportState; host: HTMLElement } | null = null;
    const before = () => {
      const host = surface.current?.closest<HTMLElement>('.canvas-host');
      if (!host || printing) return;
      printing = { view: viewport.state(), host };
      const width = Math.min(host.clientWidth, PRINT_WIDTH);
      const height = Math.round((host.clientHeight * width) / Math.max(1, host.clientWidth));
      host.style.width = `${width}px`;
      host.style.height = `${height}px`;
      viewport.resize(width, height);
      const bounds = boardBounds(env);
      if (bounds) viewport.animateTo(viewport.fitting(bounds), 0);
    };
    const after = () => {
      if (!printing) return;
      printing.host.style.width = '';
      printing.host.style.height = '';
      viewport.animateTo(printing.view, 0);
      printing = null;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [env, viewport]);
  const zoomBy = useCallback(
    (factor: number) => {
      const c = viewport.centre();
      viewport.animateTo({ ...c, zoom: viewport.zoom * factor }, 160);
    },
    [viewport],
  );
  const itemElement = useCallback(
    (id: string) =>
      surface.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`) ?? null,
    [],
  );
  // The focus was on what a delete takes away (the item, or the selection bar that goes with
  // the selection): it moves on to the nearest item, as in a list, so Tab and the arrows go on
  // from there; to the board itself when nothing is left. That item is not selected, though
  // keyboard focus selects elsewhere (ItemShell): Delete again, a double tap or a held key,
  // took the next note and the next, maybe a colleague's and off screen (QA). Enter selects it.
  const deleteAndMoveOn = useCallback(() => {
    const active = document.activeElement;
    const next = deleteSelection(env);
    const on = active instanceof HTMLElement ? active : null;
    const goneItem = itemIdOf(on);
    const losing =
      on?.closest('.im-selection-bar') || (goneItem && env.model.docOf(goneItem) === null);
    if (!losing) return;
    const successor = next ? itemElement(next) : surface.current;
    state.keepingPlace(() => successor?.focus({ preventScroll: true }));
  }, [env, state, itemElement]);
  // Frames go only once asked (ConfirmDeleteFrames): their titles while the question is open.
  const [framesToDelete, setFramesToDelete] = useState<{ frames: string[]; others: number } | null>(
    null,
  );
  const askThenDelete = useCallback(() => {
    const going = editableIds(env, state.selection);
    const frames = going.flatMap((id) => {
      const item = env.model.read(id);
      return item?.type === 'frame' ? [item.title.trim()] : [];
    });
    if (frames.length > 0) setFramesToDelete({ frames, others: going.length - frames.length });
    else deleteAndMoveOn();
  }, [env, state, deleteAndMoveOn]);
  const actions = useMemo<KeyboardActions>(
    () => ({
      zoomToFit,
      zoomBy,
      toggleHelp: () => setHelpOpen((open) => !open),
      focusItem: (id) => {
        state.select([id]);
        itemElement(id)?.focus({ preventScroll: true });
      },
      deleteSelection: askThenDelete,
    }),
    [zoomToFit, zoomBy, state, itemElement, askThenDelete],
  );

  useCanvasEffects(env, surface, world, awareness, actions, viewportRequest, access);

  const context = useMemo<CanvasContextValue>(
    () => ({
      model,
      state,
      viewport,
      nearby,
      preview,
      undo,
      remoteSelections,
      readOnly,
      locked,
      t,
      overlay,
      surface,
      overlays,
      typing,
    }),
    [
      model,
      state,
      viewport,
      nearby,
      preview,
      undo,
      remoteSelections,
      readOnly,
      locked,
      t,
      overlay,
      overlays,
      typing,
    ],
  );

  return (
    <CanvasContext.Provider value={context}>
      <div
        className="im-canvas"
        data-readonly={readOnly ? 'true' : undefined}
        data-private-writing={privateDoc ? 'true' : undefined}
      >
        <section
          ref={surface}
          className="im-surface"
          data-tool={tool}
          tabIndex={-1}
          aria-label={t.canvas.boardLabel}
        >
          <div ref={world} className="im-world">
            {/* Above the items (canvas.css), though first in the page's order. */}
            <div ref={holdOverlays} className="im-layer im-layer-overlays" />
            <ItemsLayers doc={doc} privateDoc={privateDoc} />
            <DraftLayer drafts={drafts} />
            <Cursors awareness={awareness} myMemberId={me.id} />
          </div>
        </section>
        <Toolbar
          onHelp={() => setHelpOpen(true)}
          onCreate={(type) => createByKeyboard(env, type)}
        />
        <SelectionBar onDuplicate={() => duplicateSelection(env)} onDelete={askThenDelete} />
        <ZoomControls
          onFit={zoomToFit}
          onZoom={zoomBy}
          onReset={() => viewport.animateTo({ ...viewport.centre(), zoom: 1 }, 160)}
          minimapOpen={minimapOpen}
          onToggleMinimap={() => setMinimapOpen((open) => !open)}
        />
        {minimapOpen ? <Minimap /> : null}
        <CanvasNotice state={state} />
        <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
        {framesToDelete && (
          <ConfirmDeleteFrames
            frames={framesToDelete.frames}
            others={framesToDelete.others}
            onDelete={deleteAndMoveOn}
            onClose={() => setFramesToDelete(null)}
          />
        )}
      </div>
    </CanvasContext.Provider>
  );
}
