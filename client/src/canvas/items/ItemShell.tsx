/**
 * The element every box-shaped item is drawn in: position, data attributes the other panels
 * and tests rely on (`data-item-id`, `data-item-type`, `[data-item-text]` inside), focus and
 * label for keyboards and screen readers, the resize handle; and its overlay's box, at its place
 * in the layer above every item (overlay-layer.ts).
 */
import {
  type CSSProperties,
  type FocusEvent,
  type ReactNode,
  useCallback,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import type { Item } from '../../../../shared/board-document.ts';
import { useFocusSuccessor } from '../../app/focus-successor.ts';
import { itemAboutId, useCanvas } from '../canvas-context.ts';
import { useNear } from '../model/nearby.ts';
import { RemoteSelection } from '../presence/RemoteSelections.tsx';
import { PinMark } from './PinMark.tsx';

export interface ItemShellProps {
  item: Item;
  z: number;
  label: string;
  selected: boolean;
  isPrivate: boolean;
  className: string;
  style?: CSSProperties;
  children: ReactNode;
}

export function ItemShell({
  item,
  z,
  label,
  selected,
  isPrivate,
  className,
  style,
  children,
}: ItemShellProps) {
  const { t, overlay, overlays, state, model, nearby, surface } = useCanvas();
  const near = useNear(nearby, item);
  // Under the pointer, or holding the focus (a dialog the overlay opened counts: React's focus
  // events come up through its portal), or selected near the view: what the overlay calls
  // engaged. A selected item far away is not drawn for it, so Ctrl+A on a big board draws the
  // overlays near the view, not one on every item.
  const [pointerOver, setPointerOver] = useState(false);
  const [focusWithin, setFocusWithin] = useState(false);
  // The overlay is the item's own, though drawn outside its element: focus moving between them
  // stays within the item (React's focus events come up to it through the portal).
  const lifted = useRef<HTMLDivElement | null>(null);
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const to = event.relatedTarget as Node | null;
    if (!event.currentTarget.contains(to) && !lifted.current?.contains(to)) setFocusWithin(false);
  };
  // Deleted (by anyone, or undone) while it has the focus: the focus stays on the board, on the
  // same item drawn anew if it is (a revealed note leaves my private document for the board's).
  const leaving = useFocusSuccessor<HTMLDivElement>(
    () =>
      surface.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(item.id)}"]`) ??
      surface.current,
    { preventScroll: true },
  );
  // A vote dot with the focus when the item goes hands it on as the item itself does.
  const liftedRef = useCallback(
    (element: HTMLDivElement | null) => {
      lifted.current = element;
      const handOn = leaving(element);
      return () => {
        lifted.current = null;
        handOn?.();
      };
    },
    [leaving],
  );
  const engaged = (selected && near) || pointerOver || focusWithin;
  const classes = ['im-item', className];
  if (selected) classes.push('is-selected');
  const mine = model.mayEdit(item.id);
  const resizable = selected && mine;
  // Overlays keep clear of the handle (overlay.css): a class, not a :has() rule every item's
  // overlay would be matched against.
  if (resizable) classes.push('is-resizable');
  if (isPrivate) classes.push('is-private');
  // Pinned and not mine to change: no grab cursor, nothing offers to move it.
  if (item.pinned && !mine) classes.push('is-fixed');
  const width = resizable ? `calc(${item.w}px + var(--im-grow-w, 0px))` : item.w;
  const height = resizable ? `calc(${item.h}px + var(--im-grow-h, 0px))` : item.h;
  // Items are focusable groups (a note holds its text and handle, and owns its overlay): Tab and
  // arrow keys reach each one, Enter edits it. No native element is a movable, editable card.
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is a form control group, not a card
    <div
      ref={leaving}
      className={classes.join(' ')}
      data-item-id={item.id}
      data-item-type={item.type}
      data-private={isPrivate ? 'true' : undefined}
      data-pinned={item.pinned ? 'true' : undefined}
      role="group"
      aria-roledescription={t.canvas.itemType[item.type]}
      aria-label={label}
      // What the overlay says of it: "Not in this round" (workshop/ItemOverlay.tsx).
      aria-describedby={itemAboutId(item.id)}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: items are interactive (select, move, edit)
      tabIndex={0}
      onPointerEnter={() => setPointerOver(true)}
      onPointerLeave={() => setPointerOver(false)}
      onBlur={onBlur}
      onFocus={(event) => {
        setFocusWithin(true);
        // Keyboard focus selects, so Delete, colours and arrows act on what has focus. A click
        // has already chosen the selection (shift+click may have just removed this item); the
        // focus handed on after a delete only keeps the keyboard's place (BoardCanvas).
        const byKeyboard = event.currentTarget.matches(':focus-visible');
        if (
          byKeyboard &&
          state.focusSelects &&
          event.target === event.currentTarget &&
          !state.selection.has(item.id)
        ) {
          state.select([item.id]);
        }
      }}
      style={
        {
          left: item.x,
          top: item.y,
          // While its handle is dragged, a resize draws it larger between writes
          // (model/drag-preview.ts).
          width,
          height,
          // Its z-index (canvas.css), which a rule may restack it by: an item a round leaves out
          // lies beneath the round's (workshop/overlay.css), in its order among its own kind.
          '--im-z': z,
          ...style,
        } as CSSProperties
      }
    >
      {children}
      {isPrivate ? (
        <span className="im-private-badge" title={t.canvas.privateHint}>
          {t.canvas.privateNote}
        </span>
      ) : null}
      {item.pinned ? <PinMark /> : null}
      {/* Drawn near the view and on the item at hand, wherever the view goes (model/nearby.ts),
        above every item: an item lying over this one covered its vote dots, badge and assign
        button, and took their clicks (a11y QA). In the page it is elsewhere, but in React it is
        the item's child: the item's pointer and focus events come up from it, so the item stays
        hovered or focused while the pointer or the keyboard is on its overlay. Its box follows
        the item (a drag's translate and a resize's growth too, model/drag-preview.ts) and
        mirrors what the overlay's rules read of it; an empty one is not drawn (canvas.css). */}
      {(near || engaged) &&
        createPortal(
          <div
            ref={liftedRef}
            className={overlayClasses(item.type, selected, resizable, pointerOver, focusWithin)}
            data-overlay-of={item.id}
            style={{ left: item.x, top: item.y, width, height, '--im-z': z } as CSSProperties}
          >
            {overlay(item.id, engaged)}
          </div>,
          overlays,
        )}
      {/* Others' selections: drawn in the item, so what covers the item covers them too. */}
      <RemoteSelection id={item.id} />
      {resizable ? (
        <div
          className="im-resize"
          data-handle="resize"
          aria-hidden="true"
          title={t.canvas.resize}
        />
      ) : null}
    </div>
  );
}

/**
 * The overlay box's classes: the item's type, and what the item's own classes and hover or focus
 * would have said of an overlay drawn inside it (workshop/overlay.css).
 */
function overlayClasses(
  type: Item['type'],
  selected: boolean,
  resizable: boolean,
  pointerOver: boolean,
  focusWithin: boolean,
): string {
  // Named for the item ("item-selected"), not as the item's own classes: a page's or a test's
  // `.is-selected` finds the selected items, not their overlays too.
  const classes = ['im-overlay', `im-overlay-${type}`];
  if (selected) classes.push('item-selected');
  if (resizable) classes.push('item-resizable');
  if (pointerOver) classes.push('item-pointed');
  if (focusWithin) classes.push('item-focused');
  return classes.join(' ');
}
